using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nlp.Documents;

namespace Nlp.Indexing;

/// <summary>
/// The Elasticsearch/OpenSearch <c>_bulk</c> format: for each document an action line
/// (<c>{"index":{"_index":NAME,"_id":ID}}</c>) then the document line, every line ending in a newline.
/// Indexing the same id again replaces the document. <see cref="Mapping"/> gives the index settings and
/// mapping these documents are written for.
/// </summary>
public static class BulkFeed
{
    public static void Write(IndexRecord record, string index, TextWriter output)
    {
        var action = new JObject { ["index"] = new JObject { ["_index"] = index, ["_id"] = record.Id } };
        output.Write(action.ToString(Formatting.None));
        output.Write('\n');
        output.Write(ToJson(record).ToString(Formatting.None));
        output.Write('\n');
    }

    public static JObject ToJson(IndexRecord r)
    {
        var doc = new JObject { ["id"] = r.Id };
        if (r.Title is not null) doc["title"] = r.Title;
        if (r.Url is not null) doc["url"] = r.Url;
        if (r.Date is DateOnly date) doc["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        doc["text"] = r.Text;
        doc["syllables"] = r.Syllables;
        doc["words"] = r.Words;
        doc["folded"] = r.Folded;
        doc["entities"] = new JArray(r.Entities.Select(Entity));
        foreach (var (type, facet) in IndexRecord.Facets) doc[facet] = new JArray(r.FacetValues(type));
        doc["entity_ids"] = new JArray(r.Entities.Select(e => e.Id).Distinct(StringComparer.Ordinal));
        doc["relations"] = new JArray(r.Relations);
        doc["tokens"] = r.Tokens;
        doc["passages"] = new JArray(r.Passages.Select(p => new JObject
        {
            ["n"] = p.Number, ["start"] = p.Start, ["end"] = p.End, ["text"] = p.Text, ["tokens"] = p.Tokens,
            ["entities"] = new JArray(r.Entities.Where(e => e.Start >= p.Start && e.End <= p.End).Select(Entity)),
        }));
        return doc;
    }

    private static JObject Entity(IndexedEntity e)
    {
        var o = new JObject { ["type"] = e.Type, ["id"] = e.Id, ["text"] = e.Text, ["start"] = e.Start, ["end"] = e.End };
        if (e.Value is not null) o["value"] = e.Value;
        if (e.Amount is decimal a) o["amount"] = a;
        if (e.Currency is not null) o["currency"] = e.Currency;
        if (e.Confidence is double c) o["confidence"] = c;
        return o;
    }

    /// <summary>Index settings and mapping for the bulk documents (Elasticsearch 8 / OpenSearch 2).</summary>
    public static JObject Mapping()
    {
        JObject Text(string analyzer) => new() { ["type"] = "text", ["analyzer"] = analyzer };
        JObject Keyword() => new() { ["type"] = "keyword" };
        var entity = new JObject
        {
            ["type"] = "nested",
            ["properties"] = new JObject
            {
                ["type"] = Keyword(), ["id"] = Keyword(), ["text"] = new JObject { ["type"] = "text", ["analyzer"] = "vi_syllables", ["fields"] = new JObject { ["raw"] = Keyword() } },
                ["value"] = Keyword(), ["amount"] = new JObject { ["type"] = "double" }, ["currency"] = Keyword(),
                ["confidence"] = new JObject { ["type"] = "float" }, ["start"] = new JObject { ["type"] = "integer" }, ["end"] = new JObject { ["type"] = "integer" },
            },
        };
        var properties = new JObject
        {
            ["id"] = Keyword(), ["title"] = Text("vi_syllables"), ["url"] = Keyword(), ["date"] = new JObject { ["type"] = "date", ["format"] = "yyyy-MM-dd" },
            ["text"] = new JObject { ["type"] = "text", ["analyzer"] = "vi_syllables", ["term_vector"] = "with_positions_offsets" },
            ["syllables"] = Text("vi_syllables"), ["words"] = Text("vi_words"), ["folded"] = Text("vi_folded"),
            ["entities"] = entity, ["entity_ids"] = Keyword(), ["relations"] = Keyword(), ["tokens"] = new JObject { ["type"] = "integer" },
            ["passages"] = new JObject
            {
                ["type"] = "nested",
                ["properties"] = new JObject
                {
                    ["n"] = new JObject { ["type"] = "integer" }, ["start"] = new JObject { ["type"] = "integer" }, ["end"] = new JObject { ["type"] = "integer" },
                    ["text"] = Text("vi_syllables"), ["tokens"] = new JObject { ["type"] = "integer" }, ["entities"] = entity.DeepClone(),
                },
            },
        };
        foreach (var facet in IndexRecord.Facets.Values) properties[facet] = Keyword();
        return new JObject
        {
            ["settings"] = new JObject
            {
                ["analysis"] = new JObject
                {
                    ["analyzer"] = new JObject
                    {
                        // syllables and words arrive already split by vnlp: whitespace separates them, '_' joins a word's syllables.
                        ["vi_syllables"] = new JObject { ["type"] = "custom", ["tokenizer"] = "standard", ["filter"] = new JArray("lowercase") },
                        ["vi_words"] = new JObject { ["type"] = "custom", ["tokenizer"] = "whitespace", ["filter"] = new JArray("lowercase") },
                        ["vi_folded"] = new JObject { ["type"] = "custom", ["tokenizer"] = "whitespace", ["filter"] = new JArray("lowercase", "asciifolding") },
                    },
                },
            },
            ["mappings"] = new JObject { ["properties"] = properties },
        };
    }
}
