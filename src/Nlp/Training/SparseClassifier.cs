using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Nlp.Training;

/// <summary>One example for a sparse classifier: its label and its feature strings.</summary>
public sealed class LabeledFeatures
{
    public string Label { get; set; } = "";
    public string[] Features { get; set; } = [];
}

public sealed record SparseTrainingOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>L-BFGS maximum entropy when false; SDCA maximum entropy when true.</summary>
    public bool Sdca { get; init; }
    public float L1 { get; init; } = 0.02f;
    public float L2 { get; init; } = 0.05f;
    public int Iterations { get; init; } = 100;
    /// <summary>Training threads. Results are the same for the same count; fixed so they do not depend on the machine.</summary>
    public int Threads { get; init; } = 2;
}

/// <summary>
/// A multiclass classifier over sparse string features, trained with ML.NET (feature strings → keys →
/// bag vector → maximum entropy) and read out of its fitted chain into a table of feature weights, so
/// that scoring a feature is one hash probe and no allocation. Used by the tagger and the relation model.
/// </summary>
public sealed class SparseClassifier
{
    public const string KeysColumn = "FeatureKeys";

    private readonly FeatureTable _rows;
    private readonly float[] _weights; // rows x classes
    private readonly float[] _biases;

    private SparseClassifier(FeatureTable rows, float[] weights, float[] biases, string[] labels)
    {
        _rows = rows;
        _weights = weights;
        _biases = biases;
        Labels = labels;
    }

    public IReadOnlyList<string> Labels { get; }
    public int FeatureCount => _rows.Count;
    public int ClassCount => Labels.Count;

    /// <summary>Fits the ML.NET chain on the examples.</summary>
    public static (ITransformer Transformer, DataViewSchema Schema) Fit(IEnumerable<LabeledFeatures> examples, SparseTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(LabeledFeatures.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Conversion.MapValueToKey(KeysColumn, nameof(LabeledFeatures.Features)))
            .Append(ml.Transforms.Conversion.MapKeyToVector("Vector", KeysColumn, outputCountVector: true))
            .Append(options.Sdca
                ? ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    FeatureColumnName = "Vector", LabelColumnName = "Label", L2Regularization = options.L2 / 100f, NumberOfThreads = 1, MaximumNumberOfIterations = 30,
                })
                : (IEstimator<ITransformer>)ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    FeatureColumnName = "Vector", LabelColumnName = "Label", L2Regularization = options.L2, L1Regularization = options.L1,
                    NumberOfThreads = options.Threads, MaximumNumberOfIterations = options.Iterations,
                }));
        return (pipeline.Fit(data), data.Schema);
    }

    /// <summary>Reads the labels, feature dictionary and weights out of a fitted chain.</summary>
    public static SparseClassifier FromTransformer(ITransformer transformer, DataViewSchema inputSchema)
    {
        var outputSchema = transformer.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> keys = default, labelKeys = default;
        outputSchema[KeysColumn].GetKeyValues(ref keys);
        outputSchema["Label"].GetKeyValues(ref labelKeys);
        var labels = labelKeys.DenseValues().Select(v => string.Intern(v.ToString())).ToArray();

        var predictor = (transformer as TransformerChain<ITransformer>)?.OfType<IPredictionTransformer<object>>().LastOrDefault()
            ?? throw new InvalidDataException("not a vnlp classifier: no predictor in the chain");
        if (predictor.Model is not LinearMulticlassModelParametersBase linear)
            throw new InvalidDataException($"not a vnlp classifier: unsupported predictor {predictor.Model.GetType().Name}");
        VBuffer<float>[] classWeights = [];
        linear.GetWeights(ref classWeights, out int classes);
        var biases = linear.GetBiases().ToArray();
        if (classes != labels.Length) throw new InvalidDataException($"classifier has {classes} classes but {labels.Length} labels");

        var keyValues = keys.DenseValues().ToArray();
        var slotRow = Enumerable.Repeat(-1, keyValues.Length).ToArray();
        var rows = new Dictionary<ulong, int>();
        for (int c = 0; c < classes; c++)
            foreach (var (slot, w) in classWeights[c].Items())
            {
                if (w == 0f || slot >= keyValues.Length || slotRow[slot] >= 0) continue;
                slotRow[slot] = rows.Count;
                if (!rows.TryAdd(FeatureHash.Of(keyValues[slot].Span), rows.Count))
                    throw new InvalidDataException($"two features share a hash ('{keyValues[slot]}'); retrain with other features");
            }
        var weights = new float[rows.Count * classes];
        for (int c = 0; c < classes; c++)
            foreach (var (slot, w) in classWeights[c].Items())
                if (slot < keyValues.Length && slotRow[slot] >= 0) weights[slotRow[slot] * classes + c] = w;
        return new SparseClassifier(new FeatureTable(rows), weights, biases, labels);
    }

    /// <summary>Starts a score vector: the class biases.</summary>
    public void Begin(float[] scores) => _biases.CopyTo(scores, 0);

    /// <summary>Adds one feature's weights to the scores (an unknown feature adds nothing).</summary>
    public void Add(ReadOnlySpan<char> feature, float[] scores)
    {
        if (!_rows.TryGetRow(FeatureHash.Of(feature), out int row)) return;
        int c = scores.Length;
        var w = _weights.AsSpan(row * c, c);
        for (int j = 0; j < c; j++) scores[j] += w[j];
    }

    /// <summary>Turns scores into probabilities, in place.</summary>
    public static void Softmax(float[] scores)
    {
        float max = scores.Max();
        float sum = 0;
        for (int j = 0; j < scores.Length; j++) { scores[j] = MathF.Exp(scores[j] - max); sum += scores[j]; }
        for (int j = 0; j < scores.Length; j++) scores[j] /= sum;
    }
}

/// <summary>FNV-1a over the UTF-16 units of a feature: fast; collisions among a model's features are checked at load.</summary>
public static class FeatureHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char ch in text) hash = (hash ^ ch) * 1099511628211UL;
        return hash;
    }
}
