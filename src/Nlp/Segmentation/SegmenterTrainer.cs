using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Nlp.Segmentation;

/// <summary>One syllable boundary for training: join (same word) or split, and its feature strings.</summary>
public sealed class BoundaryExample
{
    public bool Label { get; set; }
    public string[] Features { get; set; } = [];
}

public enum SegmenterAlgorithm
{
    /// <summary>Logistic regression, L-BFGS (the default: best held-out F1, see the README).</summary>
    Lbfgs,
    /// <summary>Logistic regression, SDCA.</summary>
    Sdca,
    AveragedPerceptron,
    LinearSvm,
}

public sealed record SegmenterTrainingOptions
{
    public int Seed { get; init; } = 1;
    public SegmenterAlgorithm Algorithm { get; init; } = SegmenterAlgorithm.Lbfgs;
    /// <summary>L2 regularisation for the logistic regressions.</summary>
    public float L2 { get; init; } = 0.01f;
    public int Iterations { get; init; } = 10;
}

/// <summary>A trained segmenter: the ML.NET model (what is saved) and the fast scorer read from it.</summary>
public sealed record TrainedSegmenter(ITransformer Transformer, DataViewSchema InputSchema, SegmenterModel Model, int Examples)
{
    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        string temporary = path + ".tmp";
        new MLContext().Model.Save(Transformer, InputSchema, temporary);
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>
/// Trains the boundary classifier with ML.NET: an estimator chain that maps feature strings to keys,
/// turns each example's keys into a sparse bag vector, and fits a linear binary classifier.
/// </summary>
public static class SegmenterTrainer
{
    public static IEnumerable<BoundaryExample> Examples(IEnumerable<SegmentedSentence> sentences)
    {
        foreach (var sentence in sentences)
        {
            var syllables = new List<string>();
            var wordEnds = new HashSet<int>();
            foreach (var word in sentence.Words)
            {
                syllables.AddRange(word);
                wordEnds.Add(syllables.Count - 1);
            }
            var kinds = syllables.Select(SegmenterFeatures.KindOf).ToArray();
            var forms = syllables.Select((s, k) => SegmenterFeatures.Form(s, kinds[k])).ToArray();
            var shapes = syllables.Select((s, k) => SegmenterFeatures.Shape(s, kinds[k])).ToArray();
            for (int i = 0; i < syllables.Count - 1; i++)
            {
                if (!SegmenterModel.IsSyllable(kinds[i]) || !SegmenterModel.IsSyllable(kinds[i + 1])) continue;
                yield return new BoundaryExample { Label = !wordEnds.Contains(i), Features = SegmenterFeatures.BoundaryFeatures(forms, shapes, i) };
            }
        }
    }

    public static TrainedSegmenter Train(IEnumerable<SegmentedSentence> sentences, SegmenterTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var examples = Examples(sentences).ToList();
        if (examples.Count == 0) throw new InvalidDataException("no syllable boundaries to learn from: the training data has no multi-syllable sentences");
        var data = ml.Data.LoadFromEnumerable(examples);
        var featurize = ml.Transforms.Conversion.MapValueToKey(SegmenterModel.KeysColumn, nameof(BoundaryExample.Features))
            .Append(ml.Transforms.Conversion.MapKeyToVector("Vector", SegmenterModel.KeysColumn, outputCountVector: true));
        var pipeline = featurize.Append(Trainer(ml, options));
        var transformer = pipeline.Fit(data);
        return new TrainedSegmenter(transformer, data.Schema, SegmenterModel.FromTransformer(transformer, data.Schema), examples.Count);
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, SegmenterTrainingOptions options) => options.Algorithm switch
    {
        SegmenterAlgorithm.Lbfgs => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = "Vector", L2Regularization = options.L2, L1Regularization = 0f, NumberOfThreads = 1, MaximumNumberOfIterations = 200,
        }),
        SegmenterAlgorithm.Sdca => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = "Vector", L2Regularization = options.L2 / 1000f, NumberOfThreads = 1, MaximumNumberOfIterations = options.Iterations * 3,
        }),
        SegmenterAlgorithm.AveragedPerceptron => ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
        {
            FeatureColumnName = "Vector", NumberOfIterations = options.Iterations, Shuffle = true,
        }),
        SegmenterAlgorithm.LinearSvm => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            FeatureColumnName = "Vector", NumberOfIterations = options.Iterations, Shuffle = true,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };
}
