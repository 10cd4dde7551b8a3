using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Evaluation;
using Nlp.Pipeline;
using Nlp.Relations;
using Nlp.Segmentation;

namespace Nlp.Tests.Relations;

/// <summary>The shipped models, loaded once.</summary>
public sealed class ShippedPipelineFixture
{
    public ShippedPipelineFixture()
    {
        Segmenter = SegmenterModel.Load(Path.Combine(RepositoryPaths.Models, "segmenter.zip"));
        Relations = RelationModel.Load(Path.Combine(RepositoryPaths.Models, "relations.zip"));
        var tagger = NerModel.Load(Path.Combine(RepositoryPaths.Models, "ner.zip"));
        Pipeline = new NlpPipeline(NerTrainer.Preparation(Segmenter).Stages.Append(new EntityTaggingStage(tagger)).Append(new RelationStage(Relations)));
    }

    public SegmenterModel Segmenter { get; }
    public RelationModel Relations { get; }
    public NlpPipeline Pipeline { get; }
}

public class RelationTests(ShippedPipelineFixture fixture) : IClassFixture<ShippedPipelineFixture>
{
    private List<(string Head, string Type, string Tail)> Relations(string text)
    {
        var d = fixture.Pipeline.Process(new Document("t", text, new DateOnly(2025, 3, 1)));
        return d.Relations.Select(r => (Text(d, r.Head), r.Type, Text(d, r.Tail))).ToList();
    }

    private static string Text(Document d, int entity)
    {
        var (s, e) = d.ToInput(d.Entities[entity].Start, d.Entities[entity].End);
        return d.Text[s..e];
    }

    [Theory]
    [InlineData("Ông Nguyễn Văn An, giám đốc điều hành của Tập đoàn FPT, cho biết công ty sẽ mở rộng sang Nhật Bản.", "Nguyễn Văn An", "WORKS_FOR", "Tập đoàn FPT")]
    [InlineData("Microsoft đã đầu tư thêm 10 tỷ USD vào OpenAI trong năm nay.", "Microsoft", "INVESTS_IN", "OpenAI")]
    [InlineData("Nvidia chính thức ra mắt chip H200 vào ngày 5/3/2025.", "Nvidia", "DEVELOPS", "H200")]
    [InlineData("Viettel hợp tác với Qualcomm để phát triển thiết bị 5G.", "Viettel", "PARTNERS_WITH", "Qualcomm")]
    [InlineData("Google đã mua lại startup Wiz với giá 32 tỷ USD.", "Google", "ACQUIRES", "Wiz")]
    [InlineData("Google đã mua lại startup Wiz với giá 32 tỷ USD.", "Wiz", "COSTS", "32 tỷ USD")]
    public void Finds_type_and_direction_on_hand_made_sentences(string sentence, string head, string type, string tail)
    {
        var relations = Relations(sentence);
        Assert.Contains((head, type, tail), relations);
        Assert.DoesNotContain((tail, type, head), relations);
    }

    [Fact]
    public void Predicted_relations_respect_types_and_stay_within_a_sentence()
    {
        var (dev, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "dev.jsonl"));
        foreach (var gold in dev.Take(60))
        {
            var d = fixture.Pipeline.Process(new Document(gold.Id, gold.Text, gold.Date));
            foreach (var r in d.Relations)
            {
                var (h, t) = (d.Entities[r.Head], d.Entities[r.Tail]);
                Assert.True(RelationTypes.Allows(r.Type, h.Type, t.Type), $"{r.Type} {h.Type} -> {t.Type}");
                Assert.Equal(RelationModel.SentenceOf(d, h.FirstToken), RelationModel.SentenceOf(d, t.FirstToken));
                Assert.InRange(r.Confidence ?? -1, 0.0, 1.0);
            }
        }
    }

    [Fact]
    public void A_model_trained_on_a_slice_finds_relations_between_gold_entities()
    {
        var (train, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "train.jsonl"));
        var (dev, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "dev.jsonl"));
        var trained = RelationTrainer.Train(train.Take(300).ToList(), new Nlp.Training.SparseTrainingOptions { Seed = 3, Iterations = 60 }, fixture.Segmenter);
        var preparation = NerTrainer.Preparation(fixture.Segmenter);
        var evaluation = new RelationEvaluation();
        foreach (var gold in dev.Take(80))
        {
            var d = RelationTrainer.WithGold(preparation, gold);
            d.Relations.Clear();
            d.Relations.AddRange(trained.Model.Predict(d));
            evaluation.Add(gold, AnnotatedDocument.From(d));
        }
        Assert.True(evaluation.Overall.F1 > 0.5, $"relation F1 {evaluation.Overall.F1:0.000} (predicting NONE everywhere scores 0)");
    }

    [Fact]
    public void Relation_scores_match_a_hand_computed_example()
    {
        const string text = "Nvidia mua lại Mellanox và hợp tác với TSMC.";
        AnnotatedEntity[] entities = [new(0, 6, "ORG", "Nvidia"), new(15, 23, "ORG", "Mellanox"), new(39, 43, "ORG", "TSMC")];
        var gold = new AnnotatedDocument("x", null, text, entities, [new(0, 1, "ACQUIRES"), new(0, 2, "PARTNERS_WITH")]);
        var predicted = new AnnotatedDocument("x", null, text, entities, [new(0, 1, "ACQUIRES"), new(2, 0, "PARTNERS_WITH"), new(0, 2, "INVESTS_IN")]);
        var evaluation = new RelationEvaluation();
        evaluation.Add(gold, predicted);
        Assert.Equal(1, evaluation.Overall.StrictCorrect);
        Assert.Equal(1.0 / 3, evaluation.Overall.Precision, 6);
        Assert.Equal(0.5, evaluation.Overall.Recall, 6);
        Assert.Equal(0.0, evaluation.ByType["PARTNERS_WITH"].Recall);
    }
}
