using Nlp.Entities;
using Nlp.Graph;
using Nlp.Pipeline;
using Nlp.Relations;
using Nlp.Segmentation;

namespace Nlp.Cli.Commands;

/// <summary>The pipeline the commands run by default: the rule-based spine plus the installed models, each loaded once.</summary>
internal static class PipelineFactory
{
    private static readonly Lazy<SegmenterModel?> LazySegmenter = new(() => ModelLocator.Segmenter is string path ? SegmenterModel.Load(path) : null);
    private static readonly Lazy<NerModel?> LazyTagger = new(() => ModelLocator.Ner is string path ? NerModel.Load(path) : null);
    private static readonly Lazy<RelationModel?> LazyRelations = new(() => ModelLocator.Relations is string path ? RelationModel.Load(path) : null);

    /// <summary>The installed segmenter, or null.</summary>
    public static SegmenterModel? Segmenter => LazySegmenter.Value;

    /// <summary>
    /// The default pipeline; <paramref name="relations"/> replaces the installed relation stage (for training);
    /// <paramref name="aliases"/> are the lines of a user alias file for entity ids.
    /// </summary>
    public static NlpPipeline CreateDefault(RelationStage? relations = null, IEnumerable<string>? aliases = null)
    {
        var stages = Preparation().Stages.ToList();
        if (Segmenter is null)
            Report.Warning("no segmenter model found (models/segmenter.zip); words are not segmented. Set VNLP_MODELS or run 'vnlp train segmenter'.");
        if (LazyTagger.Value is NerModel tagger)
        {
            if (Segmenter is null) Report.Warning("the entity tagger was trained with word segmentation; without the segmenter it will do worse.");
            stages.Add(new EntityTaggingStage(tagger));
        }
        else Report.Warning("no entity tagger model found (models/ner.zip); only DATE and MONEY are found. Set VNLP_MODELS or run 'vnlp train ner'.");
        if (relations is not null) stages.Add(relations);
        else if (LazyRelations.Value is RelationModel model) stages.Add(new RelationStage(model));
        stages.Add(new EntityIdStage(new EntityResolver(Gazetteer, aliases)));
        return new NlpPipeline(stages);
    }

    /// <summary>The installed tagger's name lists (empty without a tagger): aliases for merging entities.</summary>
    public static Gazetteer Gazetteer => LazyTagger.Value?.Gazetteer ?? Gazetteer.Empty;

    /// <summary>Everything before the tagger: for documents that come with their entities.</summary>
    public static NlpPipeline Preparation() => NerTrainer.Preparation(Segmenter);

    /// <summary>Reads a user alias file (see <see cref="EntityResolver"/>), or null when none is given.</summary>
    public static IReadOnlyList<string>? ReadAliases(string? path)
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new UsageException($"--aliases '{path}' does not exist");
        var lines = File.ReadAllLines(path);
        try { _ = new EntityResolver(null, lines); }
        catch (FormatException e) { throw new UsageException($"{path}: {e.Message}"); }
        return lines;
    }

    public static SegmenterModel RequireSegmenter() =>
        Segmenter ?? throw new UsageException("no segmenter model found (models/segmenter.zip); set VNLP_MODELS or run 'vnlp train segmenter'");
}
