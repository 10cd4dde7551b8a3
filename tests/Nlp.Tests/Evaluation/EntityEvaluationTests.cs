using Nlp.Corpus;
using Nlp.Evaluation;
using Nlp.Pipeline;

namespace Nlp.Tests.Evaluation;

public class EntityEvaluationTests
{
    private static AnnotatedDocument Doc(string text, params AnnotatedEntity[] entities) => new("d", null, text, entities, []);

    [Fact]
    public void Matches_a_hand_computed_example()
    {
        const string text = "Nvidia bán chip H20 tại Trung Quốc từ ngày 30.1 với giá 6 triệu USD.";
        var gold = Doc(text,
            new(0, 6, "ORG", "Nvidia"), new(16, 19, "PRODUCT", "H20"), new(24, 34, "LOCATION", "Trung Quốc"),
            new(38, 47, "DATE", "ngày 30.1") { Value = "2025-01-30" }, new(56, 67, "MONEY", "6 triệu USD") { Amount = 6_000_000, Currency = "USD" });
        var predicted = Doc(text,
            new(0, 6, "ORG", "Nvidia"),                                          // right
            new(11, 19, "PRODUCT", "chip H20"),                                  // wrong span, overlaps: partial
            new(24, 34, "ORG", "Trung Quốc"),                                    // wrong type
            new(38, 47, "DATE", "ngày 30.1") { Value = "2024-01-30" },           // right span, wrong value
            new(56, 67, "MONEY", "6 triệu USD") { Amount = 6_000_000, Currency = "USD" });
        var evaluation = new EntityEvaluation();
        evaluation.Add(gold, predicted);

        var overall = evaluation.Overall;
        Assert.Equal(5, overall.Gold);
        Assert.Equal(5, overall.Predicted);
        Assert.Equal(3, overall.StrictCorrect);
        Assert.Equal(0.6, overall.Precision, 6);
        Assert.Equal(0.6, overall.F1, 6);
        Assert.Equal(4.0 / 5, overall.PartialRecall, 6);
        Assert.Equal(0.0, evaluation.ByType["LOCATION"].Recall);
        Assert.Equal(0.5, evaluation.ByType["ORG"].Precision);
        Assert.Equal(0.0, evaluation.ByType["DATE"].ValueAccuracy);
        Assert.Equal(1.0, evaluation.ByType["MONEY"].ValueAccuracy);
        Assert.Equal(1, evaluation.Confusion["LOCATION"]["ORG"]);
        Assert.Equal(1, evaluation.Confusion["PRODUCT"][EntityEvaluation.None]);
    }

    [Fact]
    public void Gives_the_same_figures_as_seqeval_strict_chunk_scoring()
    {
        // Score the rule-based pipeline's DATE/MONEY on the dev corpus both ways: our span matching, and
        // an independent seqeval-style scorer that tags characters B-/I-/O and compares extracted chunks.
        var (gold, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "dev.jsonl"));
        var pipeline = NlpPipeline.CreateRuleBased();
        var evaluation = new EntityEvaluation();
        int correct = 0, goldCount = 0, predictedCount = 0;
        foreach (var g in gold)
        {
            var p = AnnotatedDocument.From(pipeline.Process(new Nlp.Documents.Document(g.Id, g.Text, g.Date)));
            evaluation.Add(g, p);
            var goldChunks = Chunks(Bio(g));
            var predictedChunks = Chunks(Bio(p));
            goldCount += goldChunks.Count;
            predictedCount += predictedChunks.Count;
            correct += goldChunks.Intersect(predictedChunks).Count();
        }
        var overall = evaluation.Overall;
        Assert.Equal(goldCount, overall.Gold);
        Assert.Equal(predictedCount, overall.Predicted);
        Assert.Equal(correct, overall.StrictCorrect);
    }

    private static string[] Bio(AnnotatedDocument d)
    {
        var tags = Enumerable.Repeat("O", d.Text.Length).ToArray();
        foreach (var e in d.Entities)
            for (int i = e.Start; i < e.End; i++) tags[i] = (i == e.Start ? "B-" : "I-") + e.Type;
        return tags;
    }

    private static HashSet<(int, int, string)> Chunks(string[] tags)
    {
        var chunks = new HashSet<(int, int, string)>();
        int start = -1;
        string type = "";
        for (int i = 0; i <= tags.Length; i++)
        {
            string tag = i < tags.Length ? tags[i] : "O";
            bool continues = tag.StartsWith("I-", StringComparison.Ordinal) && tag[2..] == type && start >= 0;
            if (!continues && start >= 0) { chunks.Add((start, i, type)); start = -1; }
            if (tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && !continues)) { start = i; type = tag[2..]; }
        }
        return chunks;
    }
}
