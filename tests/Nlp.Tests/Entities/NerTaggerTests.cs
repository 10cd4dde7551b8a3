using Microsoft.ML;
using Microsoft.ML.Data;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Evaluation;
using Nlp.Pipeline;

namespace Nlp.Tests.Entities;

public class NerTaggerTests(NerFixture fixture) : IClassFixture<NerFixture>
{
    private NlpPipeline Pipeline(NerModel model) =>
        new(NerTrainer.Preparation(fixture.Segmenter).Stages.Append(new EntityTaggingStage(model)));

    /// <summary>The fast scorer's tag probabilities for every token, in the order of <see cref="NerTrainer.Examples"/>.</summary>
    private List<float[]> Probabilities(NerModel model, IEnumerable<AnnotatedDocument> documents)
    {
        var preparation = NerTrainer.Preparation(fixture.Segmenter);
        var rows = new List<float[]>();
        foreach (var gold in documents)
        {
            var document = preparation.Process(new Document(gold.Id, gold.Text, gold.Date));
            string lower = document.Normalized.Text.ToLowerInvariant();
            foreach (var sentence in document.Sentences)
            {
                var p = model.Probabilities(new NerFeatures(document, lower, sentence, model.Gazetteer));
                for (int k = 0; k < p.GetLength(0); k++)
                    rows.Add(Enumerable.Range(0, p.GetLength(1)).Select(j => p[k, j]).ToArray());
            }
        }
        return rows;
    }

    private static int Argmax(float[] row) => Array.IndexOf(row, row.Max());

    [Fact]
    public void A_tagger_trained_on_a_slice_beats_the_majority_baseline_on_held_back_paragraphs()
    {
        var model = fixture.Trained.Model;
        var (examples, _, _) = NerTrainer.Examples(fixture.HeldBack, fixture.Gazetteer, fixture.Segmenter);
        var predicted = Probabilities(model, fixture.HeldBack).Select(r => model.Labels[Argmax(r)]).ToList();
        double majority = examples.Count(e => e.Label == BioTags.Outside) / (double)examples.Count;
        double accuracy = examples.Zip(predicted).Count(p => p.First.Label == p.Second) / (double)examples.Count;
        Assert.True(accuracy > majority + 0.05, $"token accuracy {accuracy:0.000} vs majority {majority:0.000}");

        var evaluation = new EntityEvaluation { Types = new HashSet<string> { "ORG", "PRODUCT", "PERSON", "LOCATION" } };
        var pipeline = Pipeline(model);
        foreach (var gold in fixture.HeldBack) evaluation.Add(gold, AnnotatedDocument.From(pipeline.Process(new Document(gold.Id, gold.Text, gold.Date))));
        Assert.True(evaluation.Overall.F1 > 0.6, $"entity F1 {evaluation.Overall.F1:0.000} (the majority baseline finds nothing: 0)");
    }

    [Fact]
    public void The_fast_scorer_gives_ML_NET_s_probabilities()
    {
        var (examples, _, _) = NerTrainer.Examples(fixture.HeldBack.Take(15), fixture.Gazetteer, fixture.Segmenter);
        var ml = new MLContext(seed: 1);
        var scored = fixture.Trained.Transformer.Transform(ml.Data.LoadFromEnumerable(examples));
        var mlScores = scored.GetColumn<float[]>("Score").ToList();
        var fast = Probabilities(fixture.Trained.Model, fixture.HeldBack.Take(15));
        Assert.Equal(mlScores.Count, fast.Count);
        for (int i = 0; i < fast.Count; i++)
            for (int j = 0; j < fast[i].Length; j++)
                Assert.Equal(mlScores[i][j], fast[i][j], 3);
    }

