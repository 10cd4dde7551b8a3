using Nlp.Text;

namespace Nlp.Documents;

/// <summary>
/// One article as it flows through the pipeline. The input text is kept exactly as given;
/// every layer (tokens, sentences, entities) is stored in offsets of <see cref="Normalized"/>
/// and mapped back to the input with <see cref="ToInput"/> when it leaves the library.
/// </summary>
public sealed class Document
{
    public Document(string id, string text, DateOnly? date = null)
    {
        Id = id;
        Text = text;
        Date = date;
        Normalized = NormalizedText.Identity(text);
    }

    public string Id { get; }
    /// <summary>The input text exactly as given.</summary>
    public string Text { get; }
    public DateOnly? Date { get; }
    public string? Title { get; init; }
    public string? Url { get; init; }

    /// <summary>The text after normalisation, with its map back to <see cref="Text"/>.</summary>
    public NormalizedText Normalized { get; internal set; }

    public List<Token> Tokens { get; } = new();
    public List<Sentence> Sentences { get; } = new();
    /// <summary>Word spans from the segmenter: each word covers a run of tokens.</summary>
    public List<Word> Words { get; } = new();
    public List<Entity> Entities { get; } = new();
    public List<Relation> Relations { get; } = new();

    /// <summary>The normalised text of a token.</summary>
    public ReadOnlySpan<char> TextOf(in Token token) => Normalized.Text.AsSpan(token.Start, token.Length);

    /// <summary>Maps a span of the normalised text to the span of the input it came from.</summary>
    public (int Start, int End) ToInput(int start, int end) => Normalized.ToInput(start, end);
}
