using Microsoft.ML;
using Microsoft.ML.Data;
using Newtonsoft.Json;
using Nlp.Documents;
using Nlp.Training;

namespace Nlp.Entities;

/// <summary>What the tagger model carries beside the ML.NET classifier (stored in the same zip).</summary>
public sealed class NerMetadata
{
    /// <summary>log P(tag | previous tag) learned from the training data; row = previous tag (last row: sentence start).</summary>
    public float[][] Transitions { get; set; } = [];
    /// <summary>Entity types whose spans come from the DATE/MONEY rules rather than the tagger (chosen on dev).</summary>
    public List<string> RuleTypes { get; set; } = [EntityTypes.Date, EntityTypes.Money];
    /// <summary>Confidence given to rule entities: the rules' precision on dev, by type.</summary>
    public Dictionary<string, double> RuleConfidence { get; set; } = new();
    public List<GazetteerEntry> Gazetteer { get; set; } = [];
    public Dictionary<string, string> Card { get; set; } = new();
}

/// <summary>
/// The entity tagger: a maximum-entropy classifier over token features (trained with ML.NET, read out
/// of its saved model into a feature table for allocation-free scoring) and BIO-constrained Viterbi
/// decoding with learned transition scores, so that no invalid tag sequence is produced.
/// </summary>
public sealed class NerModel
{
    internal const string MetadataEntry = "vnlp/ner.json";

    private readonly SparseClassifier _classifier;
    private readonly string[] _labels;
    private readonly float[] _transitionTable; // (classes + 1) x classes, row-major; row = previous tag, last row = start
    private readonly int[][] _predecessors; // for each tag, the tags BIO allows before it

    internal NerModel(SparseClassifier classifier, NerMetadata metadata)
    {
        _classifier = classifier;
        _labels = classifier.Labels.ToArray();
        var labels = _labels;
        Metadata = metadata;
        Gazetteer = new Gazetteer(metadata.Gazetteer);
        int c = labels.Length;
        _predecessors = Enumerable.Range(0, c).Select(t => Enumerable.Range(0, c).Where(p => BioTags.Allowed(labels[p], labels[t])).ToArray()).ToArray();
        _transitionTable = new float[(c + 1) * c];
        for (int p = 0; p <= c; p++)
            for (int t = 0; t < c; t++)
                _transitionTable[p * c + t] = BioTags.Allowed(p == c ? null : labels[p], labels[t]) ? metadata.Transitions[p][t] : float.NegativeInfinity;
    }

    public NerMetadata Metadata { get; }
    public Gazetteer Gazetteer { get; }
    public IReadOnlyList<string> Labels => _labels;
    public int FeatureCount => _classifier.FeatureCount;

    public static NerModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"entity tagger model not found: {path} (train one with 'vnlp train ner')", path);
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(path, out var schema);
        string json = ModelFile.ReadEntry(path, MetadataEntry) ?? throw new InvalidDataException($"{path}: not a vnlp tagger model (no {MetadataEntry})");
        var metadata = JsonConvert.DeserializeObject<NerMetadata>(json) ?? throw new InvalidDataException($"{path}: empty {MetadataEntry}");
        return FromTransformer(transformer, schema, metadata);
    }

    /// <summary>Saves the ML.NET model, then adds the metadata to the same zip.</summary>
    public static void Save(ITransformer transformer, DataViewSchema schema, NerMetadata metadata, string path) =>
        ModelFile.Save(transformer, schema, path, MetadataEntry, JsonConvert.SerializeObject(metadata, Formatting.Indented));

    public static NerModel FromTransformer(ITransformer transformer, DataViewSchema inputSchema, NerMetadata metadata) =>
        new(SparseClassifier.FromTransformer(transformer, inputSchema), metadata);

    /// <summary>Tag probabilities for each token of a sentence (rows: tokens, columns: <see cref="Labels"/>).</summary>
    internal float[,] Probabilities(NerFeatures features)
    {
        int n = features.Count, c = _labels.Length;
        var probabilities = new float[n, c];
        var scores = new float[c];
        for (int k = 0; k < n; k++)
        {
            _classifier.Begin(scores);
            var sink = new ScoringSink(_classifier, scores);
            features.Extract(k, ref sink);
            SparseClassifier.Softmax(scores);
            for (int j = 0; j < c; j++) probabilities[k, j] = scores[j];
        }
        return probabilities;
    }

    /// <summary>The best valid tag sequence under emission log-probabilities plus transition scores.</summary>
    internal int[] Decode(float[,] probabilities)
    {
        int n = probabilities.GetLength(0), c = _labels.Length;
        var path = new int[n];
        if (n == 0) return path;
        var score = new float[n * c];
        var back = new int[n * c];
        for (int t = 0; t < c; t++) score[t] = Log(probabilities[0, t]) + _transitionTable[c * c + t];
        for (int k = 1; k < n; k++)
        {
            int row = k * c, previousRow = row - c;
            for (int t = 0; t < c; t++)
            {
                float best = float.NegativeInfinity;
                int from = _predecessors[t][0];
                foreach (int p in _predecessors[t])
                {
                    float s = score[previousRow + p] + _transitionTable[p * c + t];
                    if (s > best) { best = s; from = p; }
                }
                score[row + t] = best + Log(probabilities[k, t]);
                back[row + t] = from;
            }
        }
        int lastRow = (n - 1) * c, last = 0;
        for (int t = 1; t < c; t++) if (score[lastRow + t] > score[lastRow + last]) last = t;
        path[n - 1] = last;
        for (int k = n - 1; k > 0; k--) path[k - 1] = back[k * c + path[k]];
        return path;
    }

    private static float Log(float p) => MathF.Log(Math.Max(p, 1e-12f));

    /// <summary>Tags one sentence: entities with the geometric mean of their tokens' tag probabilities as confidence.</summary>
    internal List<Entity> Tag(Document document, string lower, Sentence sentence)
    {
        var features = new NerFeatures(document, lower, sentence, Gazetteer);
        var probabilities = Probabilities(features);
        var path = Decode(probabilities);
        var entities = new List<Entity>();
        for (int k = 0; k < path.Length;)
        {
            string tag = _labels[path[k]];
            if (!BioTags.IsBegin(tag)) { k++; continue; }
            int end = k + 1;
            while (end < path.Length && BioTags.IsInside(_labels[path[end]])) end++;
            double logSum = 0;
            for (int j = k; j < end; j++) logSum += Math.Log(Math.Max(probabilities[j, path[j]], 1e-12f));
            int first = sentence.FirstToken + k, stop = sentence.FirstToken + end;
            entities.Add(new Entity(document.Tokens[first].Start, document.Tokens[stop - 1].End, BioTags.TypeOf(tag))
            {
                FirstToken = first, EndToken = stop, Confidence = Math.Round(Math.Exp(logSum / (end - k)), 4), Source = "tagger",
            });
            k = end;
        }
        return entities;
    }

    private readonly struct ScoringSink(SparseClassifier classifier, float[] scores) : IFeatureSink
    {
        public void Add(ReadOnlySpan<char> feature) => classifier.Add(feature, scores);
    }
}
