using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using Nlp.Corpus;
using Nlp.Entities;
using Nlp.Graph;

namespace Nlp.Tests.Graph;

public class EntityResolverTests
{
    private static AnnotatedDocument Doc(string id, string text, params (string Text, string Type)[] mentions)
    {
        var entities = new List<AnnotatedEntity>();
        int from = 0;
        foreach (var (t, type) in mentions)
        {
            int at = text.IndexOf(t, from, StringComparison.Ordinal);
            entities.Add(new AnnotatedEntity(at, at + t.Length, type, t));
            from = at + t.Length;
        }
        return new AnnotatedDocument(id, new DateOnly(2025, 1, 1), text, entities, []);
    }

    private static string[] Ids(AnnotatedDocument d, EntityResolver? resolver = null) => (resolver ?? new EntityResolver()).Resolve(d);

    [Fact]
    public void Case_diacritics_and_tone_style_do_not_split_an_entity()
    {
        var a = Ids(Doc("a", "Thế Giới Di Động mở cửa hàng.", ("Thế Giới Di Động", "ORG")));
        var b = Ids(Doc("b", "thế giới di động tăng lãi.", ("thế giới di động", "ORG")));
        Assert.Equal(a[0], b[0]);
        Assert.Equal("org:the-gioi-di-dong", a[0]);
    }

