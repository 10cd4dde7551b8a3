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
    /// <summary>Learn the training data's words of two to four syllables and use them as boundary evidence.</summary>
    public bool WordList { get; init; } = true;
    /// <summary>
    /// The score above which two syllables join; 0 was chosen by cross-validation on train.conllu with the
    /// team's word list (without it, -1 was best: the logistic regression split too often for word F1).
    /// </summary>
    public float JoinThreshold { get; init; } = 0f;
    /// <summary>
    /// Words the team wrote (form atoms, see <see cref="SegmenterWordList.ReadKnownWords"/>), added to the
    /// word list learned from the training data. Used only with <see cref="WordList"/>.
    /// </summary>
    public IReadOnlyCollection<string> KnownWords { get; init; } = [];
    /// <summary>Names from the team's name lists (form atoms) that the name pass keeps whole; see <see cref="SegmenterModel.Names"/>.</summary>
    public IReadOnlyCollection<string> Names { get; init; } = [];
    /// <summary>Vietnamese family names (form atoms) that mark a name at a sentence's start; see <see cref="SegmenterModel.FamilyNames"/>.</summary>
    public IReadOnlyCollection<string> FamilyNames { get; init; } = [];
}

/// <summary>A trained segmenter: the ML.NET model (what is saved) and the fast scorer read from it.</summary>
public sealed record TrainedSegmenter(ITransformer Transformer, DataViewSchema InputSchema, SegmenterModel Model, int Examples)
{
    public void Save(string path)
    {
        var metadata = new Newtonsoft.Json.Linq.JObject { ["joinThreshold"] = Model.JoinThreshold };
        if (Model.WordList is { } words)
        {
            metadata["words"] = new Newtonsoft.Json.Linq.JArray(words.Learned);
            metadata["knownWords"] = new Newtonsoft.Json.Linq.JArray(words.Known);
        }
        if (Model.Names.Count > 0) metadata["names"] = new Newtonsoft.Json.Linq.JArray(Model.Names.Order(StringComparer.Ordinal));
        if (Model.FamilyNames.Count > 0) metadata["familyNames"] = new Newtonsoft.Json.Linq.JArray(Model.FamilyNames.Order(StringComparer.Ordinal));
        Training.ModelFile.Save(Transformer, InputSchema, path, SegmenterModel.MetadataEntry, metadata.ToString(Newtonsoft.Json.Formatting.None));
    }
}

/// <summary>
/// Trains the boundary classifier with ML.NET: an estimator chain that maps feature strings to keys,
/// turns each example's keys into a sparse bag vector, and fits a linear binary classifier.
/// </summary>
public static class SegmenterTrainer
{
    /// <summary>The boundary examples of gold sentences, with word-list evidence from <paramref name="words"/> (none when null).</summary>
    public static IEnumerable<BoundaryExample> Examples(IEnumerable<SegmentedSentence> sentences, SegmenterWordList? words)
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
            var atoms = SegmenterFeatures.Atoms(syllables, kinds, words);
            for (int i = 0; i < syllables.Count - 1; i++)
            {
                if (!SegmenterModel.IsClassified(syllables[i], kinds[i], syllables[i + 1], kinds[i + 1])) continue;
                yield return new BoundaryExample { Label = !wordEnds.Contains(i), Features = SegmenterFeatures.BoundaryFeatures(atoms, i) };
            }
        }
    }

    /// <summary>
    /// Training examples whose word-list evidence never comes from the sentence itself: the sentences are
    /// dealt into parts, and each part sees the word list of the others. With the sentence's own words in
    /// the list, the evidence would always be right in training and the model would trust it blindly.
    /// The team's known words are in every part's list: they come from outside the training data, so the
    /// model learns how far to trust them from how often they are right.
    /// </summary>
    private static IEnumerable<BoundaryExample> JackknifedExamples(IReadOnlyList<SegmentedSentence> sentences, int parts, IReadOnlyCollection<string> known)
    {
        for (int part = 0; part < parts; part++)
        {
            var others = SegmenterWordList.FromSentences(sentences.Where((_, k) => k % parts != part), known);
            foreach (var example in Examples(sentences.Where((_, k) => k % parts == part), others)) yield return example;
        }
    }

    public static TrainedSegmenter Train(IEnumerable<SegmentedSentence> sentences, SegmenterTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        var all = sentences.ToList();
        var words = options.WordList ? SegmenterWordList.FromSentences(all, options.KnownWords) : null;
        var examples = (options.WordList ? JackknifedExamples(all, WordListParts, options.KnownWords) : Examples(all, null)).ToList();
        if (examples.Count == 0) throw new InvalidDataException("no syllable boundaries to learn from: the training data has no multi-syllable sentences");
        var data = ml.Data.LoadFromEnumerable(examples);
        var featurize = ml.Transforms.Conversion.MapValueToKey(SegmenterModel.KeysColumn, nameof(BoundaryExample.Features))
            .Append(ml.Transforms.Conversion.MapKeyToVector("Vector", SegmenterModel.KeysColumn, outputCountVector: true));
        var pipeline = featurize.Append(Trainer(ml, options));
        var transformer = pipeline.Fit(data);
        return new TrainedSegmenter(transformer, data.Schema, SegmenterModel.FromTransformer(transformer, data.Schema, words, options.JoinThreshold, options.Names, options.FamilyNames), examples.Count);
    }

    private const int WordListParts = 5;

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
