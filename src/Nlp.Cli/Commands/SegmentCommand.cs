using System.ComponentModel;
using System.Text;
using Nlp.Input;
using Nlp.Output;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class SegmentSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Files and folders as for extract (.txt, .md, .html, .jsonl).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Write here (whole or not at all). Without it, output goes to stdout.")]
    public string? Output { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("text (default): words joined by '_', one output line per input line. jsonl: one object per document with word spans.")]
    public string Format { get; init; } = "text";

    [CommandOption("--threads <N>")]
    [Description("Documents processed in parallel. Default: the number of cores.")]
    public int? Threads { get; init; }
}

/// <summary><c>vnlp segment</c>: Vietnamese word segmentation of article files.</summary>
public sealed class SegmentCommand : Command<SegmentSettings>
{
    public override int Execute(CommandContext context, SegmentSettings settings, CancellationToken cancellation)
    {
        bool json = settings.Format.ToLowerInvariant() switch
        {
            "text" => false,
            "jsonl" => true,
            _ => throw new UsageException($"--format '{settings.Format}' is not text or jsonl"),
        };
        var options = CommonOptions.Parse(null, settings.Threads, 64);
        var segmenter = PipelineFactory.RequireSegmenter();
        var stages = NlpPipeline.RuleBasedStages().Where(s => s is not Entities.DateMoneyStage).Append(new WordSegmentationStage(segmenter));
        var runner = new BatchRunner(new NlpPipeline(stages), options.Threads);

        using var target = OutputTarget.Open(settings.Output);
        var output = target.Writer;
        int failed = 0;
        foreach (var item in runner.Run(new InputReader { MaxFileBytes = options.MaxFileBytes }.Read(settings.Inputs)))
        {
            if (item.Error is InputError error) { Report.Error(error.ToString()); failed++; continue; }
            if (json) { SegmentedText.WriteJson(item.Document!, output); output.Write('\n'); }
            else SegmentedText.Write(item.Document!, output);
        }
        target.Complete();
        return failed > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }
}
