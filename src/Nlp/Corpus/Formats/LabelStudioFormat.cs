using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nlp.Corpus.Formats;

/// <summary>
/// Label Studio's JSON export: an array of tasks, <c>{"id", "data": {"text", "id", "date"}, "annotations":
/// [{"result": [...]}]}</c>, where each span is <c>{"id", "type": "labels", "from_name": "label", "to_name":
/// "text", "value": {"start", "end", "text", "labels": ["ORG"]}}</c> and each relation <c>{"type": "relation",
/// "from_id", "to_id", "direction": "right", "labels": ["DEVELOPS"]}</c>. Offsets are UTF-16, as here.
/// Reading takes each task's first annotation (or its predictions when it has none).
/// </summary>
public static class LabelStudioFormat
{
    public static void Write(IEnumerable<AnnotatedDocument> documents, TextWriter output)
    {
        var tasks = new JArray();
        foreach (var d in documents)
        {
            var result = new JArray();
            foreach (var (e, k) in d.Entities.Select((e, k) => (e, k)))
                result.Add(new JObject
                {
                    ["id"] = $"e{k}", ["type"] = "labels", ["from_name"] = "label", ["to_name"] = "text",
                    ["value"] = new JObject { ["start"] = e.Start, ["end"] = e.End, ["text"] = e.Text, ["labels"] = new JArray(e.Type) },
                });
            foreach (var r in d.Relations)
                result.Add(new JObject { ["type"] = "relation", ["from_id"] = $"e{r.Head}", ["to_id"] = $"e{r.Tail}", ["direction"] = "right", ["labels"] = new JArray(r.Type) });
            var data = new JObject { ["id"] = d.Id, ["text"] = d.Text };
            if (d.Date is DateOnly date) data["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            tasks.Add(new JObject { ["data"] = data, ["annotations"] = new JArray(new JObject { ["result"] = result }) });
        }
        output.Write(tasks.ToString(Formatting.Indented));
        output.Write('\n');
    }

    public static List<AnnotatedDocument> Read(TextReader input, string source)
    {
        JArray tasks;
        try { tasks = JArray.Parse(input.ReadToEnd()); }
        catch (JsonException e) { throw new FormatException($"{source}: not a Label Studio JSON export (an array of tasks): {e.Message}", e); }
        var documents = new List<AnnotatedDocument>();
        foreach (var (task, number) in tasks.Select((t, n) => (t, n + 1)))
        {
            var data = task["data"] ?? throw new FormatException($"{source}: task {number} has no \"data\"");
            string text = (string?)data["text"] ?? throw new FormatException($"{source}: task {number} has no data.text");
            string id = data["id"]?.ToString() ?? task["id"]?.ToString() ?? $"{Path.GetFileNameWithoutExtension(source)}-{number}";
            DateOnly? date = data["date"] is JToken dt && Input.InputReader.TryParseDate(dt.ToString(), out var parsed) ? parsed : null;
            var result = (task["annotations"] as JArray)?.FirstOrDefault()?["result"] as JArray
                ?? (task["predictions"] as JArray)?.FirstOrDefault()?["result"] as JArray ?? [];
            var spans = new List<(string Id, AnnotatedEntity Entity)>();
            foreach (var item in result.Where(r => (string?)r["type"] == "labels"))
            {
                var value = item["value"]!;
                int start = (int)value["start"]!, end = (int)value["end"]!;
                spans.Add(((string?)item["id"] ?? $"span{spans.Count}", new AnnotatedEntity(start, end, (string)value["labels"]![0]!, text[start..end])));
            }
            var ordered = spans.OrderBy(s => s.Entity.Start).ThenBy(s => s.Entity.End).ToList();
            var index = ordered.Select((s, k) => (s.Id, k)).ToDictionary(x => x.Id, x => x.k);
            var relations = result.Where(r => (string?)r["type"] == "relation")
                .Select(r => (string?)r["direction"] == "left"
                    ? new AnnotatedRelation(index[(string)r["to_id"]!], index[(string)r["from_id"]!], (string)r["labels"]![0]!)
                    : new AnnotatedRelation(index[(string)r["from_id"]!], index[(string)r["to_id"]!], (string)r["labels"]![0]!))
                .ToList();
            documents.Add(new AnnotatedDocument(id, date, text, ordered.Select(s => s.Entity).ToList(), relations));
        }
        return documents;
    }
}
