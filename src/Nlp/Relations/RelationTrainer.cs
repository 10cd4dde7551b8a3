using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Training;

namespace Nlp.Relations;

public sealed record TrainedRelations(Microsoft.ML.ITransformer Transformer, Microsoft.ML.DataViewSchema Schema, RelationModel Model, int Candidates)
{
    /// <summary>Saves the ML.NET model, with the calibrated threshold beside it in the same zip.</summary>
    public void Save(string path) =>
        ModelFile.Save(Transformer, Schema, path, RelationModel.MetadataEntry, new Newtonsoft.Json.Linq.JObject { ["threshold"] = Model.Threshold }.ToString());
}

/// <summary>Trains the relation model on the gold entities and relations of annotated documents.</summary>
public static class RelationTrainer
{
    /// <summary>A processed document carrying the gold entities (those on token boundaries) and the gold relations between them.</summary>
    public static Document WithGold(NlpPipeline preparation, AnnotatedDocument gold)
    {
        var document = preparation.Process(new Document(gold.Id, gold.Text, gold.Date));
        var alignment = new TokenAlignment(document);
        document.Entities.Clear();
        var index = new Dictionary<int, int>();
        for (int g = 0; g < gold.Entities.Count; g++)
        {
            var e = gold.Entities[g];
            if (!alignment.TryGetTokens(e.Start, e.End, out int first, out int end)) continue;
            index[g] = document.Entities.Count;
            document.Entities.Add(new Entity(document.Tokens[first].Start, document.Tokens[end - 1].End, e.Type) { FirstToken = first, EndToken = end, Source = "gold" });
        }
        foreach (var r in gold.Relations)
            if (index.TryGetValue(r.Head, out int h) && index.TryGetValue(r.Tail, out int t)) document.Relations.Add(new Relation(h, t, r.Type));
        return document;
    }

    public static List<LabeledFeatures> Examples(IEnumerable<Document> documents)
    {
        var examples = new List<LabeledFeatures>();
        foreach (var d in documents)
        {
            // A pair with two gold relations (rare) is learnt with the first: the classifier gives one label a pair.
            var gold = new Dictionary<(int, int), string>();
            foreach (var r in d.Relations) gold.TryAdd((r.Head, r.Tail), r.Type);
            foreach (var (h, t) in RelationModel.Candidates(d))
                examples.Add(new LabeledFeatures { Label = gold.GetValueOrDefault((h, t), RelationModel.None), Features = RelationFeatures.Of(d, h, t).ToArray() });
        }
        return examples;
    }

    /// <summary>Thresholds tried when calibrating (see <see cref="Train"/>).</summary>
    private static readonly float[] Thresholds = [0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f];

    /// <summary>
    /// Trains on all documents. With <paramref name="calibrate"/>, first trains on four fifths of them and
    /// picks, on the other fifth (gold entities), the threshold with the best F1; dev data is never used.
    /// </summary>
    public static TrainedRelations Train(IReadOnlyList<AnnotatedDocument> train, SparseTrainingOptions options, SegmenterModel? segmenter, bool calibrate = true)
    {
        var preparation = NerTrainer.Preparation(segmenter);
        var documents = train.Select(g => WithGold(preparation, g)).ToList();
        float? threshold = null;
        if (calibrate && documents.Count >= 10)
        {
            var fit = documents.Where((_, k) => k % 5 != 4).ToList();
            var held = documents.Where((_, k) => k % 5 == 4).ToList();
            var (t, s) = SparseClassifier.Fit(Examples(fit), options);
            var classifier = SparseClassifier.FromTransformer(t, s);
            threshold = Thresholds.MaxBy(x => HeldBackF1(new RelationModel(classifier, x), held, train));
        }
        var examples = Examples(documents);
        var (transformer, schema) = SparseClassifier.Fit(examples, options);
        return new TrainedRelations(transformer, schema, new RelationModel(SparseClassifier.FromTransformer(transformer, schema), threshold), examples.Count);
    }

    private static double HeldBackF1(RelationModel model, List<Document> held, IReadOnlyList<AnnotatedDocument> gold)
    {
        var byId = gold.ToDictionary(g => g.Id);
        var evaluation = new Evaluation.RelationEvaluation();
        foreach (var d in held)
        {
            var goldRelations = d.Relations.ToList();
            d.Relations.Clear();
            d.Relations.AddRange(model.Predict(d));
            evaluation.Add(byId[d.Id], AnnotatedDocument.From(d));
            d.Relations.Clear();
            d.Relations.AddRange(goldRelations);
        }
        return evaluation.Overall.F1;
    }
}

/// <summary>Adds the relations between the document's entities.</summary>
public sealed class RelationStage(RelationModel model) : IPipelineStage
{
    public string Name => "relations";

    public void Process(Document document)
    {
        document.Relations.Clear();
        document.Relations.AddRange(model.Predict(document));
    }
}
