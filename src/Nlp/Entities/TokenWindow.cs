using Nlp.Documents;

namespace Nlp.Entities;

/// <summary>Read access to the tokens of one sentence for the rule matchers, by absolute token index.</summary>
internal readonly ref struct TokenWindow
{
    private readonly string _text;
    private readonly List<Token> _tokens;

    public TokenWindow(Document document, Sentence sentence)
    {
        _text = document.Normalized.Text;
        _tokens = document.Tokens;
        First = sentence.FirstToken;
        End = sentence.EndToken;
    }

    public int First { get; }
    public int End { get; }

    public bool Has(int k) => k >= First && k < End;
    public Token this[int k] => _tokens[k];
    public ReadOnlySpan<char> Text(int k) => _text.AsSpan(_tokens[k].Start, _tokens[k].Length);
    public string String(int k) => _text.Substring(_tokens[k].Start, _tokens[k].Length);

    public bool Is(int k, string word) => Has(k) && Text(k).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int k, ReadOnlySpan<string> words)
    {
        if (!Has(k)) return false;
        var t = Text(k);
        foreach (var w in words) if (t.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public bool IsKind(int k, TokenKind kind) => Has(k) && _tokens[k].Kind == kind;

    /// <summary>True when token k follows token k-1 with no space between.</summary>
    public bool Glued(int k) => Has(k) && !_tokens[k].SpaceBefore;
}
