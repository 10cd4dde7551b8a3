namespace Nlp.Documents;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
    Hashtag,
}

/// <summary>A token: a span of the normalised text. A value type so that a document's tokens live in one array.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    /// <summary>True when a space (or any gap) separates this token from the one before it.</summary>
    public bool SpaceBefore { get; init; }

    /// <summary>True for tokens that count as syllables: words and numbers, not punctuation.</summary>
    public bool IsSyllable => Kind is TokenKind.Word or TokenKind.Number;
}

/// <summary>A sentence: a run of tokens [FirstToken, EndToken).</summary>
public readonly record struct Sentence(int FirstToken, int EndToken)
{
    public int TokenCount => EndToken - FirstToken;
}

/// <summary>A word from the segmenter: a run of syllable tokens [FirstToken, EndToken).</summary>
public readonly record struct Word(int FirstToken, int EndToken)
{
    public int TokenCount => EndToken - FirstToken;
}
