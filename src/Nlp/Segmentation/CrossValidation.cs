namespace Nlp.Segmentation;

/// <summary>k-fold cross-validation of the segmenter: every sentence is scored once by a model that never saw it.</summary>
public static class CrossValidation
{
    public sealed record FoldResult(int Fold, int TrainSentences, int TestSentences, SegmentationScore Score, TimeSpan TrainingTime);

    /// <summary>Deterministic folds: sentences shuffled with the seed, then dealt out round-robin.</summary>
    public static IReadOnlyList<FoldResult> Run(IReadOnlyList<SegmentedSentence> sentences, int folds, SegmenterTrainingOptions options, Action<FoldResult>? progress = null, bool keepNamesWhole = true)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "cross-validation needs at least 2 folds");
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        var foldOf = new int[sentences.Count];
        for (int k = 0; k < order.Length; k++) foldOf[order[k]] = k % folds;

        var results = new List<FoldResult>();
        for (int f = 0; f < folds; f++)
        {
            var train = sentences.Where((_, k) => foldOf[k] != f).ToList();
            var test = sentences.Where((_, k) => foldOf[k] == f).ToList();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var trained = SegmenterTrainer.Train(train, options);
            trained.Model.KeepNamesWhole = keepNamesWhole;
            watch.Stop();
            var result = new FoldResult(f + 1, train.Count, test.Count, SegmentationScore.Evaluate(trained.Model, test), watch.Elapsed);
            results.Add(result);
            progress?.Invoke(result);
        }
        return results;
    }
}
