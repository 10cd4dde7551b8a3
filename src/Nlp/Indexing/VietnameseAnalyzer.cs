using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Nlp.Documents;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Text;
using Nlp.Tokenization;

namespace Nlp.Indexing;

/// <summary>What the analyzer emits: lower-cased syllables, segmented words, or syllables without diacritics.</summary>
public enum AnalysisMode { Syllables, Words, Folded }

/// <summary>
/// A Lucene analyzer made of this project's own stages: normalisation, the tokenizer, sentences and the
/// word segmenter. Terms are lower-cased syllables (numbers included, punctuation left out), words whose
/// syllables are joined by <c>_</c> (<c>công_ti</c>), or syllables folded to no diacritics (<c>cong</c>, <c>ti</c>),
/// with offsets into the original text so that hits can be highlighted. Syllables are in one i/y spelling
/// (<see cref="IYSpelling"/>), so that <c>quy mô</c> finds <c>qui mô</c> and <c>lý do</c> finds <c>lí do</c>;
/// the spelling shows only in the index's terms, never in the text or snippets returned.
/// </summary>
public sealed class VietnameseAnalyzer(AnalysisMode mode, SegmenterModel? segmenter) : Analyzer
{
    /// <summary>
    /// Which terms this analyzer makes, stamped on every index it writes: an index whose terms were made
    /// another way cannot be searched or added to with this one (1: before the i/y spelling was unified).
    /// </summary>
    public const string Version = "2";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new VietnameseTokenizer(reader, mode, segmenter));

    /// <summary>The term of one syllable of normalised text: lower case, one i/y spelling.</summary>
    public static string Term(ReadOnlySpan<char> syllable) => IYSpelling.Unify(syllable.ToString().ToLowerInvariant());

    /// <summary>The terms this analyzer makes of a text (for queries and tests).</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return terms;
        using var stream = GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}

internal sealed class VietnameseTokenizer : Tokenizer
{
    private readonly AnalysisMode _mode;
    private readonly NlpPipeline _pipeline;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private List<(string Term, int Start, int End)>? _items;
    private int _next, _finalOffset;

    public VietnameseTokenizer(TextReader input, AnalysisMode mode, SegmenterModel? segmenter) : base(input)
    {
        _mode = mode;
        var stages = new List<IPipelineStage> { new NormalizeStage(), new TokenizeStage(), new SentenceSplitter() };
        if (mode == AnalysisMode.Words && segmenter is not null) stages.Add(new WordSegmentationStage(segmenter));
        _pipeline = new NlpPipeline(stages);
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        _items ??= Analyse(m_input.ReadToEnd() ?? "");
        if (_next >= _items.Count) return false;
        var (term, start, end) = _items[_next++];
        _term.SetEmpty().Append(term);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        return true;
    }

    private List<(string, int, int)> Analyse(string text)
    {
        _finalOffset = text.Length;
        var d = _pipeline.Process(new Document("", text));
        var items = new List<(string, int, int)>();
        if (_mode == AnalysisMode.Words && d.Words.Count > 0)
        {
            foreach (var word in d.Words)
            {
                if (!d.Tokens[word.FirstToken].IsSyllable) continue;
                var (s, e) = d.ToInput(d.Tokens[word.FirstToken].Start, d.Tokens[word.EndToken - 1].End);
                var term = string.Join('_', Enumerable.Range(word.FirstToken, word.TokenCount).Select(t => VietnameseAnalyzer.Term(d.TextOf(d.Tokens[t]))));
                items.Add((term, s, e));
            }
            return items;
        }
        foreach (var token in d.Tokens)
        {
            if (!token.IsSyllable) continue;
            var (s, e) = d.ToInput(token.Start, token.End);
            var term = VietnameseAnalyzer.Term(d.TextOf(token));
            items.Add((_mode == AnalysisMode.Folded ? Folding.Fold(term) : term, s, e));
        }
        return items;
    }

    public override void End()
    {
        base.End();
        int final = CorrectOffset(_finalOffset);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _items = null;
        _next = 0;
        _finalOffset = 0;
    }
}
