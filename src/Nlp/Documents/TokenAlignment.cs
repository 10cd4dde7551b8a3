namespace Nlp.Documents;

/// <summary>
/// Finds the tokens that an input span (offsets of the text as given, as in annotation files) covers
/// exactly: the span must start where a token starts and end where a token ends.
/// </summary>
public sealed class TokenAlignment
{
    private readonly Dictionary<int, int> _starts = new();
    private readonly Dictionary<int, int> _ends = new();

    public TokenAlignment(Document document)
    {
        for (int t = 0; t < document.Tokens.Count; t++)
        {
            var (s, e) = document.ToInput(document.Tokens[t].Start, document.Tokens[t].End);
            _starts.TryAdd(s, t);
            _ends[e] = t;
        }
    }

    /// <summary>Tokens [first, end) of the input span [start, end), or false when it does not fall on token boundaries.</summary>
    public bool TryGetTokens(int start, int end, out int firstToken, out int endToken)
    {
        endToken = -1;
        if (!_starts.TryGetValue(start, out firstToken) || !_ends.TryGetValue(end, out int last) || last < firstToken) return false;
        endToken = last + 1;
        return true;
    }
}
