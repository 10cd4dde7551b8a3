using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Nlp.Indexing;
using Nlp.Input;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class BenchmarkIndexSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [Description("Articles to index, cycled under new ids until there are --articles of them. Default: data/corpus and data/samples.")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--articles <N>")]
    [Description("How many articles to index. Default: 10000.")]
    public int Articles { get; init; } = 10_000;

    [CommandOption("--out <DIR>")]
    [Description("The index folder to build (emptied first). Default: a temporary folder, removed afterwards.")]
    public string? Out { get; init; }

    [CommandOption("--repeat <N>")]
    [Description("Times each benchmark query runs. Default: 20.")]
    public int Repeat { get; init; } = 20;

    [CommandOption("--threads <N>")]
    [Description("Documents processed in parallel while indexing. Default: the number of cores.")]
    public int? Threads { get; init; }
}

/// <summary><c>vnlp benchmark-index</c>: indexing rate (articles/minute, pipeline included) and search latency.</summary>
public sealed class BenchmarkIndexCommand : Command<BenchmarkIndexSettings>
{
    private static readonly (string Query, SearchRequest Request)[] Queries =
    [
        ("Nvidia", new SearchRequest("Nvidia")),
        ("ví điện tử", new SearchRequest("ví điện tử")),
        ("vi dien tu (no diacritics)", new SearchRequest("vi dien tu")),
        ("công ty khởi nghiệp", new SearchRequest("công ty khởi nghiệp")),
        ("chip AI --org Nvidia", new SearchRequest("chip AI") { Orgs = ["Nvidia"] }),
        ("xe điện 2025", new SearchRequest("xe điện") { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) }),
        ("--type MONEY gọi vốn", new SearchRequest("gọi vốn") { Types = ["MONEY"] }),
    ];

    public override int Execute(CommandContext context, BenchmarkIndexSettings settings, CancellationToken cancellation)
    {
        if (settings.Articles < 1 || settings.Repeat < 1) throw new UsageException("--articles and --repeat must be 1 or more");
        var options = CommonOptions.Parse(null, settings.Threads, 64);
        var inputs = settings.Inputs.Length > 0 ? settings.Inputs : ["data/corpus", "data/samples"];
        var sources = new InputReader().Read(inputs).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        if (sources.Count == 0) throw new UsageException($"no readable documents in {string.Join(", ", inputs)}");
        // Corpus lines carry gold entities: index them as raw text, as a user's articles would be.
        var items = Enumerable.Range(0, settings.Articles)
            .Select(n => new InputItem(sources[n % sources.Count] with { Id = $"{sources[n % sources.Count].Id}#{n / sources.Count}", Annotations = null }, null));

        string folder = settings.Out ?? Path.Combine(Path.GetTempPath(), $"vnlp-bench-{Guid.NewGuid():N}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        try
        {
            _ = PipelineFactory.CreateDefault(); // load the models before the clock starts
            var watch = Stopwatch.StartNew();
            var (documents, _, _) = Indexer.Run(items, options.Threads, 512, null, "vnlp", folder);
            var elapsed = watch.Elapsed;
            Report.Info(string.Create(CultureInfo.InvariantCulture,
                $"indexed {documents:N0} articles in {elapsed.TotalSeconds:0.0} s: {documents / elapsed.TotalMinutes:N0} articles/minute ({options.Threads} threads, pipeline included)"));

            using var searcher = new LuceneSearcher(folder, PipelineFactory.Segmenter);
            var table = new Table().AddColumns("query", "hits", "latency");
            var all = new List<double>();
            foreach (var (name, request) in Queries)
            {
                searcher.Search(request); // warm-up
                var times = new List<double>();
                int hits = 0;
                for (int i = 0; i < settings.Repeat; i++)
                {
                    var w = Stopwatch.StartNew();
                    hits = searcher.Search(request).TotalHits;
                    times.Add(w.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                all.AddRange(times);
                table.AddRow(Markup.Escape(name), hits.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:0.00} ms"));
            }
            all.Sort();
            Terminal.Error.Write(table);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{documents / elapsed.TotalMinutes:F0} articles/minute indexed; search over {searcher.DocumentCount:N0} articles: median {all[all.Count / 2]:0.00} ms, 95th percentile {all[(int)(all.Count * 0.95)]:0.00} ms"));
        }
        finally
        {
            if (settings.Out is null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        return VnlpApp.Success;
    }
}
