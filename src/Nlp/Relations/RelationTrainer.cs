using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Training;

namespace Nlp.Relations;

public sealed record TrainedRelations(Microsoft.ML.ITransformer Transformer, Microsoft.ML.DataViewSchema Schema, RelationModel Model, int Candidates)
{
    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        new Microsoft.ML.MLContext().Model.Save(Transformer, Schema, path + ".tmp");
        File.Move(path + ".tmp", path, overwrite: true);
    }
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

    public static TrainedRelations Train(IReadOnlyList<AnnotatedDocument> train, SparseTrainingOptions options, SegmenterModel? segmenter)
    {
        var preparation = NerTrainer.Preparation(segmenter);
        var examples = Examples(train.Select(g => WithGold(preparation, g)));
        var (transformer, schema) = SparseClassifier.Fit(examples, options);
        return new TrainedRelations(transformer, schema, new RelationModel(SparseClassifier.FromTransformer(transformer, schema)), examples.Count);
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