    [Fact]
    public void A_leading_descriptor_merges_with_the_bare_name()
    {
        var ids = Ids(Doc("a", "Tập đoàn FPT cho biết FPT sẽ mở văn phòng.", ("Tập đoàn FPT", "ORG"), ("FPT", "ORG")));
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public void An_abbreviation_defined_in_the_text_merges_with_its_full_name()
    {
        var ids = Ids(Doc("a", "Amazon Web Services (AWS) mở vùng mới. AWS cho biết thêm.", ("Amazon Web Services", "ORG"), ("AWS", "ORG"), ("AWS", "ORG")));
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
    }

    [Fact]
    public void A_place_glossed_in_parentheses_is_not_an_abbreviation()
    {
        var ids = Ids(Doc("a", "Công ty có trụ sở tại San Jose (Mỹ). Mỹ siết xuất khẩu.", ("San Jose", "LOCATION"), ("Mỹ", "LOCATION"), ("Mỹ", "LOCATION")));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal("location:my", ids[1]);
    }

    [Fact]
    public void A_short_form_after_its_full_form_merges_only_in_that_document()
    {
        var ids = Ids(Doc("a", "DeepSeek R1 gây sốt. R1 rẻ hơn nhiều.", ("DeepSeek R1", "PRODUCT"), ("R1", "PRODUCT")));
        Assert.Equal(ids[0], ids[1]);
        var alone = Ids(Doc("b", "R1 rẻ hơn nhiều.", ("R1", "PRODUCT")));
        Assert.Equal("product:r1", alone[0]);
        var person = Ids(Doc("c", "Jensen Huang phát biểu. Ông Huang cho biết.", ("Jensen Huang", "PERSON"), ("Huang", "PERSON")));
        Assert.Equal(person[0], person[1]);
    }

    [Fact]
    public void Different_things_stay_apart()
    {
        var ids = Ids(Doc("a", "GitHub ra mắt tính năng mới trên GitHub. Samsung Display và Samsung cùng đầu tư.",
            ("GitHub", "ORG"), ("GitHub", "PRODUCT"), ("Samsung Display", "ORG"), ("Samsung", "ORG")));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.NotEqual(ids[2], ids[3]);
    }

    [Fact]
    public void Gazetteer_and_user_aliases_merge_and_split()
    {
        var gazetteer = new Gazetteer([new GazetteerEntry("Meta Platforms", "ORG", ["Meta"])]);
        var resolver = new EntityResolver(gazetteer, ["ORG\tFacebook\tMeta Platforms", "PRODUCT\tR1\t-"]);
        var ids = Ids(Doc("a", "Meta và Facebook. DeepSeek R1 rồi R1.", ("Meta", "ORG"), ("Facebook", "ORG"), ("DeepSeek R1", "PRODUCT"), ("R1", "PRODUCT")), resolver);
        Assert.Equal("org:meta-platforms", ids[0]);
        Assert.Equal("org:meta-platforms", ids[1]);
        Assert.NotEqual(ids[2], ids[3]);
        Assert.Throws<FormatException>(() => new EntityResolver(null, ["ORG only two"]));
    }

    [Fact]
    public void Dates_and_money_are_identified_by_their_values()
    {
        var doc = new AnnotatedDocument("a", null, "ngày 30.1 giá 6 triệu USD, năm ngoái",
            [new(0, 9, "DATE", "ngày 30.1") { Value = "2025-01-30" }, new(14, 25, "MONEY", "6 triệu USD") { Amount = 6_000_000, Currency = "USD" }, new(27, 36, "DATE", "năm ngoái")], []);
        var ids = Ids(doc);
        Assert.Equal("date:2025-01-30", ids[0]);
        Assert.Equal("money:6000000-usd", ids[1]);
        Assert.StartsWith("date:a:", ids[2]);
    }
}

public class KnowledgeGraphTests
{
    private static List<AnnotatedDocument> Corpus() =>
        AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "dev.jsonl")).Documents.Take(60).ToList();

    private static KnowledgeGraph Build(IEnumerable<AnnotatedDocument> documents)
    {
        var graph = new KnowledgeGraph();
        var resolver = new EntityResolver();
        foreach (var d in documents) graph.Add(d, resolver);
        return graph;
    }

    [Fact]
    public void Adding_to_a_saved_graph_equals_building_from_everything()
    {
        var docs = Corpus();
        string batch = Build(docs).ToJson().ToString();
        var first = KnowledgeGraph.FromJson(JObject.Parse(Build(docs.Take(25)).ToJson().ToString()));
        foreach (var d in docs.Skip(25)) first.Add(d, new EntityResolver());
        Assert.Equal(batch, first.ToJson().ToString());
        var reversed = Build(Enumerable.Reverse(docs));
        Assert.Equal(batch, reversed.ToJson().ToString());
    }

    [Fact]
    public void An_edge_takes_the_evidence_span_extract_gave_over_its_own_guess()
    {
        // The stop in "TP. HCM" would cut a guess short; the span given is the whole sentence.
        const string text = "Hôm qua, tại TP. HCM, FPT ký thỏa thuận hợp tác với Viettel. Hai bên chưa nêu giá trị.";
        int fpt = text.IndexOf("FPT", StringComparison.Ordinal), viettel = text.IndexOf("Viettel", StringComparison.Ordinal);
        int sentenceEnd = text.IndexOf("Viettel.", StringComparison.Ordinal) + "Viettel.".Length;
        var entities = new List<AnnotatedEntity> { new(fpt, fpt + 3, "ORG", "FPT"), new(viettel, viettel + 7, "ORG", "Viettel") };
        var withSpan = new AnnotatedDocument("a", new DateOnly(2025, 1, 30), text, entities, [new AnnotatedRelation(0, 1, "PARTNERS_WITH") { Evidence = (0, sentenceEnd) }]);
        var graph = new KnowledgeGraph();
        graph.Add(withSpan, new EntityResolver());
        var evidence = Assert.Single(Assert.Single(graph.Edges.Values).Evidence);
        Assert.Equal("Hôm qua, tại TP. HCM, FPT ký thỏa thuận hợp tác với Viettel.", evidence.Sentence);
        Assert.Equal(text[evidence.Start..evidence.End], evidence.Sentence);

        var withoutSpan = withSpan with { Relations = [new AnnotatedRelation(0, 1, "PARTNERS_WITH")] };
        var guessed = new KnowledgeGraph();
        guessed.Add(withoutSpan, new EntityResolver());
        Assert.Equal("HCM, FPT ký thỏa thuận hợp tác với Viettel.", Assert.Single(Assert.Single(guessed.Edges.Values).Evidence).Sentence);
    }

    [Fact]
    public void Edges_carry_their_evidence_sentence()
    {
        var graph = Build(Corpus());
        Assert.NotEmpty(graph.Edges);
        foreach (var edge in graph.Edges.Values)
        {
            Assert.InRange(edge.Evidence.Count, 1, KnowledgeGraph.MaxEvidence);
            Assert.True(graph.Nodes.ContainsKey(edge.Source) && graph.Nodes.ContainsKey(edge.Target));
            foreach (var e in edge.Evidence) Assert.False(string.IsNullOrWhiteSpace(e.Sentence));
        }
        var json = graph.ToJson();
        Assert.NotNull(json["graph"]!["nodes"]);
        Assert.NotNull(json["graph"]!["edges"]);
    }

    [Fact]
    public void Exports_parse_as_graphml_csv_and_json_ld()
    {
        var graph = Build(Corpus());
        var graphml = new StringWriter();
        GraphExports.WriteGraphML(graph, graphml);
        var xml = XDocument.Parse(graphml.ToString());
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(graph.Nodes.Count, xml.Descendants(ns + "node").Count());
        Assert.Equal(graph.Edges.Count, xml.Descendants(ns + "edge").Count());

        var nodes = new StringWriter();
        var relationships = new StringWriter();
        GraphExports.WriteNeo4j(graph, nodes, relationships);
        var nodeLines = nodes.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(graph.Nodes.Count + 1, nodeLines.Length);
        Assert.All(nodeLines, l => Assert.Equal(7, CsvFields(l)));
        var relationshipLines = relationships.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(graph.Edges.Count + 1, relationshipLines.Length);
        Assert.All(relationshipLines, l => Assert.Equal(6, CsvFields(l)));

        var jsonld = JObject.Parse(GraphExports.ToJsonLd(graph).ToString());
        Assert.Equal("https://schema.org/", (string)jsonld["@context"]!["@vocab"]!);
        var types = ((JArray)jsonld["@graph"]!).Select(n => (string)n["@type"]!).ToHashSet();
        Assert.Contains("Organization", types);
        Assert.Contains("Product", types);
        Assert.Contains("MonetaryAmount", types);
    }

    /// <summary>Counts the fields of a CSV line, honouring quotes.</summary>
    private static int CsvFields(string line)
    {
        int fields = 1;
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields++;
        }
        Assert.False(quoted, "unbalanced quotes");
        return fields;
    }
}

