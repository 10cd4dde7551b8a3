using System.Text;
using Nlp.Documents;

namespace Nlp.Output;

/// <summary>
/// Writes a segmented document as plain text in the convention of VnCoreNLP and pyvi: tokens separated
/// by spaces, the syllables of a word joined by <c>_</c>, one output line for each line of the input.
/// </summary>
public static class SegmentedText
{
    public static void Write(Document document, TextWriter output)
    {
        string text = document.Text;
        int line = 0, inputPosition = 0;
        var current = new StringBuilder();
        foreach (var word in document.Words)
        {
            var (start, _) = document.ToInput(document.Tokens[word.FirstToken].Start, document.Tokens[word.FirstToken].End);
            // Close the lines the input ended before this word.
            for (; inputPosition < start; inputPosition++)
            {
                if (text[inputPosition] != '\n') continue;
                output.Write(current.ToString().TrimEnd());
                output.Write('\n');
                current.Clear();
                line++;
            }
            if (current.Length > 0) current.Append(' ');
            for (int t = word.FirstToken; t < word.EndToken; t++)
            {
                var (s, e) = document.ToInput(document.Tokens[t].Start, document.Tokens[t].End);
                if (t > word.FirstToken) current.Append('_');
                current.Append(text, s, e - s);
                inputPosition = e;
            }
        }
        for (; inputPosition < text.Length; inputPosition++)
        {
            if (text[inputPosition] != '\n') continue;
            output.Write(current.ToString().TrimEnd());
            output.Write('\n');
            current.Clear();
        }
        output.Write(current.ToString());
        output.Write('\n');
    }

    /// <summary>JSON with the word spans: offsets into the input text exactly as given.</summary>
    public static void WriteJson(Document document, TextWriter output)
    {
        using var json = new Newtonsoft.Json.JsonTextWriter(output) { CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("id"); json.WriteValue(document.Id);
        json.WritePropertyName("text"); json.WriteValue(document.Text);
        json.WritePropertyName("words");
        json.WriteStartArray();
        foreach (var word in document.Words)
        {
            var (start, end) = document.ToInput(document.Tokens[word.FirstToken].Start, document.Tokens[word.EndToken - 1].End);
            json.WriteStartObject();
            json.WritePropertyName("start"); json.WriteValue(start);
            json.WritePropertyName("end"); json.WriteValue(end);
            json.WritePropertyName("text"); json.WriteValue(document.Text.Substring(start, end - start));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
