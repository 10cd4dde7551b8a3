namespace Nlp.Entities;

/// <summary>
/// Reads numbers as Vietnamese news writes them: <c>.</c> groups thousands and <c>,</c> marks the decimal
/// (<c>2.000</c>, <c>3.000.000</c>, <c>1,5</c>, <c>29,99</c>). A lone <c>.</c> before fewer or more than three digits is a
/// decimal point (<c>1.5</c>); after a dollar sign the English convention holds (<c>$1,299.99</c>).
/// </summary>
public static class NumberParser
{
    public static bool TryParse(ReadOnlySpan<char> s, out decimal value, bool englishGrouping = false)
    {
        value = 0;
        if (s.IsEmpty || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        int dots = 0, commas = 0, lastSep = -1;
        bool groupsOfThree = true;
        int groupLength = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c)) { groupLength++; continue; }
            if (c == '.') dots++;
            else if (c == ',') commas++;
            else return false;
            if (lastSep >= 0 && groupLength != 3) groupsOfThree = false;
            lastSep = i;
            groupLength = 0;
        }
        if (lastSep >= 0 && groupLength != 3) groupsOfThree = false;

        char? decimalMark;
        if (dots == 0 && commas == 0) decimalMark = null;
        else if (dots > 0 && commas > 0) decimalMark = s[lastSep];            // 1.299,99 or 1,299.99
        else if (englishGrouping) decimalMark = dots == 1 && !groupsOfThree ? '.' : (commas == 1 && !groupsOfThree ? ',' : null);
        else if (commas > 0) decimalMark = commas == 1 ? ',' : (groupsOfThree ? null : ',');
        else decimalMark = dots > 1 || groupsOfThree ? null : '.';
        if (decimalMark is char mark && (mark == '.' ? dots : commas) > 1) return false;

        decimal integer = 0, fraction = 0, scale = 1;
        bool inFraction = false;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (inFraction) { scale /= 10; fraction += (c - '0') * scale; }
                else integer = integer * 10 + (c - '0');
            }
            else if (c == decimalMark) inFraction = true;
        }
        value = integer + fraction;
        return true;
    }

    /// <summary>Small number words used for counts and durations: <c>hai</c> tháng, <c>ba</c> năm.</summary>
    public static bool TryParseWord(ReadOnlySpan<char> s, out int value)
    {
        value = s switch
        {
            "một" or "Một" => 1,
            "hai" or "Hai" => 2,
            "ba" or "Ba" => 3,
            "bốn" or "Bốn" => 4,
            "sáu" or "Sáu" => 6,
            "bảy" or "Bảy" => 7,
            "tám" or "Tám" => 8,
            "chín" or "Chín" => 9,
            "mười" or "Mười" => 10,
            "vài" or "Vài" => -1,
            _ => 0,
        };
        return value != 0;
    }
}
