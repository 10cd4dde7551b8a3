using System.Globalization;
using System.Text;
using System.Xml;
using Newtonsoft.Json.Linq;
using Nlp.Documents;

namespace Nlp.Graph;

/// <summary>The graph in the formats graph tools read: GraphML (Gephi, yEd), Neo4j bulk-import CSV, JSON-LD with schema.org types.</summary>
public static class GraphExports
{
    public static void WriteGraphML(KnowledgeGraph graph, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        void Key(string id, string target, string name, string type)
        {
            xml.WriteStartElement("key");
            xml.WriteAttributeString("id", id); xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name); xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        Key("label", "node", "label", "string"); Key("type", "node", "type", "string"); Key("mentions", "node", "mentions", "int");
        Key("documents", "node", "documents", "int"); Key("relation", "edge", "relation", "string"); Key("weight", "edge", "weight", "int");
        Key("confidence", "edge", "confidence", "double");
        xml.WriteStartElement("graph");
        xml.WriteAttributeString("id", "vnlp"); xml.WriteAttributeString("edgedefault", "directed");
        void Data(string key, string value) { xml.WriteStartElement("data"); xml.WriteAttributeString("key", key); xml.WriteString(value); xml.WriteEndElement(); }
        foreach (var n in graph.Nodes.Values)
        {
            xml.WriteStartElement("node"); xml.WriteAttributeString("id", n.Id);
            Data("label", n.Label); Data("type", n.Type); Data("mentions", n.Mentions.ToString(CultureInfo.InvariantCulture)); Data("documents", n.Documents.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        int k = 0;
        foreach (var e in graph.Edges.Values)
        {
            xml.WriteStartElement("edge"); xml.WriteAttributeString("id", $"e{k++}"); xml.WriteAttributeString("source", e.Source); xml.WriteAttributeString("target", e.Target);
            Data("relation", e.Relation); Data("weight", e.Weight.ToString(CultureInfo.InvariantCulture)); Data("confidence", e.Confidence.ToString("0.####", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); xml.WriteEndElement(); xml.WriteEndDocument();
    }

    /// <summary>neo4j-admin import files: nodes (id:ID, name, mentions, documents, :LABEL) and relationships (:START_ID, :END_ID, :TYPE, weight, confidence).</summary>
    public static void WriteNeo4j(KnowledgeGraph graph, TextWriter nodes, TextWriter relationships)
    {
        nodes.Write("id:ID,name,mentions:int,documents:int,firstSeen,lastSeen,:LABEL\n");
        foreach (var n in graph.Nodes.Values)
            nodes.Write(string.Join(',', Csv(n.Id), Csv(n.Label), n.Mentions.ToString(CultureInfo.InvariantCulture), n.Documents.Count.ToString(CultureInfo.InvariantCulture),
                Csv(n.FirstSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""), Csv(n.LastSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""), Label(n.Type)) + "\n");
        relationships.Write(":START_ID,:END_ID,:TYPE,weight:int,confidence:float,evidence\n");
        foreach (var e in graph.Edges.Values)
            relationships.Write(string.Join(',', Csv(e.Source), Csv(e.Target), e.Relation, e.Weight.ToString(CultureInfo.InvariantCulture),
                e.Confidence.ToString("0.####", CultureInfo.InvariantCulture), Csv(e.Evidence.FirstOrDefault()?.Sentence ?? "")) + "\n");
    }

    private static string Label(string type) => type switch
    {
        EntityTypes.Org => "Organization", EntityTypes.Product => "Product", EntityTypes.Person => "Person",
        EntityTypes.Location => "Place", EntityTypes.Money => "MonetaryAmount", _ => "Date",
    };

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>JSON-LD with schema.org types; relations as properties in the vnlp vocabulary.</summary>
    public static JObject ToJsonLd(KnowledgeGraph graph)
    {
        var items = new JArray();
        foreach (var n in graph.Nodes.Values)
        {
            var item = new JObject { ["@id"] = "vnlp:" + n.Id, ["@type"] = Label(n.Type), ["name"] = n.Label };
            var aliases = n.Names.Keys.Where(a => a != n.Label).ToList();
            if (aliases.Count > 0) item["alternateName"] = new JArray(aliases);
            foreach (var group in graph.Edges.Values.Where(e => e.Source == n.Id).GroupBy(e => e.Relation))
                item["vnlp:" + group.Key] = new JArray(group.Select(e => new JObject { ["@id"] = "vnlp:" + e.Target }));
            items.Add(item);
        }
        return new JObject
        {
            ["@context"] = new JObject { ["@vocab"] = "https://schema.org/", ["vnlp"] = "https://vnlp.example/graph/" },
            ["@graph"] = items,
        };
    }
}
