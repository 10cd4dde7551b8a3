namespace Nlp.Text;

/// <summary>
/// Vietnamese writes some syllables with i or y, both in use: <c>quy mô</c> and <c>qui mô</c>, <c>lý do</c>
/// and <c>lí do</c>, <c>kỹ sư</c> and <c>kĩ sư</c>, <c>công ty</c> and <c>công ti</c>. Models that look
/// syllables up by their letters should see one spelling, or a word learned in one style is unknown in
/// the other. The canonical spelling here: y after qu (<c>quý</c>), i after h, k, l, m, s, t (<c>lí</c>).
/// </summary>
public static class IYSpelling
{
    private const string IVowels = "iíìỉĩị";
    private const string YVowels = "yýỳỷỹỵ";

    /// <summary>Rewrites a lower-case, NFC syllable to the canonical spelling, in place.</summary>
    public static void Unify(Span<char> syllable)
    {
        if (syllable.Length == 3 && syllable[0] == 'q' && syllable[1] == 'u')
        {
            int i = IVowels.IndexOf(syllable[2]);
            if (i >= 0) syllable[2] = YVowels[i];
        }
        else if (syllable.Length == 2 && syllable[0] is 'h' or 'k' or 'l' or 'm' or 's' or 't')
        {
            int y = YVowels.IndexOf(syllable[1]);
            if (y >= 0) syllable[1] = IVowels[y];
        }
    }

    /// <summary>The canonical spelling of a lower-case, NFC syllable.</summary>
    public static string Unify(string syllable)
    {
        if (syllable.Length is not (2 or 3)) return syllable;
        Span<char> buffer = stackalloc char[syllable.Length];
        syllable.CopyTo(buffer);
        Unify(buffer);
        return buffer.SequenceEqual(syllable) ? syllable : new string(buffer);
    }
}
