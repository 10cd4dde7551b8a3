using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Nlp.Input;
using Nlp.Output;
using Nlp.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class ExtractSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("Files and folders (searched recursively): .txt and .md (one document each), .html/.htm (the article text), .jsonl (one document a line: id, text, optional date, title, url).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Write JSONL here (whole or not at all). Without it, JSONL goes to stdout.")]
    public string? Output { get; init; }

    [CommandOption("--date <YYYY-MM-DD>")]
    [Description("Publication date for documents whose input gives none; supplies the year of dates such as 'ngày 30.1'.")]
    public string? Date { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Documents processed in parallel. Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("--max-size <MIB>")]
    [Description("Refuse input files larger than this many MiB. Default: 64.")]
    public int MaxSizeMiB { get; init; } = 64;

    [CommandOption("--aliases <FILE>")]
    [Description("Your entity merges and splits for the entity ids: TYPE<TAB>surface<TAB>canonical name, or TYPE<TAB>surface<TAB>- to keep apart.")]
    public string? Aliases { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress bar and no summary; errors are still reported.")]
    public bool Quiet { get; init; }
}

/// <summary><c>vnlp extract</c>: article folders in, one JSON line per document out.</summary>
public sealed class ExtractCommand : Command<ExtractSettings>
{
    public override int Execute(CommandContext context, ExtractSettings settings, CancellationToken cancellation)
    {
        var options = CommonOptions.Parse(settings.Date, settings.Threads, settings.MaxSizeMiB);
        if (settings.Output is not null && Directory.Exists(settings.Output))
            throw new UsageException($"--output '{settings.Output}' is a folder; give a file name such as {Path.Combine(settings.Output, "out.jsonl")}");

        var reader = new InputReader { DefaultDate = options.Date, MaxFileBytes = options.MaxFileBytes };
        var runner = new BatchRunner(PipelineFactory.CreateDefault(aliases: PipelineFactory.ReadAliases(settings.Aliases)), options.Threads);
        var statistics = new BatchStatistics();
        var watch = Stopwatch.StartNew();

        using var target = OutputTarget.Open(settings.Output);
        var output = target.Writer;
        var seenIds = new HashSet<string>(StringComparer.Ordinal);

        void Consume(Action<int>? advance)
        {
            foreach (var item in runner.Run(reader.Read(settings.Inputs)))
            {
                statistics.Add(item);
                if (item.Error is InputError error) Report.Error(error.ToString());
                else if (item.Document is { } document)
                {
                    if (!seenIds.Add(document.Id)) Report.Warning($"duplicate document id '{document.Id}'");
                    DocumentJson.Write(document, output);
                    output.Write('\n');
                }
                advance?.Invoke(1);
            }
        }

        if (Terminal.Interactive && !settings.Quiet)
        {
            int total = InputCounter.CountDocuments(settings.Inputs);
            Terminal.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("extracting", maxValue: Math.Max(1, total));
                    Consume(n => task.Increment(n));
                });
        }
        else Consume(null);

        target.Complete();
        watch.Stop();

        if (!settings.Quiet) Report.Summary(statistics, watch.Elapsed, settings.Output);
        return statistics.Failed > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }
}
