using System.Globalization;
using System.Text;

namespace Nlp.Text;

/// <summary>
/// Normalises Vietnamese text for the stages that read it: Unicode NFC, one tone-mark style
/// (<c>hoà</c> and <c>hòa</c> read as <c>hòa</c>, <c>thuỷ</c> as <c>thủy</c>), special spaces to a plain space,
/// zero-width characters dropped, typographic quotes to ASCII quotes. Keeps, for each output
/// character, the input range it came from, so offsets survive the trip back.
/// </summary>
public static class TextNormalizer
{
    public static NormalizedText Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int n = input.Length;
        char[]? output = null;
        int[]? starts = null, ends = null;
        int length = 0;

        for (int i = 0; i < n;)
        {
            char c = input[i];
            // A cluster is one code point (both halves of a surrogate pair) and the marks that follow it.
            int baseEnd = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(input[i + 1]) ? i + 2 : i + 1;
            int clusterEnd = baseEnd;
            while (clusterEnd < n && IsCombiningMark(input[clusterEnd])) clusterEnd++;

            if (clusterEnd > baseEnd || IsCombiningMark(c))
            {
                // A base character with combining marks (decomposed input): compose the cluster.
                string composed = Compose(input.Substring(i, clusterEnd - i));
                EnsureMapped(ref output, ref starts, ref ends, input, length);
                if (length + composed.Length > output!.Length)
                {
                    int grown = Math.Max(output.Length * 2, length + composed.Length);
                    Array.Resize(ref output, grown);
                    Array.Resize(ref starts, grown);
                    Array.Resize(ref ends, grown);
                }
                foreach (char d in composed) Append(output!, starts!, ends!, ref length, Replace(d), i, clusterEnd);
                i = clusterEnd;
                continue;
            }

            char r = Replace(c);
            if (r == Removed)
            {
                EnsureMapped(ref output, ref starts, ref ends, input, length);
                i++;
                continue;
            }
            if (r != c) EnsureMapped(ref output, ref starts, ref ends, input, length);
            if (output is not null) Append(output, starts!, ends!, ref length, r, i, i + 1);
            else length++;
            i++;
        }

        if (output is null)
        {
            // Nothing changed character by character; tone-mark moves keep length and positions.
            char[]? moved = ToneMarks.Canonicalize(input.AsSpan());
            return moved is null ? NormalizedText.Identity(input) : new NormalizedText(new string(moved), n, Enumerable.Range(0, n).ToArray(), Enumerable.Range(1, n).ToArray());
        }

        var span = output.AsSpan(0, length);
        ToneMarks.CanonicalizeInPlace(span);
        return new NormalizedText(new string(span), n, starts![..length], ends![..length]);
    }

    private const char Removed = '\uFFFF';

    /// <summary>NFC of one cluster; a cluster that is not valid UTF-16 (a lone surrogate) is kept as it is.</summary>
    private static string Compose(string cluster)
    {
        try { return cluster.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return cluster; }
    }

    private static void EnsureMapped(ref char[]? output, ref int[]? starts, ref int[]? ends, string input, int length)
    {
        if (output is not null) return;
        int capacity = input.Length + 16;
        output = new char[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        // Everything so far was copied unchanged: identity map.
        input.AsSpan(0, length).CopyTo(output);
        for (int k = 0; k < length; k++) { starts[k] = k; ends[k] = k + 1; }
    }

    private static void Append(char[] output, int[] starts, int[] ends, ref int length, char c, int start, int end)
    {
        if (c == Removed) return;
        output[length] = c;
        starts[length] = start;
        ends[length] = end;
        length++;
    }

    private static bool IsCombiningMark(char c) =>
        c >= '\u0300' && (c <= '\u036F' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);

    private static char Replace(char c)
    {
        if (c < 0x80)
            return c < ' ' && c is not ('\t' or '\n' or '\r') ? ' ' : c;
        return c switch
        {
            '\u00A0' or '\u2007' or '\u202F' or '\u205F' or '\u3000' => ' ',
            >= '\u2000' and <= '\u200A' => ' ',
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => Removed,
            '\u0085' or '\u2028' or '\u2029' => '\n',
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
            >= '\u0080' and <= '\u009F' => ' ',
            _ => c,
        };
    }
}
