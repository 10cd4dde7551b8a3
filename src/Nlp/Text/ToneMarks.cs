namespace Nlp.Text;

/// <summary>
/// Vietnamese writes the tone of an open syllable ending in <c>oa</c>, <c>oe</c>, <c>uy</c> in two styles:
/// on the second vowel (<c>hoà</c>, <c>thuỷ</c>) or on the first (<c>hòa</c>, <c>thủy</c>). Both are correct and
/// both appear in news; this maps them to the first style, the one the treebank the segmenter learns from
/// writes, so that one word has one spelling for the later stages. The move keeps the text's length.
/// </summary>
public static class ToneMarks
{
    // Toned vowels by tone: grave, acute, hook, tilde, dot below.
    private const string A = "àáảãạ", E = "èéẻẽẹ", Y = "ỳýỷỹỵ", O = "òóỏõọ", U = "ùúủũụ";
    private const string AU = "ÀÁẢÃẠ", EU = "ÈÉẺẼẸ", YU = "ỲÝỶỸỴ", OU = "ÒÓỎÕỌ", UU = "ÙÚỦŨỤ";

    /// <summary>Returns the canonical text, or null when it is already canonical.</summary>
    public static char[]? Canonicalize(ReadOnlySpan<char> text)
    {
        for (int i = 1; i < text.Length; i++)
        {
            if (MoveAt(text, i, out _, out _))
            {
                var copy = text.ToArray();
                CanonicalizeInPlace(copy);
                return copy;
            }
        }
        return null;
    }

    public static void CanonicalizeInPlace(Span<char> text)
    {
        for (int i = 1; i < text.Length; i++)
        {
            if (MoveAt(text, i, out char first, out char second))
            {
                text[i - 1] = first;
                text[i] = second;
            }
        }
    }

    /// <summary>Is text[i-1..i] a pair <c>oà</c>/<c>uỷ</c>/... that ends its syllable, with the tone to move?</summary>
    private static bool MoveAt(ReadOnlySpan<char> text, int i, out char first, out char second)
    {
        first = second = default;
        char c = text[i];
        if (c < '\u00C0') return false;
        char v = text[i - 1];
        int tone;
        string? toned;
        char plain;
        if ((tone = A.IndexOf(c)) >= 0) { plain = 'a'; }
        else if ((tone = E.IndexOf(c)) >= 0) { plain = 'e'; }
        else if ((tone = Y.IndexOf(c)) >= 0) { plain = 'y'; }
        else if ((tone = AU.IndexOf(c)) >= 0) { plain = 'A'; }
        else if ((tone = EU.IndexOf(c)) >= 0) { plain = 'E'; }
        else if ((tone = YU.IndexOf(c)) >= 0) { plain = 'Y'; }
        else return false;

        bool isY = plain is 'y' or 'Y';
        if (isY) { if (v != 'u' && v != 'U') return false; }
        else if (v != 'o' && v != 'O') return false;

        // The pair must end the syllable (no final consonant after it) ...
        if (i + 1 < text.Length && char.IsLetter(text[i + 1])) return false;
        // ... and in "quy" the u belongs to the consonant "qu": the tone stays on y. A pair that is the
        // whole syllable moves like any other: "uỷ ban" is "ủy ban", "oà khóc" is "òa khóc".
        if (i >= 2 && text[i - 2] is 'q' or 'Q') return false;

        toned = v switch { 'o' => O, 'O' => OU, 'u' => U, _ => UU };
        first = toned[tone];
        second = plain;
        return true;
    }
}
