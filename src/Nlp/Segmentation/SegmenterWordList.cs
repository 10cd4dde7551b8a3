namespace Nlp.Segmentation;

/// <summary>
/// The words of two to four syllables that the segmenter saw in its training data, as form atoms
/// (lower case, numbers as one class). A boundary's word-list features say which of these words cover
/// it and where, and whether greedy longest matching from either end joins it: evidence that
/// bigram weights alone cannot carry for words of three and four syllables. The list is learned from
/// the treebank like the weights, and is saved in the model.
/// </summary>
public sealed class SegmenterWordList
{
    public const int MaxSyllables = 4;
    private const char Separator = ' ';

    private readonly HashSet<string> _words;

    public SegmenterWordList(IEnumerable<string> words) => _words = new HashSet<string>(words, StringComparer.Ordinal);

    public int Count => _words.Count;

    /// <summary>Each word as its form atoms joined by a space, in ordinal order (how the model saves them).</summary>
    public IEnumerable<string> Words => _words.Order(StringComparer.Ordinal);

    public static SegmenterWordList FromSentences(IEnumerable<SegmentedSentence> sentences)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
            foreach (var word in sentence.Words)
                if (word.Length is >= 2 and <= MaxSyllables)
                    words.Add(string.Join(Separator, word.Select(s => SegmenterFeatures.Form(s, SegmenterFeatures.KindOf(s)))));
        return new SegmenterWordList(words);
    }

    /// <summary>Whether forms [start, start + length) spell a known word.</summary>
    public bool Contains(IReadOnlyList<string> forms, int start, int length) =>
        _words.Contains(string.Join(Separator, Enumerable.Range(start, length).Select(k => forms[k])));
}

/// <summary>Answers "do syllables [start, start + length) form a known word?" for one sentence.</summary>
internal interface IWordMatcher
{
    bool IsWord(int start, int length);
}

/// <summary>
/// The word-list evidence at each boundary of a sentence, computed the same way at training and run time.
/// Cover: a bit for each (word length, boundary position inside the word) of the known words over the
/// boundary. Greedy: bit 0 when forward longest matching joins the boundary, bit 1 when backward does.
/// </summary>
internal static class WordListEvidence
{
    public const int CoverValues = 64;
    public const int GreedyValues = 4;

    public static void Compute<T>(int syllables, T matcher, Span<byte> cover, Span<byte> greedy) where T : IWordMatcher
    {
        int boundaries = syllables - 1;
        if (boundaries <= 0) return;
        cover[..boundaries].Clear();
        greedy[..boundaries].Clear();
        // Bit L of starts[s]: a known word of L syllables starts at syllable s. One look-up per (start, length).
        Span<byte> starts = syllables <= 512 ? stackalloc byte[syllables] : new byte[syllables];
        starts.Clear();
        for (int start = 0; start < syllables - 1; start++)
            for (int length = 2; length <= SegmenterWordList.MaxSyllables && start + length <= syllables; length++)
            {
                if (!matcher.IsWord(start, length)) continue;
                starts[start] |= (byte)(1 << length);
                for (int inside = 0; inside < length - 1; inside++)
                    cover[start + inside] |= (byte)(1 << ((length - 1) * (length - 2) / 2 + inside));
            }
        for (int start = 0; start < syllables;)
        {
            int length = 1;
            for (int l = SegmenterWordList.MaxSyllables; l >= 2; l--)
                if ((starts[start] & (1 << l)) != 0) { length = l; break; }
            for (int k = start; k < start + length - 1; k++) greedy[k] |= 1;
            start += length;
        }
        for (int end = syllables; end > 0;)
        {
            int length = 1;
            for (int l = Math.Min(SegmenterWordList.MaxSyllables, end); l >= 2; l--)
                if ((starts[end - l] & (1 << l)) != 0) { length = l; break; }
            for (int k = end - length; k < end - 1; k++) greedy[k] |= 2;
            end -= length;
        }
    }

    public static string CoverAtom(int value) => "w" + value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string GreedyAtom(int value) => "g" + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
