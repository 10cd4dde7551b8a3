namespace Nlp.Corpus;

/// <summary>
/// Tells whether two annotated paragraphs report the same event, so that an evaluation set can be
/// scored apart from the stories its model was trained on. Written news repeats events, so a paragraph
/// on a deal the training data also covers is easier for a model than a new one: the names and amounts
/// were seen together. Two paragraphs tell the same event when they share
/// <list type="bullet">
/// <item>an amount of money or a dated expression with a number, and two names (ORG, PRODUCT, PERSON);</item>
/// <item>or three names and a tenth of their word trigrams;</item>
/// <item>or an amount or date and a tenth of their trigrams;</item>
/// <item>or more than three twentieths of their trigrams (the same wording, whatever the entities).</item>
/// </list>
/// </summary>
public sealed class SameEvent
{
    private readonly HashSet<(string Type, string Text)> _entities;
    private readonly HashSet<string> _trigrams;

    public SameEvent(AnnotatedDocument document)
    {
        Document = document;
        _entities = [.. document.Entities.Select(e => (e.Type, e.Text.ToLowerInvariant()))];
        var words = document.Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        _trigrams = [.. Enumerable.Range(0, Math.Max(0, words.Length - 2)).Select(k => string.Join(' ', words, k, 3))];
    }

    public AnnotatedDocument Document { get; }

    public bool Matches(SameEvent other)
    {
        int amountsOrDates = 0, names = 0;
        foreach (var (type, text) in _entities)
        {
            if (!other._entities.Contains((type, text))) continue;
            if (type == "MONEY" || (type == "DATE" && text.Any(char.IsAsciiDigit))) amountsOrDates++;
            else if (type is "ORG" or "PRODUCT" or "PERSON") names++;
        }
        int smaller = Math.Min(_trigrams.Count, other._trigrams.Count);
        double wording = smaller == 0 ? 0 : (double)_trigrams.Count(other._trigrams.Contains) / smaller;
        return (amountsOrDates > 0 && names >= 2) || (names >= 3 && wording >= 0.1) || (amountsOrDates > 0 && wording >= 0.1) || wording > 0.15;
    }

    /// <summary>For each evaluation paragraph, the training paragraphs that tell the same event (empty: a novel one).</summary>
    public static IReadOnlyList<(AnnotatedDocument Document, IReadOnlyList<AnnotatedDocument> SameEventIn)> Find(IEnumerable<AnnotatedDocument> evaluation, IEnumerable<AnnotatedDocument> training)
    {
        var trained = training.Select(d => new SameEvent(d)).ToList();
        return [.. evaluation.Select(d =>
        {
            var probe = new SameEvent(d);
            return (d, (IReadOnlyList<AnnotatedDocument>)[.. trained.Where(probe.Matches).Select(t => t.Document)]);
        })];
    }
}
