namespace Nlp.Segmentation;

/// <summary>Word-level precision, recall and F1: a predicted word counts when its syllable span matches a gold word exactly.</summary>
public sealed class SegmentationScore
{
    public long Gold { get; private set; }
    public long Predicted { get; private set; }
    public long Correct { get; private set; }
    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds one sentence: gold words, and the model's joins between its syllables.</summary>
    public void Add(SegmentedSentence gold, bool[] joins)
    {
        var syllables = gold.Syllables.ToArray();
        var goldSpans = new HashSet<(int, int)>();
        int at = 0;
        foreach (var word in gold.Words) { goldSpans.Add((at, at + word.Length)); at += word.Length; }
        var predictedSpans = new List<(int, int)>();
        int start = 0;
        for (int k = 0; k < syllables.Length; k++)
        {
            if (k == syllables.Length - 1 || !joins[k]) { predictedSpans.Add((start, k + 1)); start = k + 1; }
        }
        Gold += goldSpans.Count;
        Predicted += predictedSpans.Count;
        foreach (var span in predictedSpans)
        {
            if (goldSpans.Contains(span)) Correct++;
            else Count("predicted " + string.Join('_', syllables[span.Item1..span.Item2]).ToLowerInvariant());
        }
        var predictedSet = predictedSpans.ToHashSet();
        foreach (var span in goldSpans)
            if (!predictedSet.Contains(span)) Count("missed    " + string.Join('_', syllables[span.Item1..span.Item2]).ToLowerInvariant());
    }

    public void Add(SegmentationScore other)
    {
        Gold += other.Gold; Predicted += other.Predicted; Correct += other.Correct;
        foreach (var (k, v) in other.Errors) Errors[k] = Errors.GetValueOrDefault(k) + v;
    }

    private void Count(string error) => Errors[error] = Errors.GetValueOrDefault(error) + 1;

    public IEnumerable<(string Error, int Count)> MostFrequentErrors(int n) =>
        Errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(n).Select(e => (e.Key, e.Value));

    public static SegmentationScore Evaluate(SegmenterModel model, IEnumerable<SegmentedSentence> gold)
    {
        var score = new SegmentationScore();
        foreach (var sentence in gold) score.Add(sentence, model.Joins(sentence.Syllables.ToArray()));
        return score;
    }
}
