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
    internal const string MetadataEntry = "vnlp/segmenter.json";

    private readonly Dictionary<string, int> _atoms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _atomLookup;
    private readonly FeatureWeights _weights;
    private readonly float _bias;
    private readonly AtomIds _special;
    private readonly int _numberAtom;
    private readonly HashSet<FeatureKey>? _wordKeys;
    private readonly bool[] _startsWord = [];
    private readonly HashSet<FeatureKey>? _nameKeys;
    private readonly bool[] _startsName = [];
    private readonly bool[] _isFamilyName = [];
    private readonly int[] _capitalShapes;
    private readonly int[] _coverIds = new int[WordListEvidence.CoverValues];
    private readonly int[] _greedyIds = new int[WordListEvidence.GreedyValues];

    private SegmenterModel(Dictionary<string, int> atoms, Dictionary<FeatureKey, float> weights, float bias, SegmenterWordList? words, IReadOnlyCollection<string>? names, IReadOnlyCollection<string>? familyNames, float joinThreshold)
    {
        _atoms = atoms;
        _atomLookup = atoms.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = new FeatureWeights(weights);
        _bias = bias;
        _special = new AtomIds(Id(SegmenterFeatures.SentenceStart), Id(SegmenterFeatures.SentenceEnd), Id(SegmenterFeatures.FirstBoundary));
        _numberAtom = Id(SegmenterFeatures.NumberAtom);
        WordList = words;
        Names = names ?? [];
        FamilyNames = familyNames ?? [];
        JoinThreshold = joinThreshold;
        _capitalShapes = [Id(SegmenterFeatures.Shape("Aa", TokenKind.Word)), Id(SegmenterFeatures.Shape("A", TokenKind.Word))];
        for (int v = 0; v < _coverIds.Length; v++) _coverIds[v] = Id(WordListEvidence.CoverAtom(v));
        for (int v = 0; v < _greedyIds.Length; v++) _greedyIds[v] = Id(WordListEvidence.GreedyAtom(v));
        if (words is not null) _wordKeys = KeysOf(words.Learned.Concat(words.Known));
        if (Names.Count > 0) _nameKeys = KeysOf(Names);
        foreach (var name in FamilyNames) if (!atoms.ContainsKey(name)) atoms[name] = atoms.Count;
        _startsWord = StartsOf(_wordKeys);
        _startsName = StartsOf(_nameKeys);
        _isFamilyName = new bool[atoms.Count];
        foreach (var name in FamilyNames) _isFamilyName[atoms[name]] = true;

        // A word's syllables may have no weighted feature of their own; they still need ids to be matched.
        HashSet<FeatureKey> KeysOf(IEnumerable<string> list)
        {
            var keys = new HashSet<FeatureKey>();
            Span<int> ids = stackalloc int[4];
            foreach (var word in list)
            {
                var syllables = word.Split(' ');
                ids.Clear();
                for (int k = 0; k < syllables.Length; k++)
                {
                    if (!atoms.TryGetValue(syllables[k], out int id)) atoms[syllables[k]] = id = atoms.Count;
                    ids[k] = id;
                }
                keys.Add(new FeatureKey(syllables.Length, ids[0], ids[1], ids[2], ids[3]));
            }
            return keys;
        }

        bool[] StartsOf(HashSet<FeatureKey>? keys)
        {
            if (keys is null) return [];
            var starts = new bool[atoms.Count];
            foreach (var key in keys) starts[key.A] = true;
            return starts;
        }
    }

    /// <summary>The training data's words that the model uses as boundary evidence (null for a model without one).</summary>
    public SegmenterWordList? WordList { get; }

    /// <summary>
    /// Names of two to four syllables from the team's name lists, as form atoms: where one is written with a
    /// capital first letter, the name pass keeps it one word (<c>Thung lũng Silicon</c>, <c>Meta Platforms</c>
    /// at the start of a sentence), whatever the classifier decided inside it.
    /// </summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// Vietnamese family names, as form atoms: a sentence that starts with one, capitalised, before another
    /// capitalised syllable starts with a person's name (<c>Trịnh_Quốc_Khánh cho biết</c>), so the name pass
    /// joins its first boundary too.
    /// </summary>
    public IReadOnlyCollection<string> FamilyNames { get; }

    /// <summary>The model joins two syllables when a boundary's score is above this (chosen at training, see the model card).</summary>
    public float JoinThreshold { get; }

    public int FeatureCount => _weights.Count;

    /// <summary>
    /// After the classifier, join adjacent capitalised syllables into one word (<c>Bùi Văn Luyến</c>,
    /// <c>Hàng Châu</c>), as the treebank writes names, and the listed <see cref="Names"/>. A sentence's first
    /// syllable is left out of the first rule, since its capital may only mark the sentence.
    /// </summary>
    public bool KeepNamesWhole { get; set; } = true;

    /// <summary>
    /// Who decides boundary <paramref name="left"/>: nobody (see <see cref="IsClassified"/>), the name pass, or
    /// the classifier. <paramref name="firstFormId"/> is the form id of the sentence's first syllable.
    /// </summary>
    private BoundaryKind KindOf(bool classified, ReadOnlySpan<char> leftText, TokenKind leftKind, ReadOnlySpan<char> rightText, TokenKind rightKind, int left, int firstFormId) =>
        !classified ? BoundaryKind.Split
        : KeepNamesWhole && (left > 0 || IsFamilyName(firstFormId)) && Capitalised(leftText, leftKind) && Capitalised(rightText, rightKind) ? BoundaryKind.Name
        : BoundaryKind.Classifier;

    private bool IsFamilyName(int formId) => formId >= 0 && _isFamilyName[formId];

    private static bool Capitalised(ReadOnlySpan<char> text, Documents.TokenKind kind) => SegmenterFeatures.Shape(text, kind) == "#Aa";

    public static SegmenterModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"segmenter model not found: {path} (train one with 'vnlp train segmenter')", path);
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(path, out var schema);
        SegmenterWordList? words = null;
        List<string>? names = null, familyNames = null;
        float threshold = 0f;
        if (Training.ModelFile.ReadEntry(path, MetadataEntry) is { } json)
        {
            var metadata = Newtonsoft.Json.Linq.JObject.Parse(json);
            threshold = (float?)metadata["joinThreshold"] ?? 0f;
            if (metadata["words"] is Newtonsoft.Json.Linq.JArray list)
                words = new SegmenterWordList(list.Select(w => (string)w!), (metadata["knownWords"] as Newtonsoft.Json.Linq.JArray)?.Select(w => (string)w!));
            names = (metadata["names"] as Newtonsoft.Json.Linq.JArray)?.Select(w => (string)w!).ToList();
            familyNames = (metadata["familyNames"] as Newtonsoft.Json.Linq.JArray)?.Select(w => (string)w!).ToList();
        }
        return FromTransformer(transformer, schema, words, threshold, names, familyNames);
    }

    /// <summary>Reads the feature dictionary and linear weights out of a fitted ML.NET chain.</summary>
    public static SegmenterModel FromTransformer(ITransformer transformer, DataViewSchema inputSchema, SegmenterWordList? words, float joinThreshold, IReadOnlyCollection<string>? listedNames = null, IReadOnlyCollection<string>? familyNames = null)
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
        return new SegmenterModel(atoms, table, linear.Bias, words, listedNames, familyNames, joinThreshold);
    }

    private int Id(string atom) => _atoms.TryGetValue(atom, out int id) ? id : -1;

    /// <summary>Segments tokens [first, end) of a document: appends one word per run of joined syllables.</summary>
    public void Segment(Document document, int first, int end, List<Word> words)
    {
        int n = end - first;
        if (n == 0) return;
        int[] ids = ArrayPool<int>.Shared.Rent(4 * n);
        try
        {
            var formIds = ids.AsSpan(0, n);
            var shapeIds = ids.AsSpan(n, n);
            Span<char> lower = stackalloc char[64];
            for (int k = 0; k < n; k++)
            {
                var token = document.Tokens[first + k];
                var text = document.TextOf(token);
                formIds[k] = FormId(text, token.Kind, lower);
                shapeIds[k] = Id(SegmenterFeatures.Shape(text, token.Kind));
            }
            var kinds = ArrayPool<BoundaryKind>.Shared.Rent(n);
            var joins = ArrayPool<bool>.Shared.Rent(n);
            for (int k = 0; k < n - 1; k++)
            {
                var left = document.Tokens[first + k];
                var right = document.Tokens[first + k + 1];
                var leftText = document.TextOf(left);
                var rightText = document.TextOf(right);
                kinds[k] = KindOf(IsClassified(leftText, left.Kind, rightText, right.Kind) && right.SpaceBefore, leftText, left.Kind, rightText, right.Kind, k, formIds[0]);
            }
            Decide(ids, n, kinds.AsSpan(0, n - 1), joins.AsSpan(0, n - 1));
            int wordStart = first;
            for (int k = 0; k < n - 1; k++)
            {
                if (joins[k]) continue;
                words.Add(new Word(wordStart, first + k + 1));
                wordStart = first + k + 1;
            }
            words.Add(new Word(wordStart, end));
            ArrayPool<BoundaryKind>.Shared.Return(kinds);
            ArrayPool<bool>.Shared.Return(joins);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>Segments a sentence of syllables given as strings (treebank evaluation): true where syllable i joins i+1.</summary>
    public bool[] Joins(IReadOnlyList<string> syllables)
    {
        int n = syllables.Count;
        var ids = new int[4 * Math.Max(1, n)];
        var kinds = new TokenKind[n];
        Span<char> lower = stackalloc char[64];
        for (int k = 0; k < n; k++)
        {
            kinds[k] = SegmenterFeatures.KindOf(syllables[k]);
            ids[k] = FormId(syllables[k], kinds[k], lower);
            ids[n + k] = Id(SegmenterFeatures.Shape(syllables[k], kinds[k]));
        }
        var boundaries = new BoundaryKind[Math.Max(0, n - 1)];
        for (int k = 0; k < n - 1; k++)
            boundaries[k] = KindOf(IsClassified(syllables[k], kinds[k], syllables[k + 1], kinds[k + 1]), syllables[k], kinds[k], syllables[k + 1], kinds[k + 1], k, ids[0]);
        var joins = new bool[boundaries.Length];
        Decide(ids, n, boundaries, joins);
        return joins;
    }

    private enum BoundaryKind : byte { Split, Name, Classifier }

    /// <summary>
    /// Decides the boundaries of a sentence whose form and shape ids are in <paramref name="ids"/> (see
    /// <see cref="WithWordList"/>): names join, the classifier decides the rest, and then overlapping
    /// known words are resolved.
    /// </summary>
    private void Decide(int[] ids, int n, ReadOnlySpan<BoundaryKind> boundaries, Span<bool> joins)
    {
        if (n < 2) return;
        var sentence = WithWordList(ids, n);
        float[] scores = ArrayPool<float>.Shared.Rent(n);
        for (int k = 0; k < n - 1; k++)
        {
            scores[k] = boundaries[k] == BoundaryKind.Classifier ? Score(sentence, k) : 0f;
            joins[k] = boundaries[k] == BoundaryKind.Name || (boundaries[k] == BoundaryKind.Classifier && scores[k] > JoinThreshold);
        }
        if (_wordKeys is not null) ResolveOverlaps(new IdMatcher(_wordKeys, _startsWord, ids), boundaries, scores, joins);
        if (_nameKeys is not null && KeepNamesWhole) JoinListedNames(new IdMatcher(_nameKeys, _startsName, ids), ids.AsSpan(n, n), boundaries, joins);
        ArrayPool<float>.Shared.Return(scores);
    }

    /// <summary>Joins each listed name that starts with a capital, longest first, where all its boundaries are between syllables.</summary>
    private void JoinListedNames(IdMatcher names, ReadOnlySpan<int> shapes, ReadOnlySpan<BoundaryKind> boundaries, Span<bool> joins)
    {
        for (int start = 0; start < boundaries.Length;)
        {
            int length = 0;
            if (shapes[start] >= 0 && _capitalShapes.Contains(shapes[start]))
                for (int l = Math.Min(SegmenterWordList.MaxSyllables, boundaries.Length + 1 - start); l >= 2 && length == 0; l--)
                    if (names.IsWord(start, l) && !boundaries.Slice(start, l - 1).Contains(BoundaryKind.Split)) length = l;
            if (length == 0) { start++; continue; }
            joins.Slice(start, length - 1).Fill(true);
            start += length;
        }
    }

    /// <summary>
    /// Two known two-syllable words that overlap (<c>trụ sở</c> and <c>sở tại</c> in <c>có trụ sở tại</c>)
    /// each pull their boundary towards joining, and the classifier, deciding each boundary alone, can
    /// join both into a three-syllable word nobody writes. Where it has made such a word, and the word
    /// is not a known one, the weaker of its two boundaries splits.
    /// </summary>
    private static void ResolveOverlaps(IdMatcher words, ReadOnlySpan<BoundaryKind> boundaries, float[] scores, Span<bool> joins)
    {
        for (int k = 1; k < joins.Length; k++)
        {
            bool threeSyllables = joins[k - 1] && joins[k] && (k < 2 || !joins[k - 2]) && (k + 1 >= joins.Length || !joins[k + 1]);
            if (!threeSyllables || boundaries[k - 1] != BoundaryKind.Classifier || boundaries[k] != BoundaryKind.Classifier) continue;
            if (words.IsWord(k - 1, 3) || !words.IsWord(k - 1, 2) || !words.IsWord(k, 2)) continue;
            joins[scores[k - 1] < scores[k] ? k - 1 : k] = false;
        }
    }

    /// <summary>
    /// The sentence's atom ids, laid out in <paramref name="ids"/> as forms [0, n), shapes [n, 2n), and the
    /// word-list cover and greedy atoms of its boundaries [2n, 3n) and [3n, 4n), filled in here.
    /// </summary>
    private SentenceAtomIds WithWordList(int[] ids, int n)
    {
        var forms = ids.AsSpan(0, n);
        var shapes = ids.AsSpan(n, n);
        if (_wordKeys is null || n < 2) return new SentenceAtomIds(forms, shapes, default, default, _wordKeys is not null);
        byte[] rented = ArrayPool<byte>.Shared.Rent(2 * n);
        try
        {
            var coverValues = rented.AsSpan(0, n - 1);
            var greedyValues = rented.AsSpan(n, n - 1);
            WordListEvidence.Compute(n, new IdMatcher(_wordKeys, _startsWord, ids), coverValues, greedyValues);
            for (int k = 0; k < n - 1; k++)
            {
                ids[2 * n + k] = _coverIds[coverValues[k]];
                ids[3 * n + k] = _greedyIds[greedyValues[k]];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        return new SentenceAtomIds(forms, shapes, ids.AsSpan(2 * n, n - 1), ids.AsSpan(3 * n, n - 1), true);
    }

    /// <summary>Matches a sentence's form ids against the word list (a syllable the model never saw matches nothing).</summary>
    private readonly struct IdMatcher(HashSet<FeatureKey> words, bool[] startsWord, int[] formIds) : IWordMatcher
    {
        public bool IsWord(int start, int length)
        {
            // Most syllables begin no known word: one array read saves the set look-ups.
            if (formIds[start] < 0 || !startsWord[formIds[start]]) return false;
            Span<int> key = stackalloc int[4];
            key.Clear();
            for (int k = 0; k < length; k++)
            {
                int id = formIds[start + k];
                if (id < 0) return false;
                key[k] = id;
            }
            return words.Contains(new FeatureKey(length, key[0], key[1], key[2], key[3]));
        }
    }

    internal static bool IsSyllable(TokenKind kind) => kind is TokenKind.Word or TokenKind.Number;

    /// <summary>
    /// A full stop, the one mark the treebank keeps inside a word when it stands between numbers or
    /// capitals (<c>25 . 000</c>, <c>84 . 4</c>, <c>TP . HCM</c>); the classifier learns where. Hyphens,
    /// dashes, slashes and per cent signs it mostly splits (<c>10 - 15</c> is one word 9 times in 72), and
    /// letting the classifier decide those too cost F1, so they always split.
    /// </summary>
    internal static bool IsInnerMark(ReadOnlySpan<char> text, TokenKind kind) =>
        kind is TokenKind.Punctuation or TokenKind.Symbol && text.Length == 1 && text[0] == '.';

    /// <summary>
    /// Whether the classifier decides the boundary between two tokens: two syllables, or a syllable and a
    /// full stop (<see cref="IsInnerMark"/>). Every other boundary splits.
    /// </summary>
    internal static bool IsClassified(ReadOnlySpan<char> leftText, TokenKind leftKind, ReadOnlySpan<char> rightText, TokenKind rightKind)
    {
        bool leftSyllable = IsSyllable(leftKind), rightSyllable = IsSyllable(rightKind);
        return (leftSyllable && rightSyllable)
            || (leftSyllable && IsInnerMark(rightText, rightKind))
            || (rightSyllable && IsInnerMark(leftText, leftKind));
    }

    /// <summary>The raw linear score of boundary i; the model joins when it is above <see cref="JoinThreshold"/>.</summary>
    internal float Score(in SentenceAtomIds sentence, int i)
    {
        Span<FeatureKey> keys = stackalloc FeatureKey[SegmenterFeatures.TemplateCount];
        int count = SegmenterFeatures.Keys(sentence, i, _special, keys);
        float score = _bias;
        for (int k = 0; k < count; k++)
            if (_weights.TryGetValue(keys[k], out float w)) score += w;
        return score;
    }

    private int FormId(ReadOnlySpan<char> text, TokenKind kind, Span<char> buffer)
    {
        switch (kind)
        {
            case TokenKind.Word:
                if (text.Length > buffer.Length) return _atoms.TryGetValue(SegmenterFeatures.Form(text, kind), out int longId) ? longId : -1;
                int written = text.ToLowerInvariant(buffer);
                Text.IYSpelling.Unify(buffer[..written]);
                return _atomLookup.TryGetValue(buffer[..written], out int id) ? id : -1;
            case TokenKind.Number:
                return _numberAtom;
            default:
                return _atomLookup.TryGetValue(SegmenterFeatures.Form(text, kind), out int other) ? other : -1;
        }
    }
}