public class ClusterEvaluationTests
{
    [Fact]
    public void Matches_a_hand_computed_example()
    {
        const string text = "Tập đoàn FPT và FPT Software; FPT mở rộng. Samsung và Samsung Display.";
        int At(string s, int from = 0) => text.IndexOf(s, from, StringComparison.Ordinal);
        AnnotatedEntity E(string s, int at) => new(at, at + s.Length, "ORG", s);
        var doc = new AnnotatedDocument("d", null, text,
            [E("Tập đoàn FPT", 0), E("FPT Software", At("FPT Software")), E("FPT", At("FPT mở")), E("Samsung", At("Samsung")), E("Samsung Display", At("Samsung Display"))], []);
        var gold = new Dictionary<(string, int, int), string>
        {
            [("d", doc.Entities[0].Start, doc.Entities[0].End)] = "ORG:FPT",
            [("d", doc.Entities[1].Start, doc.Entities[1].End)] = "ORG:FPT Software",
            [("d", doc.Entities[2].Start, doc.Entities[2].End)] = "ORG:FPT",
            [("d", doc.Entities[3].Start, doc.Entities[3].End)] = "ORG:Samsung",
            [("d", doc.Entities[4].Start, doc.Entities[4].End)] = "ORG:Samsung Display",
        };
        var result = Nlp.Evaluation.ClusterEvaluation.Evaluate([doc], gold, new EntityResolver());
        // "Tập đoàn FPT" and the later "FPT" share org:fpt; nothing merges two gold entities.
        Assert.Equal(5, result.Mentions);
        Assert.Equal(2, result.MentionsInSharedClusters);
        Assert.Equal(1.0, result.SameEntitySameId);
        Assert.Equal(4, result.Ids);
        Assert.Equal(0.0, result.IdsMergingDifferentEntities);
    }
}
