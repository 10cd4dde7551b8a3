using Microsoft.ML.Tokenizers;
using Nlp.Documents;

namespace Nlp.Tokenization;

/// <summary>
/// The scanner as a Microsoft.ML.Tokenizers pre-tokenizer, so that subword tokenizers
/// (BPE, Tiktoken) can run over Vietnamese syllables with exact offsets.
/// </summary>
public sealed class VietnamesePreTokenizer : PreTokenizer
{
    public static VietnamesePreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return PreTokenize(text.AsSpan());
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>();
        TokenScanner.Tokenize(text, tokens);
        var spans = new (int, int)[tokens.Count];
        for (int k = 0; k < spans.Length; k++) spans[k] = (tokens[k].Start, tokens[k].Length);
        return spans;
    }
}
