using System.Text;
using Nlp.Documents;
using Nlp.Input;

namespace Nlp.Corpus;

/// <summary>
/// Validates annotated corpus files: offsets and texts, overlaps, types, relation heads and tails,
/// NFC, duplicate ids and near-duplicate paragraphs (shared word 5-grams), and counts what is there.
/// </summary>
public sealed class CorpusChecker
{
    public List<InputError> Errors { get; } = new();
    public List<InputError> Warnings { get; } = new();
    public SortedDictionary<string, int> EntityCounts { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> RelationCounts { get; } = new(StringComparer.Ordinal);
    public int Documents { get; private set; }

    /// <summary>Paragraphs sharing more than this fraction of their word 5-grams are near-duplicates.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.5;

    private readonly Dictionary<string, (string File, int Line)> _ids = new(StringComparer.Ordinal);
    private readonly List<(AnnotatedDocument Doc, HashSet<long> Shingles)> _shingled = new();

    public void Check(string path)
    {
        var (documents, errors) = AnnotatedJsonl.Read(path);
        Errors.AddRange(errors);
        foreach (var d in documents) Check(d);
    }

    public void Check(AnnotatedDocument d)
    {
        Documents++;
        void Error(string message) => Errors.Add(new InputError(d.File, d.Line, $"{d.Id}: {message}"));

        if (_ids.TryGetValue(d.Id, out var first)) Error($"duplicate id (first at {first.File}:{first.Line})");
        else _ids[d.Id] = (d.File, d.Line);
        if (!d.Text.IsNormalized(NormalizationForm.FormC)) Error("text is not in Unicode NFC");
        if (d.Date is null) Error("no publication date");

        int previousEnd = -1;
        foreach (var (e, k) in d.Entities.Select((e, k) => (e, k)))
        {
            if (!EntityTypes.IsKnown(e.Type)) Error($"entity {k}: unknown type '{e.Type}'");
            if (e.Start < 0 || e.End > d.Text.Length || e.Start >= e.End) { Error($"entity {k}: span [{e.Start}, {e.End}) is outside the text"); continue; }
            string actual = d.Text[e.Start..e.End];
            if (actual != e.Text) Error($"entity {k}: text '{e.Text}' but the span holds '{actual}'");
            if (actual != actual.Trim()) Error($"entity {k}: span '{actual}' starts or ends with a space");
            if (e.Start < previousEnd) Error($"entity {k}: '{actual}' overlaps the entity before it or is out of order");
            previousEnd = Math.Max(previousEnd, e.End);
            if (e.Type == EntityTypes.Money && (e.Amount is null || e.Currency is null)) Error($"entity {k}: MONEY '{actual}' needs amount and currency");
            if (e.Type == EntityTypes.Date && e.Value is not null && !IsIsoValue(e.Value)) Error($"entity {k}: DATE value '{e.Value}' is not an ISO date, month or year");
            EntityCounts[e.Type] = EntityCounts.GetValueOrDefault(e.Type) + 1;
        }
        foreach (var (r, k) in d.Relations.Select((r, k) => (r, k)))
        {
            if (!RelationTypes.IsKnown(r.Type)) { Error($"relation {k}: unknown type '{r.Type}'"); continue; }
            if (r.Head < 0 || r.Head >= d.Entities.Count || r.Tail < 0 || r.Tail >= d.Entities.Count || r.Head == r.Tail)
            { Error($"relation {k}: head {r.Head} or tail {r.Tail} is not another entity of the document"); continue; }
            var (h, t) = (d.Entities[r.Head], d.Entities[r.Tail]);
            if (!RelationTypes.Allows(r.Type, h.Type, t.Type)) Error($"relation {k}: {r.Type} cannot link {h.Type} '{h.Text}' to {t.Type} '{t.Text}'");
            RelationCounts[r.Type] = RelationCounts.GetValueOrDefault(r.Type) + 1;
        }
        CheckNearDuplicates(d);
    }

    private void CheckNearDuplicates(AnnotatedDocument d)
    {
        var words = d.Text.ToLowerInvariant().Split([' ', '\n', '\t', ',', '.', '"'], StringSplitOptions.RemoveEmptyEntries);
        var shingles = new HashSet<long>();
        for (int k = 0; k + 5 <= words.Length; k++)
            shingles.Add(string.Join(' ', words, k, 5).GetHashCode(StringComparison.Ordinal) & 0xFFFFFFFFL);
        if (shingles.Count == 0) return;
        foreach (var (other, otherShingles) in _shingled)
        {
            int shared = shingles.Count(otherShingles.Contains);
            double overlap = (double)shared / Math.Min(shingles.Count, otherShingles.Count);
            if (overlap > NearDuplicateThreshold)
                Errors.Add(new InputError(d.File, d.Line, $"{d.Id}: near-duplicate of {other.Id} ({other.File}:{other.Line}), {overlap:P0} of word 5-grams shared"));
        }
        _shingled.Add((d, shingles));
    }

    private static bool IsIsoValue(string v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", out _) || DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", out _) || (v.Length == 4 && int.TryParse(v, out _));
}
