using System.Text;
using Nlp.Text;

namespace Nlp.Documents;

/// <summary>
/// A stable id for an entity from its type and text, the same across runs and documents: the type in
/// lower case, then the name folded to no diacritics, lower-cased, with runs of other characters as one
/// hyphen (<c>ORG</c> "Thế Giới Di Động" → <c>org:the-gioi-di-dong</c>; <c>PRODUCT</c> "DeepSeek R1" →
/// <c>product:deepseek-r1</c>). Case, diacritics and tone-mark style do not change it.
/// </summary>
public static class EntityIds
{
    public static string For(string type, string text)
    {
        var folded = Folding.Fold(TextNormalizer.Normalize(text).Text).ToLowerInvariant();
        var id = new StringBuilder(type.Length + folded.Length + 1).Append(type.ToLowerInvariant()).Append(':');
        bool hyphen = false;
        foreach (char c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '+' || c == '#') { if (hyphen && id[^1] != ':') id.Append('-'); id.Append(c); hyphen = false; }
            else hyphen = true;
        }
        return id.ToString();
    }
}
