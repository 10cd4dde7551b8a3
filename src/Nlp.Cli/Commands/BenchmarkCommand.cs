using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Nlp.Documents;
using Nlp.Input;
using Nlp.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class BenchmarkSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [Description("Files and folders of articles to build the benchmark text from. Default: data/samples.")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--syllables <N>")]
    [Description("Repeat the input documents until the text holds at least this many syllables. Default: 2000000.")]
    public long Syllables { get; init; } = 2_000_000;

    [CommandOption("--rounds <N>")]
    [Description("Timed rounds after one warm-up round; the best round is reported. Default: 3.")]
    public int Rounds { get; init; } = 3;
}

/// <summary><c>vnlp benchmark</c>: single-thread throughput of each stage, in syllables per second.</summary>
public sealed class BenchmarkCommand : Command<BenchmarkSettings>
{
    public override int Execute(CommandContext context, BenchmarkSettings settings, CancellationToken cancellation)
    {
        if (settings.Rounds < 1) throw new UsageException("--rounds must be 1 or more");
        var inputs = settings.Inputs.Length > 0 ? settings.Inputs : ["data/samples"];
        var sources = new List<SourceDocument>();
        foreach (var item in new InputReader().Read(inputs))
        {
            if (item.Error is { } error) Report.Warning(error.ToString());
            else sources.Add(item.Document!);
        }
        if (sources.Count == 0) throw new UsageException($"no readable documents in {string.Join(", ", inputs)}");

        var pipeline = PipelineFactory.CreateDefault();
        long perRound = sources.Sum(s => CountSyllables(pipeline.Process(s.Id, s.Text, s.Date)));
        int copies = (int)Math.Max(1, (settings.Syllables + perRound - 1) / Math.Max(1, perRound));
        var texts = Enumerable.Range(0, copies).SelectMany(_ => sources).ToArray();
        long chars = texts.Sum(s => (long)s.Text.Length);
        Report.Info(string.Create(CultureInfo.InvariantCulture, $"{texts.Length:N0} documents, {chars / 1e6:0.0} M characters, {perRound * copies:N0} syllables; {settings.Rounds} rounds after a warm-up, one thread"));

        var best = new Dictionary<string, double>();
        for (int round = 0; round <= settings.Rounds; round++)
        {
            var documents = texts.Select(s => new Document(s.Id, s.Text, s.Date)).ToArray();
            var times = new Dictionary<string, double>();
            foreach (var stage in pipeline.Stages)
            {
                var watch = Stopwatch.StartNew();
                foreach (var d in documents) stage.Process(d);
                times[stage.Name] = watch.Elapsed.TotalSeconds;
            }
            if (round == 0) continue;
            // Issue figures are quoted both for the rule-based spine alone and for the whole pipeline.
            times["rules (no models)"] = times.Where(t => RuleStages.Contains(t.Key)).Sum(t => t.Value);
            times["total"] = times.Where(t => t.Key != "rules (no models)").Sum(t => t.Value);
            foreach (var (name, t) in times) best[name] = best.TryGetValue(name, out var b) ? Math.Min(b, t) : t;
            cancellation.ThrowIfCancellationRequested();
        }

        long syllables = perRound * copies;
        var table = new Table().AddColumns("stage", "seconds", "syllables/s");
        foreach (var (name, seconds) in best)
            table.AddRow(name, seconds.ToString("0.000", CultureInfo.InvariantCulture), (syllables / seconds).ToString("N0", CultureInfo.InvariantCulture));
        Terminal.Error.Write(table);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {syllables / best["total"]:F0} syllables/s"));
        return VnlpApp.Success;
    }

    private static readonly HashSet<string> RuleStages = NlpPipeline.RuleBasedStages().Select(s => s.Name).ToHashSet();

    private static long CountSyllables(Document d) => d.Tokens.Count(t => t.IsSyllable);
}
