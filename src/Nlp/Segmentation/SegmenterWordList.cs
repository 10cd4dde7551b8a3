namespace Nlp.Segmentation;

/// <summary>Where a known word comes from: the training data (learned) or a list the team wrote (known).</summary>
public enum WordSource : byte { None, Known, Learned }

/// <summary>
/// The words of two to four syllables the segmenter knows, as form atoms (lower case, numbers as one
/// class): those it saw in its training data, and those of a word list the team wrote. A boundary's
/// word-list features say which of these words cover it and where, and whether greedy longest matching
/// from either end joins it: evidence that bigram weights alone cannot carry for words of three and four
/// syllables, or for words the treebank never shows. The list is saved in the model, its two sources apart.
/// </summary>
public sealed class SegmenterWordList
{
    public const int MaxSyllables = 4;
    private const char Separator = ' ';

    private readonly Dictionary<string, WordSource> _words = new(StringComparer.Ordinal);

    /// <summary>A list of <paramref name="learned"/> words and <paramref name="known"/> ones (a word in both counts as learned).</summary>
    public SegmenterWordList(IEnumerable<string> learned, IEnumerable<string>? known = null)
    {
        foreach (var word in known ?? []) _words[word] = WordSource.Known;
        foreach (var word in learned) _words[word] = WordSource.Learned;
    }

    public int Count => _words.Count;

    /// <summary>The words learned from training data, as form atoms joined by a space, in ordinal order (how the model saves them).</summary>
    public IEnumerable<string> Learned => Of(WordSource.Learned);

    /// <summary>The team's words that the training data did not show, in ordinal order.</summary>
    public IEnumerable<string> Known => Of(WordSource.Known);

    private IEnumerable<string> Of(WordSource source) => _words.Where(e => e.Value == source).Select(e => e.Key).Order(StringComparer.Ordinal);

    /// <summary>The words of two to four syllables in <paramref name="sentences"/>, plus <paramref name="known"/> (the team's words, as form atoms).</summary>
    public static SegmenterWordList FromSentences(IEnumerable<SegmentedSentence> sentences, IEnumerable<string>? known = null)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
            foreach (var word in sentence.Words)
                if (word.Length is >= 2 and <= MaxSyllables)
                    words.Add(string.Join(Separator, word.Select(s => SegmenterFeatures.Form(s, SegmenterFeatures.KindOf(s)))));
        return new SegmenterWordList(words, known);
    }

    /// <summary>
    /// Reads a word list the team wrote: one word per line, syllables separated by spaces, 2 to 4 of them;
    /// blank lines and lines starting with # are skipped. Returns each word as form atoms (normalised as the
    /// pipeline normalises text, lower case), in file order without repeats. A line that is not such a word
    /// is an error naming the file and line: a list that silently lost entries would train another model.
    /// </summary>
    public static List<string> ReadKnownWords(string path) => ReadList(path, 2, MaxSyllables, "a word of the list");

    /// <summary>
    /// Reads the team's list of Vietnamese family names (<c>data/gazetteers/family-names.txt</c>): one a line,
    /// one syllable each, as <see cref="ReadKnownWords"/> reads words; returns them as form atoms.
    /// </summary>
    public static List<string> ReadFamilyNames(string path) => ReadList(path, 1, 1, "a family name");

    private static List<string> ReadList(string path, int minSyllables, int maxSyllables, string what)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (!TryForms(text, minSyllables, maxSyllables, what, out var word, out var problem)) throw new InvalidDataException($"{path}:{lineNumber}: {problem}");
            if (seen.Add(word)) words.Add(word);
        }
        return words;
    }

    /// <summary>
    /// A phrase as a word of the list: its syllables as form atoms (normalised as the pipeline normalises
    /// text, lower case) joined by a space, when it has 2 to 4 syllables of letters only.
    /// </summary>
    public static bool TryWord(string phrase, out string word, out string problem) => TryForms(phrase, 2, MaxSyllables, "a word of the list", out word, out problem);

    private static bool TryForms(string phrase, int minSyllables, int maxSyllables, string what, out string word, out string problem)
    {
        word = problem = "";
        var text = Text.TextNormalizer.Normalize(phrase).Text.Trim();
        var syllables = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (syllables.Length < minSyllables || syllables.Length > maxSyllables)
        {
            problem = $"'{text}' has {syllables.Length} syllables; {what} has " + (minSyllables == maxSyllables ? $"{minSyllables}" : $"{minSyllables} to {maxSyllables}");
            return false;
        }
        var forms = new string[syllables.Length];
        for (int k = 0; k < syllables.Length; k++)
        {
            var kind = SegmenterFeatures.KindOf(syllables[k]);
            if (kind != Documents.TokenKind.Word || !syllables[k].All(char.IsLetter))
            {
                problem = $"'{syllables[k]}' in '{text}' is not a syllable of letters";
                return false;
            }
            forms[k] = SegmenterFeatures.Form(syllables[k], kind);
        }
        word = string.Join(Separator, forms);
        return true;
    }

    /// <summary>Whether forms [start, start + length) spell a word of the list, and where it comes from.</summary>
    public WordSource Source(IReadOnlyList<string> forms, int start, int length) =>
        _words.TryGetValue(string.Join(Separator, Enumerable.Range(start, length).Select(k => forms[k])), out var source) ? source : WordSource.None;

    public bool Contains(IReadOnlyList<string> forms, int start, int length) => Source(forms, start, length) != WordSource.None;
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
