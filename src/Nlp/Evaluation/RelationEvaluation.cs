using Nlp.Corpus;

namespace Nlp.Evaluation;

/// <summary>
/// Relation scores: a predicted relation is right when its type, its head's span and type and its tail's
/// span and type are all those of a gold relation (strict entity spans). Per relation type and overall.
/// </summary>
public sealed class RelationEvaluation
{
    public SortedDictionary<string, TypeScore> ByType { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = new();

    public TypeScore Overall
    {
        get
        {
            var total = new TypeScore();
            foreach (var s in ByType.Values) { total.Gold += s.Gold; total.Predicted += s.Predicted; total.StrictCorrect += s.StrictCorrect; }
            return total;
        }
    }

    public void Add(AnnotatedDocument gold, AnnotatedDocument predicted)
    {
        var g = Keys(gold);
        var p = Keys(predicted);
        foreach (var k in g) Score(k.Type).Gold++;
        foreach (var k in p)
        {
            Score(k.Type).Predicted++;
            if (g.Contains(k)) Score(k.Type).StrictCorrect++;
            else Errors.Add($"{gold.Id}\tspurious\t{k.Type}\t{Text(gold, k.Head)} -> {Text(gold, k.Tail)}");
        }
        foreach (var k in g.Where(k => !p.Contains(k))) Errors.Add($"{gold.Id}\tmissed\t{k.Type}\t{Text(gold, k.Head)} -> {Text(gold, k.Tail)}");
    }

    private static string Text(AnnotatedDocument d, (int Start, int End, string Type) e) => $"{e.Type} '{d.Text[e.Start..e.End]}'";

    private static HashSet<((int, int, string) Head, string Type, (int, int, string) Tail)> Keys(AnnotatedDocument d) =>
        d.Relations.Where(r => r.Head >= 0 && r.Head < d.Entities.Count && r.Tail >= 0 && r.Tail < d.Entities.Count)
            .Select(r => ((d.Entities[r.Head].Start, d.Entities[r.Head].End, d.Entities[r.Head].Type), r.Type, (d.Entities[r.Tail].Start, d.Entities[r.Tail].End, d.Entities[r.Tail].Type)))
            .ToHashSet();

    private TypeScore Score(string type) => ByType.TryGetValue(type, out var s) ? s : ByType[type] = new TypeScore();
}
