using Microsoft.ML;
using Microsoft.ML.Data;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Evaluation;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Training;

namespace Nlp.Entities;

public sealed record TrainedNer(ITransformer Transformer, DataViewSchema InputSchema, NerModel Model, int Tokens, int MisalignedEntities)
{
    public void Save(string path) => NerModel.Save(Transformer, InputSchema, Model.Metadata, path);
}

/// <summary>
/// Trains the entity tagger with ML.NET: the corpus text goes through the same stages as at run time
/// (normalise, tokenize, sentences, word segmentation, DATE/MONEY rules), gold spans become BIO tags on
/// tokens, and an estimator chain maps feature strings to a sparse bag vector and fits a maximum-entropy
/// classifier. Transition scores are counted from the gold tag sequences.
/// </summary>
public static class NerTrainer
{
    /// <summary>The stages that prepare a document for tagging (everything before the tagger).</summary>
    public static NlpPipeline Preparation(SegmenterModel? segmenter)
    {
        var stages = NlpPipeline.RuleBasedStages().ToList();
        if (segmenter is not null) stages.Insert(stages.FindIndex(s => s is Tokenization.SentenceSplitter) + 1, new WordSegmentationStage(segmenter));
        return new NlpPipeline(stages);
    }

    /// <summary>Token examples (gold tag and features), sentence by sentence, in document order.</summary>
    public static (List<LabeledFeatures> Examples, List<string[]> Sequences, int Misaligned) Examples(IEnumerable<AnnotatedDocument> documents, Gazetteer gazetteer, SegmenterModel? segmenter) =>
        Examples(documents, gazetteer, segmenter, null);

    private static (List<LabeledFeatures> Examples, List<string[]> Sequences, int Misaligned) Examples(IEnumerable<AnnotatedDocument> documents, Gazetteer gazetteer, SegmenterModel? segmenter, EntityEvaluation? rules)
    {
        var preparation = Preparation(segmenter);
        var examples = new List<LabeledFeatures>();
        var sequences = new List<string[]>();
        int misaligned = 0;
        foreach (var gold in documents)
        {
            var document = preparation.Process(new Document(gold.Id, gold.Text, gold.Date));
            rules?.Add(gold, AnnotatedDocument.From(document));
            var tags = GoldTags(document, gold, ref misaligned);
            string lower = document.Normalized.Text.ToLowerInvariant();
            foreach (var sentence in document.Sentences)
            {
                var features = new NerFeatures(document, lower, sentence, gazetteer);
                var sequence = new string[sentence.TokenCount];
                for (int k = 0; k < sentence.TokenCount; k++)
                {
                    var sink = new CollectingSink();
                    features.Extract(k, ref sink);
                    sequence[k] = tags[sentence.FirstToken + k];
                    examples.Add(new LabeledFeatures { Label = sequence[k], Features = sink.Features.ToArray() });
                }
                sequences.Add(sequence);
            }
        }
        return (examples, sequences, misaligned);
    }

    public static TrainedNer Train(IReadOnlyList<AnnotatedDocument> train, SparseTrainingOptions options, Gazetteer gazetteer, SegmenterModel? segmenter, Action<string>? progress = null)
    {
        // The rules' precision on the training data is their entities' confidence until dev gives a better estimate.
        var rules = new EntityEvaluation { Types = new HashSet<string> { EntityTypes.Date, EntityTypes.Money } };
        var (examples, sequences, misaligned) = Examples(train, gazetteer, segmenter, rules);
        progress?.Invoke($"{train.Count} documents, {examples.Count:N0} tokens, {misaligned} gold entities not on token boundaries");

        var (transformer, schema) = SparseClassifier.Fit(examples, options);
        var labels = transformer.GetOutputSchema(schema)["Label"];
        VBuffer<ReadOnlyMemory<char>> labelKeys = default;
        labels.GetKeyValues(ref labelKeys);
        var labelNames = labelKeys.DenseValues().Select(v => v.ToString()).ToArray();
        var metadata = new NerMetadata { Transitions = Transitions(sequences, labelNames), Gazetteer = gazetteer.Entries.ToList() };
        foreach (var (type, score) in rules.ByType) metadata.RuleConfidence[type] = Math.Round(score.Precision, 4);
        var model = NerModel.FromTransformer(transformer, schema, metadata);
        return new TrainedNer(transformer, schema, model, examples.Count, misaligned);
    }

