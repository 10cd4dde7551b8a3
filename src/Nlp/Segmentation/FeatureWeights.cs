namespace Nlp.Segmentation;

/// <summary>
/// The segmenter's feature weights as one open-addressing table: a key and its weight sit side by side,
/// so a look-up costs one memory access where a <see cref="Dictionary{TKey, TValue}"/> costs two (bucket,
/// then entry). Scoring a boundary is some twenty look-ups into a table of a few hundred thousand
/// features, and those cache misses are most of the segmenter's time.
/// </summary>
internal sealed class FeatureWeights
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        public FeatureKey Key;
        public float Weight;
        public bool Used;
    }

    public FeatureWeights(IReadOnlyDictionary<FeatureKey, float> weights)
    {
        Count = weights.Count;
        // At most half full, so that a miss (most look-ups: unseen n-grams) ends after a probe or two.
        int capacity = 16;
        while (capacity < 2 * weights.Count) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, weight) in weights)
        {
            int i = Hash(key) & _mask;
            while (_slots[i].Used) i = (i + 1) & _mask;
            _slots[i] = new Slot { Key = key, Weight = weight, Used = true };
        }
    }

    public int Count { get; }

    public bool TryGetValue(in FeatureKey key, out float weight)
    {
        int i = Hash(key) & _mask;
        while (true)
        {
            ref readonly var slot = ref _slots[i];
            if (!slot.Used) { weight = 0f; return false; }
            if (slot.Key == key) { weight = slot.Weight; return true; }
            i = (i + 1) & _mask;
        }
    }

    private static int Hash(in FeatureKey key) => HashCode.Combine(key.Template, key.A, key.B, key.C, key.D);
}
