using System.Net;
using System.Text;

namespace Nlp.Input;

/// <summary>
/// The visible article text of an HTML page: the content of &lt;article&gt; (else &lt;main&gt;, else &lt;body&gt;),
/// without scripts, styles, navigation, headers, footers, sidebars and forms; block elements become
/// line breaks, entities are decoded. A small forgiving scanner, not a full HTML parser.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    { "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe", "button", "select", "head" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    { "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article", "main", "figure", "figcaption", "blockquote", "pre", "hr", "dd", "dt", "body", "title" };

    public static string Extract(string html)
    {
        string region = Region(html, "article") ?? Region(html, "main") ?? Region(html, "body") ?? html;
        var text = new StringBuilder(region.Length / 2);
        int skipDepth = 0;
        string? skipping = null;
        int i = 0;
        while (i < region.Length)
        {
            char c = region[i];
            if (c != '<')
            {
                int next = region.IndexOf('<', i);
                if (next < 0) next = region.Length;
                if (skipping is null) text.Append(region, i, next - i);
                i = next;
                continue;
            }
            if (region.AsSpan(i).StartsWith("<!--"))
            {
                int close = region.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? region.Length : close + 3;
                continue;
            }
            int tagEnd = region.IndexOf('>', i + 1);
            if (tagEnd < 0) { if (skipping is null) text.Append(region, i, region.Length - i); break; }
            var (name, closing) = TagName(region.AsSpan(i + 1, tagEnd - i - 1));
            bool selfClosing = region[tagEnd - 1] == '/';
            i = tagEnd + 1;
            if (name.Length == 0) continue;

            if (skipping is not null)
            {
                if (name.Equals(skipping, StringComparison.OrdinalIgnoreCase))
                {
                    if (closing && --skipDepth == 0) skipping = null;
                    else if (!closing && !selfClosing) skipDepth++;
                }
                continue;
            }
            if (!closing && !selfClosing && Skipped.Contains(name)) { skipping = name; skipDepth = 1; continue; }
            if (Blocks.Contains(name)) text.Append('\n');
            else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)) text.Append(' ');
        }
        return Tidy(WebUtility.HtmlDecode(text.ToString()));
    }

    /// <summary>The inner HTML of the first &lt;tag&gt; element, or null.</summary>
    private static string? Region(string html, string tag)
    {
        int open = FindTag(html, "<" + tag, 0);
        if (open < 0) return null;
        int start = html.IndexOf('>', open);
        if (start < 0) return null;
        int close = html.LastIndexOf("</" + tag, StringComparison.OrdinalIgnoreCase);
        return close > start ? html[(start + 1)..close] : html[(start + 1)..];
    }

    private static int FindTag(string html, string prefix, int from)
    {
        while (true)
        {
            int at = html.IndexOf(prefix, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return -1;
            int after = at + prefix.Length;
            if (after < html.Length && (html[after] == '>' || char.IsWhiteSpace(html[after]))) return at;
            from = after;
        }
    }

    private static (string Name, bool Closing) TagName(ReadOnlySpan<char> inside)
    {
        bool closing = inside.Length > 0 && inside[0] == '/';
        if (closing) inside = inside[1..];
        int end = 0;
        while (end < inside.Length && (char.IsAsciiLetterOrDigit(inside[end]) || inside[end] == '-')) end++;
        return (inside[..end].ToString(), closing);
    }

    /// <summary>Collapses runs of spaces inside lines and keeps one blank line between blocks.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length);
        foreach (var raw in lines)
        {
            var line = string.Join(' ', raw.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
            if (line.Length == 0) continue;
            if (result.Length > 0) result.Append("\n\n");
            result.Append(line);
        }
        return result.ToString();
    }
}
