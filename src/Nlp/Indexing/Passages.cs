using Microsoft.ML.Tokenizers;
using Nlp.Documents;

namespace Nlp.Indexing;

/// <summary>A run of whole sentences of a document, with its size in o200k tokens (for embedding models).</summary>
public sealed record Passage(int Number, int Start, int End, string Text, int Tokens);

/// <summary>
/// Splits documents into passages at sentence boundaries so that each holds at most a given number of
/// o200k tokens (the tokenizer of GPT-4o and its peers, from Microsoft.ML.Tokenizers); a sentence longer
/// than the limit is a passage of its own. A short document is one passage.
/// </summary>
public static class Passages
{
    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int CountTokens(string text) => O200k.Value.CountTokens(text);

    public static List<Passage> Split(Document document, int maxTokens)
    {
        var passages = new List<Passage>();
        string text = document.Text;
        int total = CountTokens(text);
        if (total <= maxTokens || document.Sentences.Count <= 1)
        {
            passages.Add(new Passage(1, 0, text.Length, text, total));
            return passages;
        }
        int start = -1, end = -1, tokens = 0;
        foreach (var sentence in document.Sentences)
        {
            var (s, e) = document.ToInput(document.Tokens[sentence.FirstToken].Start, document.Tokens[sentence.EndToken - 1].End);
            int sentenceTokens = CountTokens(text[s..e]);
            if (start >= 0 && tokens + sentenceTokens > maxTokens)
            {
                passages.Add(new Passage(passages.Count + 1, start, end, text[start..end], CountTokens(text[start..end])));
                start = -1;
                tokens = 0;
            }
            if (start < 0) start = s;
            end = e;
            tokens += sentenceTokens;
        }
        if (start >= 0) passages.Add(new Passage(passages.Count + 1, start, end, text[start..end], CountTokens(text[start..end])));
        return passages;
    }
}
