using System.Text;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Text;

namespace Nlp.Indexing;

/// <summary>An entity as indexes store it: its stable id, type, text, value and where it is.</summary>
public sealed record IndexedEntity(string Id, string Type, string Text, int Start, int End)
{
    public string? Value { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public double? Confidence { get; init; }
}

/// <summary>
/// A processed document in the shape search indexes need: the text, its syllables and its segmented words
/// as separate fields (words written with their syllables joined by <c>_</c>), a copy folded to no
/// diacritics for accent-free queries, the entities with keyword facets per type, relations as keyword
/// triples, and passages with their o200k token counts.
/// </summary>
public sealed record IndexRecord(string Id, string Text)
{
    public DateOnly? Date { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string Syllables { get; init; } = "";
    public string Words { get; init; } = "";
    public string Folded { get; init; } = "";
    public IReadOnlyList<IndexedEntity> Entities { get; init; } = [];
    public IReadOnlyList<string> Relations { get; init; } = [];
    public IReadOnlyList<Passage> Passages { get; init; } = [];
    public int Tokens => Passages.Sum(p => p.Tokens);

    /// <summary>Facet names by entity type, as in the mapping.</summary>
    public static readonly IReadOnlyDictionary<string, string> Facets = new Dictionary<string, string>
    {
        [EntityTypes.Org] = "orgs", [EntityTypes.Product] = "products", [EntityTypes.Person] = "people", [EntityTypes.Location] = "places",
    };

    public IEnumerable<string> FacetValues(string type) => Entities.Where(e => e.Type == type).Select(e => e.Text).Distinct(StringComparer.Ordinal);

    /// <summary>The record of a processed document; <paramref name="given"/> replaces its entities and relations (extract output).</summary>
    public static IndexRecord From(Document document, int passageTokens, AnnotatedDocument? given = null)
    {
        var annotated = given ?? AnnotatedDocument.From(document);
        var entities = annotated.Entities.Select(e => new IndexedEntity(e.EntityId ?? EntityIds.For(e.Type, e.Text), e.Type, e.Text, e.Start, e.End)
        {
            Value = e.Value, Amount = e.Amount, Currency = e.Currency, Confidence = e.Confidence,
        }).ToList();
        var relations = annotated.Relations.Select(r => $"{entities[r.Head].Id} {r.Type} {entities[r.Tail].Id}").ToList();
        return new IndexRecord(document.Id, document.Text)
        {
            Date = document.Date, Title = document.Title, Url = document.Url,
            Syllables = JoinTokens(document, document.Tokens.Where(t => t.IsSyllable).Select(t => (t, t))),
            Words = JoinWords(document),
            Folded = Folding.Fold(JoinTokens(document, document.Tokens.Where(t => t.IsSyllable).Select(t => (t, t)))),
            Entities = entities,
            Relations = relations,
            Passages = Indexing.Passages.Split(document, passageTokens),
        };
    }

    private static string JoinTokens(Document document, IEnumerable<(Token First, Token Last)> spans)
    {
        var sb = new StringBuilder(document.Text.Length);
        foreach (var (first, last) in spans)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(document.Normalized.Text, first.Start, last.End - first.Start);
        }
        return sb.ToString();
    }

    private static string JoinWords(Document document)
    {
        if (document.Words.Count == 0) return JoinTokens(document, document.Tokens.Where(t => t.IsSyllable).Select(t => (t, t)));
        var sb = new StringBuilder(document.Text.Length);
        foreach (var word in document.Words)
        {
            if (!document.Tokens[word.FirstToken].IsSyllable) continue;
            if (sb.Length > 0) sb.Append(' ');
            for (int t = word.FirstToken; t < word.EndToken; t++)
            {
                if (t > word.FirstToken) sb.Append('_');
                sb.Append(document.TextOf(document.Tokens[t]));
            }
        }
        return sb.ToString();
    }
}
