using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nlp.Input;

namespace Nlp.Corpus;

/// <summary>An entity as written in annotation JSONL: offsets into the document text as given.</summary>
public sealed record AnnotatedEntity(int Start, int End, string Type, string Text)
{
    public string? Value { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public double? Confidence { get; init; }
    /// <summary>The canonical entity id, when the pipeline gave one.</summary>
    public string? EntityId { get; init; }
}

public sealed record AnnotatedRelation(int Head, int Tail, string Type)
{
    public double? Confidence { get; init; }
    /// <summary>The input span of the sentence that states the relation, when known.</summary>
    public (int Start, int End)? Evidence { get; init; }
}

/// <summary>One line of annotation JSONL (the guidelines' format): gold data, or the pipeline's output.</summary>
public sealed record AnnotatedDocument(string Id, DateOnly? Date, string Text, IReadOnlyList<AnnotatedEntity> Entities, IReadOnlyList<AnnotatedRelation> Relations)
{
    public string File { get; init; } = "";
    public int Line { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }

    /// <summary>A processed document with its layers mapped to offsets of the input text as given.</summary>
    public static AnnotatedDocument From(Nlp.Documents.Document document)
    {
        var entities = new List<AnnotatedEntity>(document.Entities.Count);
        foreach (var e in document.Entities)
        {
            var (start, end) = document.ToInput(e.Start, e.End);
            entities.Add(new AnnotatedEntity(start, end, e.Type, document.Text[start..end])
            {
                Value = e.Value, Amount = e.Amount, Currency = e.Currency, Confidence = e.Confidence, EntityId = e.EntityId,
            });
        }
        var relations = document.Relations.Select(r => new AnnotatedRelation(r.Head, r.Tail, r.Type)
        {
            Confidence = r.Confidence,
            Evidence = r.Sentence >= 0 && r.Sentence < document.Sentences.Count
                ? document.ToInput(document.Tokens[document.Sentences[r.Sentence].FirstToken].Start, document.Tokens[document.Sentences[r.Sentence].EndToken - 1].End)
                : null,
        }).ToList();
        return new AnnotatedDocument(document.Id, document.Date, document.Text, entities, relations) { Title = document.Title, Url = document.Url };
    }
}

/// <summary>Reads annotation JSONL. Structural problems (bad JSON, missing fields) are errors naming file and line.</summary>
public static class AnnotatedJsonl
{
    public static (List<AnnotatedDocument> Documents, List<InputError> Errors) Read(string path)
    {
        var documents = new List<AnnotatedDocument>();
        var errors = new List<InputError>();
        if (!System.IO.File.Exists(path)) { errors.Add(new InputError(path, 0, "no such file")); return (documents, errors); }
        int lineNumber = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                documents.Add(Parse(line) with { File = path, Line = lineNumber });
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException or NullReferenceException)
            {
                errors.Add(new InputError(path, lineNumber, e.Message));
            }
        }
        return (documents, errors);
    }

    public static AnnotatedDocument Parse(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        var obj = JObject.Load(reader);
        string id = obj["id"]?.ToString() ?? throw new FormatException("missing \"id\"");
        string text = obj["text"]?.Type == JTokenType.String ? (string)obj["text"]! : throw new FormatException($"{id}: missing \"text\"");
        DateOnly? date = null;
        if (obj["date"] is JToken d && d.Type != JTokenType.Null)
            date = InputReader.TryParseDate(d.ToString(), out var parsed) ? parsed : throw new FormatException($"{id}: \"date\" is not YYYY-MM-DD");
        var entities = new List<AnnotatedEntity>();
        foreach (var e in obj["entities"] as JArray ?? [])
        {
            entities.Add(new AnnotatedEntity((int)e["start"]!, (int)e["end"]!, (string)e["type"]!, (string?)e["text"] ?? "")
            {
                Value = (string?)e["value"],
                Amount = e["amount"] is JToken a && a.Type != JTokenType.Null ? (decimal)a : null,
                Currency = (string?)e["currency"],
                Confidence = e["confidence"] is JToken c && c.Type != JTokenType.Null ? (double)c : null,
                EntityId = e["id"]?.Type == JTokenType.String ? (string?)e["id"] : null,
            });
        }
        var relations = new List<AnnotatedRelation>();
        foreach (var r in obj["relations"] as JArray ?? [])
            relations.Add(new AnnotatedRelation((int)r["head"]!, (int)r["tail"]!, (string)r["type"]!)
            {
                Confidence = r["confidence"] is JToken c && c.Type != JTokenType.Null ? (double)c : null,
                Evidence = r["evidence"] is JObject ev ? ((int)ev["start"]!, (int)ev["end"]!) : null,
            });
        return new AnnotatedDocument(id, date, text, entities, relations);
    }
}
