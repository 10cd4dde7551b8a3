using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Newtonsoft.Json;
using Nlp.Documents;
using Nlp.Segmentation;
using Nlp.Text;

namespace Nlp.Indexing;

/// <summary>What to look for: free text (may be empty) and filters that every hit must pass.</summary>
public sealed record SearchRequest(string Text)
{
    public IReadOnlyList<string> Orgs { get; init; } = [];
    public IReadOnlyList<string> Products { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Top { get; init; } = 10;
    public int FacetSize { get; init; } = 10;
}

public sealed record SearchHit(string Id, float Score, string? Title, string? Date, string? Url, string Snippet, IReadOnlyList<IndexedEntity> Entities);

public sealed record SearchResult(int TotalHits, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<(string Name, int Count)>> Facets);

/// <summary>
/// Searches an index made by <see cref="LuceneIndexWriter"/>. The query text is analysed with the same
/// analyzers as the documents, whole (so that <c>công ty</c> becomes the word <c>công_ty</c>), and matched as
/// words, as syllables (and as a phrase), and without diacritics (<c>cong ty</c> finds <c>công ty</c>); exact
/// words and phrases weigh most. Filters select by entity, entity type and date range. Facets count the
/// entities of every matching document, by type.
/// </summary>
public sealed class LuceneSearcher : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly VietnameseAnalyzer _syllables, _words, _folded;

    public LuceneSearcher(string path, SegmenterModel? segmenter)
    {
        if (!System.IO.Directory.Exists(path) || !DirectoryReader.IndexExists(FSDirectory.Open(path)))
            throw new DirectoryNotFoundException($"no search index at '{path}' (make one with 'vnlp index INPUT... --lucene {path}')");
        _directory = FSDirectory.Open(path);
        _reader = DirectoryReader.Open(_directory);
        IndexFields.CheckAnalyzer(_reader, path);
        _searcher = new IndexSearcher(_reader);
        _syllables = new VietnameseAnalyzer(AnalysisMode.Syllables, segmenter);
        _words = new VietnameseAnalyzer(AnalysisMode.Words, segmenter);
        _folded = new VietnameseAnalyzer(AnalysisMode.Folded, segmenter);
    }

    public int DocumentCount => _reader.NumDocs;

    public SearchResult Search(SearchRequest request)
    {
        var query = BuildQuery(request);
        var top = TopScoreDocCollector.Create(Math.Max(1, request.Top), true);
        var facets = new FacetCollector(EntityTypes.All.Where(IndexRecord.Facets.ContainsKey));
        _searcher.Search(query, MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs();
        var queryTerms = new HashSet<string>(_syllables.Terms(request.Text), StringComparer.Ordinal);
        var hits = docs.ScoreDocs.Select(sd =>
        {
            var d = _searcher.Doc(sd.Doc);
            string text = d.Get(IndexFields.Text) ?? "";
            var entities = JsonConvert.DeserializeObject<List<IndexedEntity>>(d.Get(IndexFields.Entities) ?? "[]") ?? [];
            return new SearchHit(d.Get(IndexFields.Id), sd.Score, d.Get(IndexFields.Title), d.Get(IndexFields.DateText), d.Get(IndexFields.Url), Snippets.Best(text, queryTerms), entities);
        }).ToList();
        return new SearchResult(docs.TotalHits, hits, facets.Top(request.FacetSize));
    }

    private Query BuildQuery(SearchRequest request)
    {
        Query main;
        var syllables = _syllables.Terms(request.Text);
        var folded = _folded.Terms(request.Text);
        if (syllables.Count == 0) main = new MatchAllDocsQuery();
        else
        {
            // Every query syllable must be there, with its diacritics or without them; whole words,
            // phrases and title matches rank higher.
            var all = new BooleanQuery();
            for (int i = 0; i < syllables.Count; i++)
            {
                var either = new BooleanQuery
                {
                    { new TermQuery(new Term(IndexFields.Text, syllables[i])), Occur.SHOULD },
                    { new TermQuery(new Term(IndexFields.Folded, folded[i])) { Boost = 0.5f }, Occur.SHOULD },
                };
                all.Add(either, Occur.MUST);
            }
            foreach (var w in _words.Terms(request.Text).Distinct()) all.Add(new TermQuery(new Term(IndexFields.Words, w)) { Boost = 2f }, Occur.SHOULD);
            if (syllables.Count > 1)
            {
                all.Add(Phrase(IndexFields.Text, syllables, 3f), Occur.SHOULD);
                all.Add(Phrase(IndexFields.Title, syllables, 3f), Occur.SHOULD);
                all.Add(Phrase(IndexFields.Folded, folded, 1.5f), Occur.SHOULD);
            }
            else all.Add(new TermQuery(new Term(IndexFields.Title, syllables[0])) { Boost = 2f }, Occur.SHOULD);
            main = all;
        }

        var filters = new BooleanQuery();
        foreach (var org in request.Orgs) filters.Add(new TermQuery(new Term(IndexFields.Filter(EntityTypes.Org), EntityIds.For(EntityTypes.Org, org))), Occur.MUST);
        foreach (var product in request.Products) filters.Add(new TermQuery(new Term(IndexFields.Filter(EntityTypes.Product), EntityIds.For(EntityTypes.Product, product))), Occur.MUST);
        foreach (var type in request.Types) filters.Add(new TermQuery(new Term(IndexFields.Types, type.ToUpperInvariant())), Occur.MUST);
        if (request.From is not null || request.To is not null)
            filters.Add(NumericRangeQuery.NewInt64Range(IndexFields.Date,
                request.From is DateOnly f ? IndexFields.DateNumber(f) : null, request.To is DateOnly t ? IndexFields.DateNumber(t) : null, true, true), Occur.MUST);
        return filters.Clauses.Count == 0 ? main : new FilteredQuery(main, new QueryWrapperFilter(filters));
    }

    private static PhraseQuery Phrase(string field, IEnumerable<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Slop = 1, Boost = boost };
        foreach (var t in terms) phrase.Add(new Term(field, t));
        return phrase;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Counts, for every matching document, the entity names it holds, by type: by ordinal within each
    /// index segment (no string per hit), turned into names once per segment.
    /// </summary>
    private sealed class FacetCollector(IEnumerable<string> types) : ICollector
    {
        private readonly string[] _types = types.ToArray();
        private readonly Dictionary<string, Dictionary<string, int>> _counts = new();
        private SortedSetDocValues?[] _values = [];
        private int[][] _ordinalCounts = [];

        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _values = _types.Select(t => context.AtomicReader.GetSortedSetDocValues(IndexFields.Facet(t))).ToArray();
            _ordinalCounts = _values.Select(v => v is null ? [] : new int[v.ValueCount]).ToArray();
        }

        public void Collect(int doc)
        {
            for (int k = 0; k < _types.Length; k++)
            {
                var values = _values[k];
                if (values is null) continue;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _ordinalCounts[k][ord]++;
            }
        }

        private void Flush()
        {
            var scratch = new BytesRef();
            for (int k = 0; k < _values.Length; k++)
            {
                if (_values[k] is not SortedSetDocValues values) continue;
                var counts = _counts.TryGetValue(_types[k], out var c) ? c : _counts[_types[k]] = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int ord = 0; ord < _ordinalCounts[k].Length; ord++)
                {
                    if (_ordinalCounts[k][ord] == 0) continue;
                    values.LookupOrd(ord, scratch);
                    string name = scratch.Utf8ToString();
                    counts[name] = counts.GetValueOrDefault(name) + _ordinalCounts[k][ord];
                }
            }
            _values = [];
        }

