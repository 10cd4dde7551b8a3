using Nlp.Entities;
using Nlp.Pipeline;
using Nlp.Segmentation;

namespace Nlp.Cli.Commands;

/// <summary>The pipeline the commands run by default: the rule-based spine plus the installed models.</summary>
internal static class PipelineFactory
{
    private static readonly Lazy<SegmenterModel?> Segmenter = new(() => ModelLocator.Segmenter is string path ? SegmenterModel.Load(path) : null);
    private static readonly Lazy<NerModel?> Tagger = new(() => ModelLocator.Ner is string path ? NerModel.Load(path) : null);

    public static NlpPipeline CreateDefault()
    {
        var stages = NerTrainer.Preparation(Segmenter.Value).Stages.ToList();
        if (Segmenter.Value is null)
            Report.Warning("no segmenter model found (models/segmenter.zip); words are not segmented. Set VNLP_MODELS or run 'vnlp train segmenter'.");
        if (Tagger.Value is NerModel tagger)
        {
            if (Segmenter.Value is null) Report.Warning("the entity tagger was trained with word segmentation; without the segmenter it will do worse.");
            stages.Add(new EntityTaggingStage(tagger));
        }
        else Report.Warning("no entity tagger model found (models/ner.zip); only DATE and MONEY are found. Set VNLP_MODELS or run 'vnlp train ner'.");
        return new NlpPipeline(stages);
    }

    public static SegmenterModel RequireSegmenter() =>
        Segmenter.Value ?? throw new UsageException("no segmenter model found (models/segmenter.zip); set VNLP_MODELS or run 'vnlp train segmenter'");
}
