using System.Globalization;
using Newtonsoft.Json;
using Nlp.Corpus;
using Nlp.Documents;

namespace Nlp.Output;

/// <summary>
/// Writes a document as one line of JSON in the format of the annotation guidelines (the training
/// data's schema, so predictions and gold compare directly). Offsets are UTF-16 indices into the input
/// text exactly as given, and each entity's text is that substring.
/// </summary>
public static class DocumentJson
{
    public static string ToJsonLine(Document document) => ToJsonLine(AnnotatedDocument.From(document));

    public static string ToJsonLine(AnnotatedDocument document)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        Write(document, buffer);
        return buffer.ToString();
    }

    public static void Write(Document document, TextWriter output) => Write(AnnotatedDocument.From(document), output);

    public static void Write(AnnotatedDocument document, TextWriter output)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(document.Id);
        if (document.Date is DateOnly date)
        {
            json.WritePropertyName("date");
            json.WriteValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (document.Title is not null) { json.WritePropertyName("title"); json.WriteValue(document.Title); }
        if (document.Url is not null) { json.WritePropertyName("url"); json.WriteValue(document.Url); }
        json.WritePropertyName("text");
        json.WriteValue(document.Text);

        json.WritePropertyName("entities");
        json.WriteStartArray();
        foreach (var entity in document.Entities)
        {
            json.WriteStartObject();
            json.WritePropertyName("start"); json.WriteValue(entity.Start);
            json.WritePropertyName("end"); json.WriteValue(entity.End);
            json.WritePropertyName("type"); json.WriteValue(entity.Type);
            json.WritePropertyName("text"); json.WriteValue(entity.Text);
            if (entity.EntityId is not null) { json.WritePropertyName("id"); json.WriteValue(entity.EntityId); }
            if (entity.Value is not null) { json.WritePropertyName("value"); json.WriteValue(entity.Value); }
            if (entity.Amount is decimal amount) { json.WritePropertyName("amount"); WriteNumber(json, amount); }
            if (entity.Currency is not null) { json.WritePropertyName("currency"); json.WriteValue(entity.Currency); }
            if (entity.Confidence is double confidence) { json.WritePropertyName("confidence"); json.WriteRawValue(confidence.ToString("0.####", CultureInfo.InvariantCulture)); }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WritePropertyName("relations");
        json.WriteStartArray();
        foreach (var relation in document.Relations)
        {
            json.WriteStartObject();
            json.WritePropertyName("head"); json.WriteValue(relation.Head);
            json.WritePropertyName("tail"); json.WriteValue(relation.Tail);
            json.WritePropertyName("type"); json.WriteValue(relation.Type);
            if (relation.Confidence is double confidence) { json.WritePropertyName("confidence"); json.WriteRawValue(confidence.ToString("0.####", CultureInfo.InvariantCulture)); }
            if (relation.Evidence is var (start, end))
            {
                json.WritePropertyName("evidence");
                json.WriteStartObject();
                json.WritePropertyName("start"); json.WriteValue(start);
                json.WritePropertyName("end"); json.WriteValue(end);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Whole amounts as integers (6000000, not 6000000.0), others with their decimals.</summary>
    private static void WriteNumber(JsonWriter json, decimal value)
    {
        if (value == decimal.Truncate(value) && Math.Abs(value) < 1e18m) json.WriteValue((long)value);
        else json.WriteRawValue(value.ToString("0.############", CultureInfo.InvariantCulture));
    }
}
