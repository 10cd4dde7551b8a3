using Nlp.Corpus;
using Nlp.Documents;

namespace Nlp.Evaluation;

/// <summary>Counts for one entity type.</summary>
public sealed class TypeScore
{
    public int Gold { get; set; }
    public int Predicted { get; set; }
    public int StrictCorrect { get; set; }
    public int PartialGoldMatched { get; set; }
    public int PartialPredictedMatched { get; set; }
    /// <summary>DATE and MONEY: strictly correct spans whose value is also right.</summary>
    public int ValueCorrect { get; set; }

    public double Precision => Ratio(StrictCorrect, Predicted);
    public double Recall => Ratio(StrictCorrect, Gold);
    public double F1 => Harmonic(Precision, Recall);
    public double PartialPrecision => Ratio(PartialPredictedMatched, Predicted);
    public double PartialRecall => Ratio(PartialGoldMatched, Gold);
    public double PartialF1 => Harmonic(PartialPrecision, PartialRecall);
    public double ValueAccuracy => Ratio(ValueCorrect, StrictCorrect);

    internal static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    internal static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>One gold or predicted entity that did not find its strict match.</summary>
public sealed record EntityError(string DocumentId, string Kind, string Type, string Text, int Start, int End, string? Detail);

/// <summary>
/// Entity scores of predictions against gold, as seqeval scores them in strict mode: an entity is
/// right when its span and type are exactly those of a gold entity; precision, recall and F1 per type
/// and micro-averaged over types. Also partial matching (an overlapping span of the same type), value
/// accuracy for DATE and MONEY, and a confusion table of gold type against predicted type.
/// </summary>
public sealed class EntityEvaluation
{
    public const string None = "O";

    public SortedDictionary<string, TypeScore> ByType { get; } = new(StringComparer.Ordinal);
    /// <summary>Confusion[gold type][predicted type]: gold entities by the type predicted on the same span (O: none).</summary>
    public SortedDictionary<string, SortedDictionary<string, int>> Confusion { get; } = new(StringComparer.Ordinal);
    public List<EntityError> Errors { get; } = new();
    public int Documents { get; private set; }

    public TypeScore Overall
    {
        get
        {
            var total = new TypeScore();
            foreach (var s in ByType.Values)
            {
                total.Gold += s.Gold; total.Predicted += s.Predicted; total.StrictCorrect += s.StrictCorrect;
                total.PartialGoldMatched += s.PartialGoldMatched; total.PartialPredictedMatched += s.PartialPredictedMatched;
                total.ValueCorrect += s.ValueCorrect;
            }
            return total;
        }
    }

    /// <summary>Restricts scoring to these types (others are ignored on both sides); null scores all.</summary>
    public IReadOnlySet<string>? Types { get; init; }

    public void Add(AnnotatedDocument gold, AnnotatedDocument predicted)
    {
        Documents++;
        var g = gold.Entities.Where(Included).ToList();
        var p = predicted.Entities.Where(Included).ToList();
        foreach (var e in g) Score(e.Type).Gold++;
        foreach (var e in p) Score(e.Type).Predicted++;

        var predictedBySpan = p.GroupBy(e => (e.Start, e.End)).ToDictionary(x => x.Key, x => x.ToList());
        var matchedPredictions = new HashSet<AnnotatedEntity>(ReferenceEqualityComparer.Instance);
        foreach (var e in g)
        {
            var sameSpan = predictedBySpan.GetValueOrDefault((e.Start, e.End)) ?? [];
            var exact = sameSpan.FirstOrDefault(x => x.Type == e.Type);
            string confusedWith = exact?.Type ?? sameSpan.FirstOrDefault()?.Type ?? None;
            var row = Confusion.TryGetValue(e.Type, out var r) ? r : Confusion[e.Type] = new(StringComparer.Ordinal);
            row[confusedWith] = row.GetValueOrDefault(confusedWith) + 1;

            if (exact is not null)
            {
                matchedPredictions.Add(exact);
                var s = Score(e.Type);
                s.StrictCorrect++;
                if (ValueMatches(e, exact)) s.ValueCorrect++;
                else if (e.Type is EntityTypes.Date or EntityTypes.Money)
                    Errors.Add(new EntityError(gold.Id, "value", e.Type, e.Text, e.Start, e.End, $"gold {Describe(e)}, predicted {Describe(exact)}"));
            }
            else
            {
                var overlapping = p.Where(x => x.Start < e.End && e.Start < x.End).Select(x => $"{x.Type} '{x.Text}'");
                Errors.Add(new EntityError(gold.Id, "missed", e.Type, e.Text, e.Start, e.End, string.Join(", ", overlapping) is { Length: > 0 } o ? "predicted " + o : null));
            }
            if (p.Any(x => x.Type == e.Type && x.Start < e.End && e.Start < x.End)) Score(e.Type).PartialGoldMatched++;
        }
        foreach (var x in p)
        {
            if (g.Any(e => e.Type == x.Type && x.Start < e.End && e.Start < x.End)) Score(x.Type).PartialPredictedMatched++;
            if (!matchedPredictions.Contains(x))
            {
                var overlapping = g.Where(e => x.Start < e.End && e.Start < x.End).Select(e => $"{e.Type} '{e.Text}'");
                Errors.Add(new EntityError(gold.Id, "spurious", x.Type, x.Text, x.Start, x.End, string.Join(", ", overlapping) is { Length: > 0 } o ? "gold " + o : null));
            }
        }
    }

    private bool Included(AnnotatedEntity e) => Types is null || Types.Contains(e.Type);

    private TypeScore Score(string type) => ByType.TryGetValue(type, out var s) ? s : ByType[type] = new TypeScore();

    private static bool ValueMatches(AnnotatedEntity gold, AnnotatedEntity predicted) => gold.Type switch
    {
        EntityTypes.Date => gold.Value == predicted.Value,
        EntityTypes.Money => gold.Amount == predicted.Amount && gold.Currency == predicted.Currency,
        _ => true,
    };

    private static string Describe(AnnotatedEntity e) => e.Type == EntityTypes.Money ? $"{e.Amount} {e.Currency}" : e.Value ?? "(no value)";
}
