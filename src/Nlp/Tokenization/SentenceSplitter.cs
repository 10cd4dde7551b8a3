using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Tokenization;

/// <summary>
/// Splits a document's tokens into sentences. Abbreviations (<c>TP.HCM</c>, <c>v.v.</c>), numbers
/// (<c>30.1</c>, <c>2.000</c>) and versions are single tokens, so a dot token is a real full stop;
/// a stop ends the sentence when what follows starts a new one (capital, digit, quote, new line).
/// A blank line always ends a sentence; a single line break does unless the line was wrapped
/// mid-sentence (no stop before it, lower case after it). Headings and bullet lines are their own.
/// </summary>
public sealed class SentenceSplitter : IPipelineStage
{
    /// <summary>Titles that stand before a name and never end a sentence.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "TS.", "ThS.", "PGS.", "GS.", "BS.", "KS.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "TP.", "Tp.", "Q.", "P.", "No.", "tr." };

    public string Name => "sentences";

    public void Process(Document document)
    {
        document.Sentences.Clear();
        Split(document.Normalized.Text, document.Tokens, document.Sentences);
    }

    public static void Split(string text, IReadOnlyList<Token> tokens, List<Sentence> sentences)
    {
        int start = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > start && LineBreakBefore(text, tokens, i, out bool blank))
            {
                bool wrapped = !blank && !IsTerminal(text, tokens[i - 1]) && StartsLower(text, tokens[i]);
                if (!wrapped)
                {
                    sentences.Add(new Sentence(start, i));
                    start = i;
                }
            }
            if (!IsTerminal(text, tokens[i])) continue;

            int end = i + 1;
            // Closing quotes and brackets glued to the stop belong to this sentence.
            while (end < tokens.Count && !tokens[end].SpaceBefore && IsCloser(text[tokens[end].Start]) && tokens[end].Length == 1) end++;
            if (end >= tokens.Count) break;
            if (OnlyListNumber(text, tokens, start, i)) continue;
            if (StartsSentence(text, tokens[end]) || LineBreakBefore(text, tokens, end, out _))
            {
                sentences.Add(new Sentence(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < tokens.Count) sentences.Add(new Sentence(start, tokens.Count));
    }

    private static bool IsTerminal(string text, Token token)
    {
        var s = text.AsSpan(token.Start, token.Length);
        if (token.Kind == TokenKind.Punctuation)
            return s[0] is '.' or '!' or '?' or '…';
        // "v.v." and "Inc." may end a sentence; a title such as "TS." never does.
        return token.Kind == TokenKind.Word && s.Length > 1 && s[^1] == '.' && !Titles.Contains(s.ToString());
    }

    private static bool StartsSentence(string text, Token token)
    {
        char c = text[token.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '(' or '[' or '-' or '•' or '*' or '–' or '—';
    }

    private static bool StartsLower(string text, Token token) => char.IsLower(text[token.Start]);

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '»';

    /// <summary>"1." at the start of a list item is not a sentence of its own.</summary>
    private static bool OnlyListNumber(string text, IReadOnlyList<Token> tokens, int start, int stop) =>
        stop == start + 1 && tokens[start].Kind == TokenKind.Number && text[tokens[stop].Start] == '.';

    private static bool LineBreakBefore(string text, IReadOnlyList<Token> tokens, int i, out bool blank)
    {
        blank = false;
        if (i == 0) return false;
        int from = tokens[i - 1].End, to = tokens[i].Start;
        int breaks = 0;
        for (int k = from; k < to; k++) if (text[k] == '\n') breaks++;
        blank = breaks >= 2;
        return breaks > 0;
    }
}
