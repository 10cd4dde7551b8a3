namespace Nlp.Input;

/// <summary>A document read from an input file, before any processing.</summary>
public sealed record SourceDocument(string Id, string Text, DateOnly? Date, string File, int Line)
{
    public string? Title { get; init; }
    public string? Url { get; init; }
    /// <summary>Entities and relations given with the document (a JSONL line of 'vnlp extract' output), if any.</summary>
    public Corpus.AnnotatedDocument? Annotations { get; init; }
}

/// <summary>Something in the input that could not be read; the batch goes on without it.</summary>
public sealed record InputError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>One item of the input stream: a document, or an error in its place (so that order is kept).</summary>
public readonly record struct InputItem(SourceDocument? Document, InputError? Error);
