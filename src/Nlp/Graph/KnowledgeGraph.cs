using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nlp.Corpus;
using Nlp.Documents;

namespace Nlp.Graph;

/// <summary>An entity of the graph: every mention that resolved to its id, across documents.</summary>
public sealed class GraphNode(string id, string type)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    /// <summary>Surface forms with their mention counts; the most frequent is the canonical name.</summary>
    public SortedDictionary<string, int> Names { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Documents { get; } = new(StringComparer.Ordinal);
    public int Mentions => Names.Values.Sum();
    public DateOnly? FirstSeen { get; set; }
    public DateOnly? LastSeen { get; set; }

    public string Label => Names.OrderByDescending(n => n.Value).ThenByDescending(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key;
}

/// <summary>The sentence that states a relation, in one document.</summary>
public sealed record Evidence(string Document, int Start, int End, string Sentence);

/// <summary>A relation between two graph entities, merged over documents.</summary>
public sealed class GraphEdge(string source, string relation, string target)
{
    public string Source { get; } = source;
    public string Relation { get; } = relation;
    public string Target { get; } = target;
    public int Weight { get; set; }
    public double Confidence { get; set; }
    public List<Evidence> Evidence { get; } = new();
}

/// <summary>
/// The corpus knowledge graph: entities as nodes (one per canonical id) and relations as edges with
/// their evidence, merged over documents. Everything it keeps is independent of the order documents
/// arrive in (counts, sets, maxima, the first evidence by document and offset), so adding documents to
/// a saved graph gives the same graph as building from all of them at once.
/// </summary>
public sealed class KnowledgeGraph
{
    /// <summary>Evidence kept per edge: the first ones by document id and offset.</summary>
    public const int MaxEvidence = 5;

    public SortedDictionary<string, GraphNode> Nodes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<(string, string, string), GraphEdge> Edges { get; } = new();
    public SortedSet<string> DocumentIds { get; } = new(StringComparer.Ordinal);

    public void Add(AnnotatedDocument document, EntityResolver resolver)
    {
        if (!DocumentIds.Add(document.Id)) return; // a document already in the graph adds nothing twice
        var ids = resolver.Resolve(document);
        for (int i = 0; i < document.Entities.Count; i++)
        {
            var e = document.Entities[i];
            var node = Nodes.TryGetValue(ids[i], out var n) ? n : Nodes[ids[i]] = new GraphNode(ids[i], e.Type);
            node.Names[e.Text] = node.Names.GetValueOrDefault(e.Text) + 1;
            node.Documents.Add(document.Id);
            if (document.Date is DateOnly date)
            {
                if (node.FirstSeen is null || date < node.FirstSeen) node.FirstSeen = date;
                if (node.LastSeen is null || date > node.LastSeen) node.LastSeen = date;
            }
        }
        foreach (var r in document.Relations)
        {
            if (r.Head < 0 || r.Tail < 0 || r.Head >= ids.Length || r.Tail >= ids.Length || ids[r.Head] == ids[r.Tail]) continue;
            var key = (ids[r.Head], r.Type, ids[r.Tail]);
            var edge = Edges.TryGetValue(key, out var g) ? g : Edges[key] = new GraphEdge(key.Item1, r.Type, key.Item3);
            edge.Weight++;
            edge.Confidence = Math.Max(edge.Confidence, r.Confidence ?? 1.0);
            // Extract output carries the sentence splitter's span; gold files and older output do not.
            var (start, end) = r.Evidence is var (from, to) && 0 <= from && from < to && to <= document.Text.Length
                ? (from, to)
                : SentenceAround(document.Text, document.Entities[r.Head], document.Entities[r.Tail]);
            AddEvidence(edge, new Evidence(document.Id, start, end, document.Text[start..end]));
        }
    }

    private static void AddEvidence(GraphEdge edge, Evidence evidence)
    {
        edge.Evidence.Add(evidence);
        edge.Evidence.Sort((a, b) => string.CompareOrdinal(a.Document, b.Document) is int c && c != 0 ? c : a.Start.CompareTo(b.Start));
        if (edge.Evidence.Count > MaxEvidence) edge.Evidence.RemoveRange(MaxEvidence, edge.Evidence.Count - MaxEvidence);
    }

    /// <summary>Without a given span: the sentence holding both entities, from the stop or line break before the first to the one after the last.</summary>
    private static (int, int) SentenceAround(string text, AnnotatedEntity a, AnnotatedEntity b)
    {
        int from = Math.Min(a.Start, b.Start), to = Math.Max(a.End, b.End);
        int start = from;
        while (start > 0 && !(text[start - 1] == '\n' || (start >= 2 && text[start - 2] is '.' or '!' or '?' && text[start - 1] == ' '))) start--;
        int end = to;
        while (end < text.Length && text[end] != '\n' && !(text[end] is '.' or '!' or '?' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))) end++;
        if (end < text.Length && text[end] is '.' or '!' or '?') end++;
        return (start, end);
    }

    // ---- JSON Graph Format (graph.nodes, graph.edges) ----

    public JObject ToJson() => new()
    {
        ["graph"] = new JObject
        {
            ["directed"] = true,
            ["type"] = "vnlp knowledge graph",
            ["metadata"] = new JObject { ["documents"] = new JArray(DocumentIds) },
            ["nodes"] = new JArray(Nodes.Values.Select(n => new JObject
            {
                ["id"] = n.Id,
                ["label"] = n.Label,
                ["metadata"] = new JObject
                {
                    ["type"] = n.Type,
                    ["aliases"] = new JObject(n.Names.Select(x => new JProperty(x.Key, x.Value))),
                    ["mentions"] = n.Mentions,
                    ["documents"] = n.Documents.Count,
                    ["documentIds"] = new JArray(n.Documents),
                    ["firstSeen"] = n.FirstSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["lastSeen"] = n.LastSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            })),
            ["edges"] = new JArray(Edges.Values.Select(e => new JObject
            {
                ["source"] = e.Source,
                ["relation"] = e.Relation,
                ["target"] = e.Target,
                ["metadata"] = new JObject
                {
                    ["weight"] = e.Weight,
                    ["confidence"] = Math.Round(e.Confidence, 4),
                    ["evidence"] = new JArray(e.Evidence.Select(v => new JObject { ["document"] = v.Document, ["start"] = v.Start, ["end"] = v.End, ["sentence"] = v.Sentence })),
                },
            })),
        },
    };

    /// <summary>Reads a graph written by <see cref="ToJson"/>, to add documents to it.</summary>
    public static KnowledgeGraph FromJson(JObject json)
    {
        var graph = new KnowledgeGraph();
        var g = json["graph"] ?? throw new FormatException("not a vnlp graph: no \"graph\"");
        foreach (var d in g["metadata"]?["documents"] as JArray ?? []) graph.DocumentIds.Add((string)d!);
        foreach (var n in g["nodes"] as JArray ?? [])
        {
            var meta = n["metadata"]!;
            var node = new GraphNode((string)n["id"]!, (string)meta["type"]!);
            foreach (var p in ((JObject)meta["aliases"]!).Properties()) node.Names[p.Name] = (int)p.Value;
            foreach (var d in meta["documentIds"] as JArray ?? []) node.Documents.Add((string)d!);
            node.FirstSeen = meta["firstSeen"]?.Type == JTokenType.String ? DateOnly.ParseExact((string)meta["firstSeen"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            node.LastSeen = meta["lastSeen"]?.Type == JTokenType.String ? DateOnly.ParseExact((string)meta["lastSeen"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            graph.Nodes[node.Id] = node;
        }
        foreach (var e in g["edges"] as JArray ?? [])
        {
            var meta = e["metadata"]!;
            var edge = new GraphEdge((string)e["source"]!, (string)e["relation"]!, (string)e["target"]!) { Weight = (int)meta["weight"]!, Confidence = (double)meta["confidence"]! };
            foreach (var v in meta["evidence"] as JArray ?? []) edge.Evidence.Add(new Evidence((string)v["document"]!, (int)v["start"]!, (int)v["end"]!, (string)v["sentence"]!));
            graph.Edges[(edge.Source, edge.Relation, edge.Target)] = edge;
        }
        return graph;
    }
}
