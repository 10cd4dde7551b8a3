using Microsoft.ML;
using Nlp.Documents;
using Nlp.Training;

namespace Nlp.Relations;

/// <summary>
/// Finds typed, directed relations between the entities of one sentence: every ordered pair whose types
/// some relation admits is a candidate, classified into a relation type or NONE by a maximum-entropy
/// model over the words between and around the pair (trained with ML.NET), with the relation types the
/// pair's entity types cannot have masked out. PARTNERS_WITH is kept once, from the first-mentioned ORG.
/// </summary>
public sealed class RelationModel
{
    public const string None = "NONE";
    internal const string MetadataEntry = "vnlp/relations.json";
    private readonly SparseClassifier _classifier;

    /// <param name="threshold">
    /// The probability the best relation type needs to be kept. Null: whichever of it and NONE is more
    /// probable wins. The trainer calibrates it on held-back training documents.
    /// </param>
    public RelationModel(SparseClassifier classifier, float? threshold = null)
    {
        _classifier = classifier;
        Threshold = threshold;
    }

    public int FeatureCount => _classifier.FeatureCount;
    public float? Threshold { get; }

    public static RelationModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"relation model not found: {path} (train one with 'vnlp train relations')", path);
        var transformer = new MLContext(seed: 0).Model.Load(path, out var schema);
        float? threshold = ModelFile.ReadEntry(path, MetadataEntry) is { } json ? (float?)Newtonsoft.Json.Linq.JObject.Parse(json)["threshold"] : null;
        return new RelationModel(SparseClassifier.FromTransformer(transformer, schema), threshold);
    }

    /// <summary>Candidate pairs (head, tail) of the document's entities: same sentence, types some relation admits.</summary>
    public static IEnumerable<(int Head, int Tail)> Candidates(Document document)
    {
        var bySentence = document.Entities.Select((e, i) => (Sentence: SentenceOf(document, e.FirstToken), Index: i)).Where(x => x.Sentence >= 0).GroupBy(x => x.Sentence);
        foreach (var group in bySentence)
        {
            var members = group.Select(x => x.Index).ToList();
            foreach (int h in members)
                foreach (int t in members)
                    if (h != t && RelationTypes.All.Any(r => RelationTypes.Allows(r, document.Entities[h].Type, document.Entities[t].Type)))
                        yield return (h, t);
        }
    }

    internal static int SentenceOf(Document document, int token)
    {
        var sentences = document.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (token < sentences[mid].FirstToken) hi = mid - 1;
            else if (token >= sentences[mid].EndToken) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public List<Relation> Predict(Document document)
    {
        var relations = new List<Relation>();
        var scores = new float[_classifier.ClassCount];
        var labels = _classifier.Labels;
        foreach (var (h, t) in Candidates(document))
        {
            _classifier.Begin(scores);
            foreach (var feature in RelationFeatures.Of(document, h, t)) _classifier.Add(feature, scores);
            SparseClassifier.Softmax(scores);
            var head = document.Entities[h];
            var tail = document.Entities[t];
            int best = -1, none = -1;
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[j] == None) { none = j; continue; }
                if (RelationTypes.Allows(labels[j], head.Type, tail.Type) && (best < 0 || scores[j] > scores[best])) best = j;
            }
            bool keep = best >= 0 && (Threshold is float threshold ? scores[best] >= threshold : none < 0 || scores[best] > scores[none]);
            if (keep)
                relations.Add(new Relation(h, t, labels[best]) { Confidence = Math.Round(scores[best], 4), Sentence = SentenceOf(document, head.FirstToken) });
        }
        // PARTNERS_WITH is tagged once, from the first-mentioned ORG to the second.
        relations.RemoveAll(r => r.Type == "PARTNERS_WITH" && r.Head > r.Tail && relations.Any(o => o.Type == "PARTNERS_WITH" && o.Head == r.Tail && o.Tail == r.Head));
        return relations;
    }
}

