using System.Globalization;
using System.Text;

namespace Nlp.Text;

/// <summary>Vietnamese without diacritics, as people type search queries: <c>Thế Giới Di Động</c> → <c>The Gioi Di Dong</c>.</summary>
public static class Folding
{
    public static string Fold(ReadOnlySpan<char> text)
    {
        bool plain = true;
        foreach (char c in text) if (c >= 0x80) { plain = false; break; }
        if (plain) return text.ToString();
        var decomposed = text.ToString().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            result.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