    /// <summary>Gold BIO tags of a processed document's tokens; entities not on token boundaries are counted and skipped.</summary>
    public static string[] GoldTags(Document document, AnnotatedDocument gold, ref int misaligned)
    {
        var tags = Enumerable.Repeat(BioTags.Outside, document.Tokens.Count).ToArray();
        var alignment = new TokenAlignment(document);
        foreach (var entity in gold.Entities)
        {
            if (!alignment.TryGetTokens(entity.Start, entity.End, out int first, out int end)) { misaligned++; continue; }
            tags[first] = BioTags.Begin(entity.Type);
            for (int t = first + 1; t < end; t++) tags[t] = BioTags.Inside(entity.Type);
        }
        return tags;
    }

    /// <summary>log P(tag | previous) with add-one smoothing over the transitions BIO allows; the last row is the sentence start.</summary>
    private static float[][] Transitions(List<string[]> sequences, string[] labels)
    {
        int c = labels.Length;
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var counts = new double[c + 1, c];
        foreach (var sequence in sequences)
        {
            int previous = c;
            foreach (var tag in sequence)
            {
                int t = index[tag];
                counts[previous, t]++;
                previous = t;
            }
        }
        var result = new float[c + 1][];
        for (int p = 0; p <= c; p++)
        {
            result[p] = new float[c];
            double total = 0;
            for (int t = 0; t < c; t++) if (BioTags.Allowed(p == c ? null : labels[p], labels[t])) total += counts[p, t] + 1;
            for (int t = 0; t < c; t++)
                result[p][t] = BioTags.Allowed(p == c ? null : labels[p], labels[t]) ? (float)Math.Log((counts[p, t] + 1) / total) : -1e9f;
        }
        return result;
    }

    /// <summary>
    /// Chooses, for DATE and MONEY, whether the rules or the tagger give the spans (whichever has the higher
    /// strict F1 on dev), and sets the rules' dev precision as their entities' confidence.
    /// </summary>
    public static (EntityEvaluation Rules, EntityEvaluation Tagger) ChooseSources(NerModel model, IReadOnlyList<AnnotatedDocument> dev, SegmenterModel? segmenter)
    {
        var preparation = Preparation(segmenter);
        var ruleScores = new EntityEvaluation();
        var taggerScores = new EntityEvaluation();
        foreach (var gold in dev)
        {
            var document = preparation.Process(new Document(gold.Id, gold.Text, gold.Date));
            ruleScores.Add(gold, AnnotatedDocument.From(document));
            string lower = document.Normalized.Text.ToLowerInvariant();
            var tagged = document.Sentences.SelectMany(s => model.Tag(document, lower, s)).ToList();
            document.Entities.Clear();
            document.Entities.AddRange(tagged);
            taggerScores.Add(gold, AnnotatedDocument.From(document));
        }
        model.Metadata.RuleTypes.Clear();
        model.Metadata.RuleConfidence.Clear();
        foreach (var type in new[] { EntityTypes.Date, EntityTypes.Money })
        {
            var r = ruleScores.ByType.GetValueOrDefault(type);
            var t = taggerScores.ByType.GetValueOrDefault(type);
            if (r is not null && (t is null || r.F1 >= t.F1)) model.Metadata.RuleTypes.Add(type);
            if (r is not null) model.Metadata.RuleConfidence[type] = Math.Round(r.Precision, 4);
        }
        return (ruleScores, taggerScores);
    }

    private struct CollectingSink() : IFeatureSink
    {
        public List<string> Features { get; } = new(32);
        public void Add(ReadOnlySpan<char> feature) => Features.Add(feature.ToString());
    }
}
