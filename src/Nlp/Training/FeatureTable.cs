namespace Nlp.Training;

/// <summary>
/// Feature hash → weight row, in one open-addressing array of (key, row) pairs: a look-up touches one
/// slot in the common case, where a Dictionary reads a bucket and then an entry. The table is half
/// empty at most sizes, so probe runs stay short. Key 0 marks an empty slot; a hash of 0 is stored as 1.
/// </summary>
internal sealed class FeatureTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        public ulong Key;
        public int Row;
    }

    public FeatureTable(IReadOnlyCollection<KeyValuePair<ulong, int>> items)
    {
        int capacity = 16;
        while (capacity < items.Count * 2) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (hash, row) in items)
        {
            ulong key = hash == 0 ? 1 : hash;
            int i = Index(key);
            while (_slots[i].Key != 0)
            {
                if (_slots[i].Key == key) throw new InvalidDataException("two tagger features share a hash; retrain with other features");
                i = (i + 1) & _mask;
            }
            _slots[i] = new Slot { Key = key, Row = row };
            Count++;
        }
    }

    public int Count { get; }

    private int Index(ulong key) => (int)((key ^ (key >> 29)) & (ulong)_mask);

    public bool TryGetRow(ulong hash, out int row)
    {
        ulong key = hash == 0 ? 1 : hash;
        var slots = _slots;
        for (int i = Index(key); ; i = (i + 1) & _mask)
        {
            ulong k = slots[i].Key;
            if (k == key) { row = slots[i].Row; return true; }
            if (k == 0) { row = -1; return false; }
        }
    }
}