        public IReadOnlyDictionary<string, IReadOnlyList<(string, int)>> Top(int n)
        {
            Flush();
            return _counts.ToDictionary(p => p.Key, p => (IReadOnlyList<(string, int)>)p.Value
                .OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(n).Select(x => (x.Key, x.Value)).ToList());
        }
    }
}

/// <summary>
/// The sentence of a text that holds most query terms, with those terms marked by <c>**</c>. A query
/// syllable typed with diacritics matches only itself (<c>công</c>, not <c>cống</c>); one typed without
/// matches any accented form (<c>cong</c> matches <c>công</c>), as the folded field does.
/// </summary>
public static class Snippets
{
    private static readonly Pipeline.NlpPipeline Sentences = new([new Pipeline.NormalizeStage(), new Pipeline.TokenizeStage(), new Tokenization.SentenceSplitter()]);

    public static string Best(string text, IReadOnlySet<string> queryTerms, int maxLength = 300)
    {
        var d = Sentences.Process(new Document("", text));
        if (d.Sentences.Count == 0) return "";
        var plainTerms = queryTerms.Where(t => Folding.Fold(t) == t).ToHashSet(StringComparer.Ordinal);
        bool Matches(Token t)
        {
            if (!t.IsSyllable) return false;
            var term = VietnameseAnalyzer.Term(d.TextOf(t));
            return queryTerms.Contains(term) || (plainTerms.Count > 0 && plainTerms.Contains(Folding.Fold(term)));
        }
        var best = d.Sentences.MaxBy(s => Enumerable.Range(s.FirstToken, s.TokenCount).Count(t => Matches(d.Tokens[t])));
        var (start, end) = d.ToInput(d.Tokens[best.FirstToken].Start, d.Tokens[best.EndToken - 1].End);
        var snippet = new StringBuilder();
        int at = start;
        for (int t = best.FirstToken; t < best.EndToken; t++)
        {
            if (!Matches(d.Tokens[t])) continue;
            var (s, e) = d.ToInput(d.Tokens[t].Start, d.Tokens[t].End);
            snippet.Append(text, at, s - at).Append("**").Append(text, s, e - s).Append("**");
            at = e;
        }
        snippet.Append(text, at, end - at);
        var result = snippet.ToString().Replace('\n', ' ');
        return result.Length <= maxLength ? result : result[..maxLength] + "…";
    }
}
