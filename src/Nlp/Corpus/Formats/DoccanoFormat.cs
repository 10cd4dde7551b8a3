using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nlp.Corpus.Formats;

/// <summary>
/// doccano JSONL, as its sequence-labelling export writes it: <c>{"id", "text", "entities": [{"id", "label",
/// "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}</c>; the older
/// <c>"label": [[start, end, "TYPE"]]</c> form is read too. doccano counts offsets in code points (it is
/// written in Python); this project counts UTF-16 units, so offsets are converted both ways.
/// </summary>
public static class DoccanoFormat
{
    public static void Write(IEnumerable<AnnotatedDocument> documents, TextWriter output)
    {
        foreach (var d in documents)
        {
            var entities = d.Entities.Select((e, k) => new JObject
            {
                ["id"] = k, ["label"] = e.Type, ["start_offset"] = CodePoints(d.Text, e.Start), ["end_offset"] = CodePoints(d.Text, e.End),
            });
            var relations = d.Relations.Select((r, k) => new JObject { ["id"] = k, ["from_id"] = r.Head, ["to_id"] = r.Tail, ["type"] = r.Type });
            var line = new JObject { ["id"] = d.Id, ["text"] = d.Text, ["entities"] = new JArray(entities), ["relations"] = new JArray(relations) };
            if (d.Date is DateOnly date) line["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            output.Write(line.ToString(Formatting.None));
            output.Write('\n');
        }
    }

    public static List<AnnotatedDocument> Read(TextReader input, string source)
    {
        var documents = new List<AnnotatedDocument>();
        int lineNumber = 0;
        while (input.ReadLine() is string line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var obj = JObject.Parse(line);
                string text = (string?)obj["text"] ?? throw new FormatException("missing \"text\"");
                string id = obj["id"]?.ToString() ?? $"{Path.GetFileNameWithoutExtension(source)}-{lineNumber}";
                DateOnly? date = obj["date"] is JToken dt && Input.InputReader.TryParseDate(dt.ToString(), out var parsed) ? parsed : null;
                var entities = new List<(object Id, AnnotatedEntity Entity)>();
                if (obj["entities"] is JArray list)
                    foreach (var e in list) entities.Add(((object?)e["id"]?.ToString() ?? entities.Count, Entity(text, (int)e["start_offset"]!, (int)e["end_offset"]!, (string)e["label"]!)));
                else if (obj["label"] is JArray labels)
                    foreach (var e in labels) entities.Add((entities.Count, Entity(text, (int)e[0]!, (int)e[1]!, (string)e[2]!)));
                var ordered = entities.OrderBy(e => e.Entity.Start).ThenBy(e => e.Entity.End).ToList();
                var index = ordered.Select((e, k) => (e.Id.ToString()!, k)).ToDictionary(x => x.Item1, x => x.k);
                var relations = new List<AnnotatedRelation>();
                foreach (var r in obj["relations"] as JArray ?? [])
                    relations.Add(new AnnotatedRelation(index[r["from_id"]!.ToString()], index[r["to_id"]!.ToString()], (string)r["type"]!));
                documents.Add(new AnnotatedDocument(id, date, text, ordered.Select(e => e.Entity).ToList(), relations));
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidCastException or ArgumentException or NullReferenceException)
            {
                throw new FormatException($"{source}:{lineNumber}: {e.Message}", e);
            }
        }
        return documents;
    }

    private static AnnotatedEntity Entity(string text, int startCodePoint, int endCodePoint, string type)
    {
        int start = Utf16(text, startCodePoint), end = Utf16(text, endCodePoint);
        return new AnnotatedEntity(start, end, type, text[start..end]);
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="index"/>.</summary>
    internal static int CodePoints(string text, int index)
    {
        int count = 0;
        for (int i = 0; i < index; i++) if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) count++;
        return count;
    }

    /// <summary>The UTF-16 index of code point number <paramref name="codePoint"/>.</summary>
    internal static int Utf16(string text, int codePoint)
    {
        int i = 0;
        for (int seen = 0; seen < codePoint; seen++)
        {
            if (i >= text.Length) throw new FormatException($"offset {codePoint} is past the end of the text");
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        return i;
    }
}