    [Fact]
    public void The_decoder_never_emits_an_invalid_tag_sequence()
    {
        var model = fixture.Trained.Model;
        var random = new Random(11);
        int c = model.Labels.Count;
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(1, 25);
            var p = new float[n, c];
            for (int k = 0; k < n; k++)
            {
                // Skewed random distributions, often favouring I- tags, to tempt invalid paths.
                float sum = 0;
                for (int j = 0; j < c; j++) { p[k, j] = (float)Math.Pow(random.NextDouble(), 4); sum += p[k, j]; }
                for (int j = 0; j < c; j++) p[k, j] /= sum;
            }
            var path = model.Decode(p);
            string? previous = null;
            foreach (int t in path)
            {
                Assert.True(BioTags.Allowed(previous, model.Labels[t]), $"{previous ?? "<start>"} -> {model.Labels[t]}");
                previous = model.Labels[t];
            }
        }
    }

    [Fact]
    public void Training_again_with_the_same_data_and_seed_gives_the_same_predictions()
    {
        var again = NerTrainer.Train(fixture.TrainSlice.Take(60).ToList(), NerFixture.Options, fixture.Gazetteer, fixture.Segmenter);
        var once = NerTrainer.Train(fixture.TrainSlice.Take(60).ToList(), NerFixture.Options, fixture.Gazetteer, fixture.Segmenter);
        var a = Probabilities(once.Model, fixture.HeldBack.Take(10));
        var b = Probabilities(again.Model, fixture.HeldBack.Take(10));
        Assert.Equal(a.Select(Argmax), b.Select(Argmax));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_entities()
    {
        string path = Path.Combine(Path.GetTempPath(), $"vnlp-ner-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Trained.Save(path);
            var loaded = NerModel.Load(path);
            foreach (var gold in fixture.HeldBack.Take(20))
            {
                var a = Pipeline(fixture.Trained.Model).Process(new Document(gold.Id, gold.Text, gold.Date));
                var b = Pipeline(loaded).Process(new Document(gold.Id, gold.Text, gold.Date));
                Assert.Equal(a.Entities, b.Entities);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Every_entity_has_a_confidence_and_rule_types_keep_their_values()
    {
        var pipeline = Pipeline(fixture.Trained.Model);
        var d = pipeline.Process(new Document("x", "Hãng Nvidia công bố chip H20 tại Mỹ ngày 30.1 với giá 12.000 USD, theo CEO Jensen Huang.", new DateOnly(2025, 2, 1)));
        Assert.NotEmpty(d.Entities);
        Assert.All(d.Entities, e => Assert.InRange(e.Confidence ?? -1, 0.0, 1.0));
        var date = Assert.Single(d.Entities, e => e.Type == EntityTypes.Date);
        Assert.Equal("2025-01-30", date.Value);
        var money = Assert.Single(d.Entities, e => e.Type == EntityTypes.Money);
        Assert.Equal(12000m, money.Amount);
        for (int i = 1; i < d.Entities.Count; i++) Assert.True(d.Entities[i - 1].End <= d.Entities[i].Start, "entities overlap");
    }
}

public class GazetteerTests
{
    [Fact]
    public void Matches_the_longest_listed_form_case_sensitively()
    {
        var gazetteer = new Gazetteer([
            new GazetteerEntry("Amazon", "ORG", []),
            new GazetteerEntry("Amazon Web Services", "ORG", ["AWS"]),
            new GazetteerEntry("Apple", "ORG", []),
        ]);
        var d = NlpPipeline.CreateRuleBased().Process("x", "Amazon Web Services (AWS) và Apple, không phải apple.");
        var tags = new string?[d.Tokens.Count];
        gazetteer.Tag(d, 0, d.Tokens.Count, tags);
        var words = d.Tokens.Select(t => d.Normalized.Text[t.Start..t.End]).ToList();
        Assert.Equal("B-ORG", tags[words.IndexOf("Amazon")]);
        Assert.Equal("I-ORG", tags[words.IndexOf("Services")]);
        Assert.Equal("B-ORG", tags[words.IndexOf("AWS")]);
        Assert.Equal("B-ORG", tags[words.IndexOf("Apple")]);
        Assert.Null(tags[words.IndexOf("apple")]);
    }
}
