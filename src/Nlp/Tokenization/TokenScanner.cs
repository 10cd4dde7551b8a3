using System.Globalization;
using Nlp.Documents;

namespace Nlp.Tokenization;

/// <summary>
/// Splits normalised Vietnamese text into tokens in one left-to-right pass with bounded look-ahead
/// (no regular expressions, so no backtracking): syllables, numbers with Vietnamese separators and
/// date forms, percentages, URLs, e-mails, hashtags, dotted abbreviations and product names with
/// digits and symbols (<c>GPT-4o</c>, <c>Copilot+</c>, <c>C++</c>, <c>.NET</c>, <c>Node.js</c>).
/// </summary>
public static class TokenScanner
{
    /// <summary>Abbreviations that keep their final dot (<c>TS.</c>, <c>Inc.</c>).</summary>
    private static readonly HashSet<string> DottedAbbreviations = new(StringComparer.Ordinal)
    {
        "TS", "ThS", "PGS", "GS", "BS", "KS", "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Co", "Ltd", "Jr", "Sr",
        "vs", "No", "TP", "Tp", "tr", "etc", "Q", "P",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DottedLookup = DottedAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        int i = 0, n = text.Length, previousEnd = -1;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            TokenKind kind = Scan(text, ref i);
            tokens.Add(new Token(start, i, kind) { SpaceBefore = previousEnd >= 0 && previousEnd < start });
            previousEnd = i;
        }
    }

    private static TokenKind Scan(ReadOnlySpan<char> text, ref int i)
    {
        char c = text[i];
        if ((c is 'h' or 'H' or 'w' or 'W') && TryUrl(text, ref i)) return TokenKind.Url;
        if (IsAsciiLetterOrDigit(c) && TryEmail(text, ref i)) return TokenKind.Email;
        if (char.IsAsciiDigit(c)) return ScanNumber(text, ref i);
        if (IsWordChar(text, i)) { ScanWord(text, ref i); return TokenKind.Word; }
        if (c == '#' && i + 1 < text.Length && IsWordChar(text, i + 1))
        {
            i++;
            while (i < text.Length && (IsWordChar(text, i) || text[i] == '_')) i += CharWidth(text, i);
            return TokenKind.Hashtag;
        }
        if (c == '.' && i + 1 < text.Length && char.IsAsciiLetterUpper(text[i + 1]) && (i == 0 || !IsWordChar(text, i - 1)))
        {
            // ".NET": a dot that starts a name.
            i++;
            ScanWord(text, ref i);
            return TokenKind.Word;
        }
        if (c == '.')
        {
            int j = i;
            while (j < text.Length && text[j] == '.') j++;
            i = j - i >= 3 ? j : i + 1;
            return TokenKind.Punctuation;
        }
        if (c is '!' or '?')
        {
            while (i < text.Length && text[i] is '!' or '?') i++;
            return TokenKind.Punctuation;
        }
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i += 2;
            return TokenKind.Symbol;
        }
        i++;
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }

    private static TokenKind ScanNumber(ReadOnlySpan<char> text, ref int i)
    {
        int n = text.Length;
        int start = i;
        SkipDigits(text, ref i);
        // Groups joined by '.' or ',' : 2.000, 1,5, 3.000.000, 30.1, 29,99.
        while (i + 1 < n && text[i] is '.' or ',' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            SkipDigits(text, ref i);
        }
        // Date forms with '/': 12/3, 12/3/2025, 10/2024.
        if (i + 1 < n && text[i] == '/' && char.IsAsciiDigit(text[i + 1]) && i - start <= 2)
        {
            for (int groups = 0; groups < 2 && i + 1 < n && text[i] == '/' && char.IsAsciiDigit(text[i + 1]); groups++)
            {
                i++;
                SkipDigits(text, ref i);
            }
        }
        // Date form with '-': 30-1-2025 (exactly three groups; 2020-2025 stays three tokens).
        else if (i - start <= 2 && i + 1 < n && text[i] == '-' && char.IsAsciiDigit(text[i + 1]))
        {
            int j = i + 1;
            SkipDigits(text, ref j);
            if (j - (i + 1) <= 2 && j + 1 < n && text[j] == '-' && char.IsAsciiDigit(text[j + 1]))
            {
                int k = j + 1;
                SkipDigits(text, ref k);
                if (k - (j + 1) == 4) i = k;
            }
        }
        if (i < n && text[i] == '%') { i++; return TokenKind.Number; }
        if (i < n && IsWordChar(text, i) && i == start + CountDigits(text, start))
        {
            // Digits glued to letters: 5G, 4K, 70B, 3D.
            ScanWord(text, ref i);
            return TokenKind.Word;
        }
        return TokenKind.Number;
    }

    private static void ScanWord(ReadOnlySpan<char> text, ref int i)
    {
        int n = text.Length;
        int start = i;
        while (true)
        {
            while (i < n && IsWordChar(text, i)) i += CharWidth(text, i);
            if (i + 1 >= n) break;
            char c = text[i], next = text[i + 1];
            bool join = c switch
            {
                '-' or '_' => IsWordChar(text, i + 1),
                // Node.js, TP.HCM, v.v, GPT-4.5 (a version after digits).
                '.' => char.IsLetter(next) || (char.IsAsciiDigit(next) && char.IsAsciiDigit(text[i - 1]) && HasLetter(text[start..i])),
                '\'' => char.IsLetter(next) && char.IsLetter(text[i - 1]),
                '&' => char.IsAsciiLetterUpper(next) && char.IsAsciiLetterUpper(text[i - 1]),
                _ => false,
            };
            if (!join) break;
            i++;
        }
        if (i >= n) return;
        // Copilot+, C++, Google+ (but not 1+1).
        if (text[i] == '+')
        {
            int j = i;
            while (j < n && text[j] == '+') j++;
            if (j >= n || !IsWordChar(text, j)) i = j;
        }
        // C#, F#.
        else if (text[i] == '#' && i - start == 1 && char.IsAsciiLetterUpper(text[start]) && (i + 1 >= n || !IsWordChar(text, i + 1)))
            i++;
        // v.v., U.S., TS., Inc.: abbreviations keep their final dot.
        else if (text[i] == '.')
        {
            var word = text[start..i];
            bool dottedLetters = word.Length >= 3 && word[^2] == '.' && char.IsLetter(word[^1]);
            if (dottedLetters || DottedLookup.Contains(word)) i++;
        }
    }

    private static bool TryUrl(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]))))
            return false;
        int j = i;
        while (j < text.Length && !char.IsWhiteSpace(text[j]) && text[j] != '"') j++;
        while (j > i && text[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'') j--;
        i = j;
        return true;
    }

    private static bool TryEmail(ReadOnlySpan<char> text, ref int i)
    {
        int j = i;
        while (j < text.Length && (IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or '_' or '%' or '+' or '-')) j++;
        if (j >= text.Length || text[j] != '@' || j == i) return false;
        int domainStart = ++j;
        while (j < text.Length && (IsAsciiLetterOrDigit(text[j]) || text[j] is '.' or '-')) j++;
        while (j > domainStart && text[j - 1] is '.' or '-') j--;
        int lastDot = text[domainStart..j].LastIndexOf('.');
        if (lastDot <= 0) return false;
        i = j;
        return true;
    }

    private static void SkipDigits(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
    }

    private static int CountDigits(ReadOnlySpan<char> text, int i)
    {
        int j = i;
        SkipDigits(text, ref j);
        return j - i;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Letters, digits and combining marks, including letters outside the BMP.</summary>
    internal static bool IsWordChar(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < 0x80) return char.IsAsciiLetterOrDigit(c);
        if (char.IsHighSurrogate(c))
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && char.IsLetter(char.ConvertToUtf32(c, text[i + 1]).ToString(), 0);
        if (char.IsLetterOrDigit(c)) return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static int CharWidth(ReadOnlySpan<char> text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
}
