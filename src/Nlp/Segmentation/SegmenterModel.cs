using System.Buffers;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Nlp.Documents;

namespace Nlp.Segmentation;

/// <summary>
/// A trained word segmenter, read from the ML.NET model its trainer saved. ML.NET's per-row
/// prediction engine is far too slow per syllable boundary, so this reads the model's feature
/// dictionary (the key values of its ValueToKey step) and its linear weights once, and scores a
/// boundary with a few dictionary look-ups and no allocation. <see cref="SegmenterModelTests"/>
/// checks that it decides exactly as ML.NET does.
/// </summary>
public sealed class SegmenterModel
{
    internal const string KeysColumn = "FeatureKeys";

    private readonly Dictionary<string, int> _atoms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _atomLookup;
    private readonly Dictionary<FeatureKey, float> _weights;
    private readonly float _bias;
    private readonly AtomIds _special;
    private readonly int _numberAtom;

    private SegmenterModel(Dictionary<string, int> atoms, Dictionary<FeatureKey, float> weights, float bias)
    {
        _atoms = atoms;
        _atomLookup = atoms.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = weights;
        _bias = bias;
        _special = new AtomIds(Id(SegmenterFeatures.SentenceStart), Id(SegmenterFeatures.SentenceEnd), Id(SegmenterFeatures.FirstBoundary));
        _numberAtom = Id(SegmenterFeatures.NumberAtom);
    }

    public int FeatureCount => _weights.Count;

    /// <summary>
    /// After the classifier, join adjacent capitalised syllables into one word (<c>Bùi Văn Luyến</c>,
    /// <c>Hàng Châu</c>), as the treebank writes names. A sentence's first syllable is left out, since its
    /// capital may only mark the sentence.
    /// </summary>
    public bool KeepNamesWhole { get; set; } = true;

    private bool NameJoin(bool leftCapitalised, bool rightCapitalised, int left) => KeepNamesWhole && left > 0 && leftCapitalised && rightCapitalised;

    private static bool Capitalised(ReadOnlySpan<char> text, Documents.TokenKind kind) => SegmenterFeatures.Shape(text, kind) == "#Aa";