/// <summary>The features of a candidate pair, as strings.</summary>
public static class RelationFeatures
{
    public static List<string> Of(Document d, int h, int t)
    {
        var head = d.Entities[h];
        var tail = d.Entities[t];
        bool forward = head.FirstToken < tail.FirstToken;
        var first = forward ? head : tail;
        var second = forward ? tail : head;
        string pair = head.Type + ">" + tail.Type;
        var f = new List<string>(40) { "ht=" + pair, "ord=" + (forward ? "ht|" : "th|") + pair };
        int between = Math.Max(0, second.FirstToken - first.EndToken);
        f.Add("dist=" + (between switch { 0 => "0", 1 => "1", 2 => "2", <= 5 => "3-5", <= 10 => "6-10", _ => "11+" }) + "|" + pair);
        string? previous = null;
        for (int k = first.EndToken; k < second.FirstToken; k++)
        {
            string w = Lower(d, k);
            f.Add("bw=" + w);
            f.Add("bwo=" + (forward ? "ht|" : "th|") + w);
            if (previous is not null) f.Add("bb=" + previous + "|" + w);
            if (d.Tokens[k].Kind == TokenKind.Punctuation) f.Add("pc=" + w);
            previous = w;
        }
        if (between > 0)
        {
            f.Add("b1=" + pair + "|" + Lower(d, first.EndToken));
            f.Add("bl=" + pair + "|" + Lower(d, second.FirstToken - 1));
        }
        f.Add("pre1=" + Lower(d, first.FirstToken - 1));
        f.Add("pre2=" + Lower(d, first.FirstToken - 2) + "|" + Lower(d, first.FirstToken - 1));
        f.Add("post1=" + Lower(d, second.EndToken));
        f.Add("post2=" + Lower(d, second.EndToken) + "|" + Lower(d, second.EndToken + 1));
        f.Add("hpre=" + pair + "|" + Lower(d, head.FirstToken - 1));
        f.Add("tpre=" + pair + "|" + Lower(d, tail.FirstToken - 1));
        int entitiesBetween = 0;
        foreach (var e in d.Entities)
            if (e.FirstToken >= first.EndToken && e.EndToken <= second.FirstToken) { entitiesBetween++; f.Add("eb=" + e.Type); }
        f.Add("neb=" + Math.Min(entitiesBetween, 3) + "|" + pair);
        f.Add("h=" + head.Type + "|" + Span(d, head));
        f.Add("t=" + tail.Type + "|" + Span(d, tail));
        // The guidelines' cue phrases between the pair (or just before it): a prior for each relation type.
        string window = " " + Words(d, Math.Max(0, first.FirstToken - 3), second.FirstToken) + " ";
        foreach (var (relation, cues) in Cues)
            foreach (var cue in cues)
                if (window.Contains(" " + cue + " ", StringComparison.Ordinal)) { f.Add("cue=" + relation + "|" + (forward ? "ht" : "th")); break; }
        return f;
    }

    private static readonly (string Relation, string[] Cues)[] Cues =
    [
        ("DEVELOPS", ["phát triển", "ra mắt", "trình làng", "công bố", "thiết kế", "sản xuất", "của"]),
        ("OFFERS", ["cung cấp", "tích hợp", "đưa", "cho phép", "bán", "mở bán", "phân phối"]),
        ("USES", ["sử dụng", "dùng", "áp dụng", "chạy trên", "triển khai"]),
        ("INVESTS_IN", ["đầu tư", "rót vốn", "nhà đầu tư", "dẫn dắt"]),
        ("ACQUIRES", ["mua lại", "thâu tóm", "sáp nhập", "mua"]),
        ("PARTNERS_WITH", ["hợp tác", "bắt tay", "ký kết", "liên doanh"]),
        ("TRAINED_ON", ["đào tạo", "huấn luyện"]),
        ("COSTS", ["giá", "trị giá", "định giá", "doanh thu", "lợi nhuận", "vốn hóa", "chi phí"]),
        ("RELEASED_ON", ["ra mắt", "trình làng", "phát hành", "lên kệ", "mở bán"]),
        ("WORKS_FOR", ["giám đốc", "ceo", "nhà sáng lập", "chủ tịch", "nhà phân tích", "phó giáo sư", "tổng giám đốc", "đồng sáng lập"]),
        ("LOCATED_IN", ["có trụ sở", "đặt tại", "tại", "của"]),
        ("REGULATES", ["điều tra", "cấm", "hạn chế", "siết", "kiểm soát", "phạt", "xử phạt", "yêu cầu"]),
    ];

    private static string Span(Document d, Entity e) => Words(d, e.FirstToken, e.EndToken);

    private static string Words(Document d, int from, int to) =>
        string.Join(' ', Enumerable.Range(from, Math.Max(0, to - from)).Select(k => Lower(d, k)));

    private static string Lower(Document d, int k) =>
        k < 0 ? "<s>" : k >= d.Tokens.Count ? "</s>" : d.TextOf(d.Tokens[k]).ToString().ToLowerInvariant();
}
