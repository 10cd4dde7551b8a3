using Nlp.Pipeline;
using Nlp.Segmentation;

namespace Nlp.Cli.Commands;

/// <summary>The pipeline the commands run by default: the rule-based spine plus the installed models.</summary>
internal static class PipelineFactory
{
    private static readonly Lazy<SegmenterModel?> Segmenter = new(() => ModelLocator.Segmenter is string path ? SegmenterModel.Load(path) : null);

    public static NlpPipeline CreateDefault()
    {
        var stages = NlpPipeline.RuleBasedStages().ToList();
        if (Segmenter.Value is SegmenterModel segmenter)
            stages.Insert(stages.FindIndex(s => s is Nlp.Tokenization.SentenceSplitter) + 1, new WordSegmentationStage(segmenter));
        else Report.Warning("no segmenter model found (models/segmenter.zip); words are not segmented. Set VNLP_MODELS or run 'vnlp train segmenter'.");
        return new NlpPipeline(stages);
    }

    public static SegmenterModel RequireSegmenter() =>
        Segmenter.Value ?? throw new UsageException("no segmenter model found (models/segmenter.zip); set VNLP_MODELS or run 'vnlp train segmenter'");
}