    public static SegmenterModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"segmenter model not found: {path} (train one with 'vnlp train segmenter')", path);
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(path, out var schema);
        return FromTransformer(transformer, schema);
    }

    /// <summary>Reads the feature dictionary and linear weights out of a fitted ML.NET chain.</summary>
    public static SegmenterModel FromTransformer(ITransformer transformer, DataViewSchema inputSchema)
    {
        var outputSchema = transformer.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        outputSchema[KeysColumn].GetKeyValues(ref keyValues);

        var predictor = (transformer as TransformerChain<ITransformer>)?.LastTransformer as IPredictionTransformer<object>
            ?? throw new InvalidDataException("not a segmenter model: the chain does not end in a predictor");
        var linear = predictor.Model switch
        {
            LinearBinaryModelParameters l => l,
            CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> c => c.SubModel,
            _ => throw new InvalidDataException($"not a segmenter model: unsupported predictor {predictor.Model.GetType().Name}"),
        };
        var weights = linear.Weights;

        var atoms = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new Dictionary<FeatureKey, float>();
        int slot = 0;
        Span<int> ids = stackalloc int[4];
        foreach (var value in keyValues.DenseValues())
        {
            float w = slot < weights.Count ? weights[slot] : 0f;
            slot++;
            if (w == 0f) continue;
            var (template, names) = SegmenterFeatures.Parse(value.ToString());
            ids.Clear();
            for (int a = 0; a < names.Length; a++)
            {
                if (!atoms.TryGetValue(names[a], out int id)) atoms[names[a]] = id = atoms.Count;
                ids[a] = id;
            }
            table[new FeatureKey(template, ids[0], ids[1], ids[2], ids[3])] = w;
        }
        return new SegmenterModel(atoms, table, linear.Bias);
    }

    private int Id(string atom) => _atoms.TryGetValue(atom, out int id) ? id : -1;

    /// <summary>Segments tokens [first, end) of a document: appends one word per run of joined syllables.</summary>
    public void Segment(Document document, int first, int end, List<Word> words)
    {
        int n = end - first;
        if (n == 0) return;
        int[] formIds = ArrayPool<int>.Shared.Rent(n), shapeIds = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<char> lower = stackalloc char[64];
            for (int k = 0; k < n; k++)
            {
                var token = document.Tokens[first + k];
                var text = document.TextOf(token);
                formIds[k] = FormId(text, token.Kind, lower);
                shapeIds[k] = Id(SegmenterFeatures.Shape(text, token.Kind));
            }
            int wordStart = first;
            for (int k = 0; k < n - 1; k++)
            {
                var left = document.Tokens[first + k];
                var right = document.Tokens[first + k + 1];
                bool candidate = left.IsSyllable && right.IsSyllable && right.SpaceBefore;
                bool join = candidate && (NameJoin(Capitalised(document.TextOf(left), left.Kind), Capitalised(document.TextOf(right), right.Kind), k)
                                          || Join(formIds.AsSpan(0, n), shapeIds.AsSpan(0, n), k));
                if (!join)
                {
                    words.Add(new Word(wordStart, first + k + 1));
                    wordStart = first + k + 1;
                }
            }
            words.Add(new Word(wordStart, end));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(formIds);
            ArrayPool<int>.Shared.Return(shapeIds);
        }
    }

    /// <summary>Segments a sentence of syllables given as strings (treebank evaluation): true where syllable i joins i+1.</summary>
    public bool[] Joins(IReadOnlyList<string> syllables)
    {
        int n = syllables.Count;
        var formIds = new int[n];
        var shapeIds = new int[n];
        var kinds = new TokenKind[n];
        Span<char> lower = stackalloc char[64];
        for (int k = 0; k < n; k++)
        {
            kinds[k] = SegmenterFeatures.KindOf(syllables[k]);
            formIds[k] = FormId(syllables[k], kinds[k], lower);
            shapeIds[k] = Id(SegmenterFeatures.Shape(syllables[k], kinds[k]));
        }
        var joins = new bool[Math.Max(0, n - 1)];
        for (int k = 0; k < n - 1; k++)
            joins[k] = IsSyllable(kinds[k]) && IsSyllable(kinds[k + 1])
                && (NameJoin(Capitalised(syllables[k], kinds[k]), Capitalised(syllables[k + 1], kinds[k + 1]), k) || Join(formIds, shapeIds, k));
        return joins;
    }

    internal static bool IsSyllable(TokenKind kind) => kind is TokenKind.Word or TokenKind.Number;

    /// <summary>The raw linear score of boundary i; the model joins when it is above zero.</summary>
    internal float Score(ReadOnlySpan<int> formIds, ReadOnlySpan<int> shapeIds, int i)
    {
        Span<FeatureKey> keys = stackalloc FeatureKey[SegmenterFeatures.TemplateCount];
        int count = SegmenterFeatures.Keys(formIds, shapeIds, i, _special, keys);
        float score = _bias;
        for (int k = 0; k < count; k++)
            if (_weights.TryGetValue(keys[k], out float w)) score += w;
        return score;
    }

    private bool Join(ReadOnlySpan<int> formIds, ReadOnlySpan<int> shapeIds, int i) => Score(formIds, shapeIds, i) > 0f;

    private int FormId(ReadOnlySpan<char> text, TokenKind kind, Span<char> buffer)
    {
        switch (kind)
        {
            case TokenKind.Word:
                if (text.Length > buffer.Length) return _atoms.TryGetValue(text.ToString().ToLowerInvariant(), out int longId) ? longId : -1;
                int written = text.ToLowerInvariant(buffer);
                return _atomLookup.TryGetValue(buffer[..written], out int id) ? id : -1;
            case TokenKind.Number:
                return _numberAtom;
            default:
                return _atomLookup.TryGetValue(SegmenterFeatures.Form(text, kind), out int other) ? other : -1;
        }
    }
}
