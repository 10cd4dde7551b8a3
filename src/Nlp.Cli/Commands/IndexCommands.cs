using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Indexing;
using Nlp.Input;
using Nlp.Output;
using Nlp.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class IndexSettings : CommandSettings
{
    [CommandArgument(0, "[INPUT]")]
    [Description("Article files and folders as for extract, or extract output (JSONL with entities, which are kept as they are).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--bulk <FILE>")]
    [Description("Write an Elasticsearch/OpenSearch _bulk file (NDJSON: action line, document line).")]
    public string? Bulk { get; init; }

    [CommandOption("--lucene <DIR>")]
    [Description("Add the documents to an embedded Lucene.Net index in this folder (created if needed; same id replaces).")]
    public string? Lucene { get; init; }

    [CommandOption("--mapping")]
    [Description("Print the index settings and mapping for the bulk documents (PUT them when creating the index).")]
    public bool Mapping { get; init; }

    [CommandOption("--index <NAME>")]
    [Description("Index name in the bulk action lines. Default: vnlp.")]
    public string Index { get; init; } = "vnlp";

    [CommandOption("--passage-tokens <N>")]
    [Description("Split documents longer than this many o200k tokens into passages at sentence boundaries. Default: 512.")]
    public int PassageTokens { get; init; } = 512;

    [CommandOption("--date <YYYY-MM-DD>")]
    [Description("Publication date for documents whose input gives none.")]
    public string? Date { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Documents processed in parallel. Default: the number of cores.")]
    public int? Threads { get; init; }
}

/// <summary><c>vnlp index</c>: search-index feeds, as an Elasticsearch/OpenSearch bulk file or an embedded Lucene index.</summary>
public sealed class IndexCommand : Command<IndexSettings>
{
    public override int Execute(CommandContext context, IndexSettings settings, CancellationToken cancellation)
    {
        if (settings.Mapping)
        {
            if (settings.Inputs.Length > 0 || settings.Bulk is not null || settings.Lucene is not null) throw new UsageException("--mapping prints the mapping alone; run it without inputs");
            Console.Out.WriteLine(BulkFeed.Mapping().ToString(Formatting.Indented));
            return VnlpApp.Success;
        }
        if (settings.Inputs.Length == 0) throw new UsageException("give INPUT files or folders (or --mapping)");
        if (settings.Bulk is null && settings.Lucene is null) throw new UsageException("give --bulk FILE, --lucene DIR, or both");
        if (settings.PassageTokens < 16) throw new UsageException("--passage-tokens must be 16 or more");
        var options = CommonOptions.Parse(settings.Date, settings.Threads, 64);

        var watch = Stopwatch.StartNew();
        int documents, passages, failed;
        try { (documents, passages, failed) = Indexer.Run(settings.Inputs, options, settings.PassageTokens, settings.Bulk, settings.Index, settings.Lucene); }
        catch (IncompatibleIndexException e) { throw new UsageException(e.Message); }
        double minutes = Math.Max(watch.Elapsed.TotalMinutes, 1e-9);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{documents} documents ({failed} failed), {passages} passages in {watch.Elapsed.TotalSeconds:0.0} s, {documents / minutes:N0} articles/minute");
        Report.Info(summary + (settings.Bulk is null ? "" : $"; bulk file {settings.Bulk}") + (settings.Lucene is null ? "" : $"; Lucene index {settings.Lucene}"));
        return failed > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }
}

/// <summary>The indexing run shared by the index and benchmark-index commands.</summary>
internal static class Indexer
{
    public static (int Documents, int Passages, int Failed) Run(IEnumerable<string> inputs, CommonOptions options, int passageTokens, string? bulk, string index, string? lucene) =>
        Run(new InputReader { DefaultDate = options.Date, MaxFileBytes = options.MaxFileBytes }.Read(inputs), options.Threads, passageTokens, bulk, index, lucene);

    public static (int Documents, int Passages, int Failed) Run(IEnumerable<InputItem> items, int threads, int passageTokens, string? bulk, string index, string? lucene)
    {
        var runner = new BatchRunner(new Lazy<NlpPipeline>(() => PipelineFactory.CreateDefault()), threads, PipelineFactory.Preparation());
        using var atomic = bulk is null ? null : new AtomicFile(bulk);
        using var writer = lucene is null ? null : new LuceneIndexWriter(lucene, PipelineFactory.Segmenter);
        int documents = 0, passages = 0, failed = 0;
        var records = runner.Run(items, (document, source) => IndexRecord.From(document, passageTokens, source.Annotations));
        foreach (var (record, error) in records)
        {
            if (record is null) { failed++; Report.Error(error!.ToString()); continue; }
            if (atomic is not null) BulkFeed.Write(record, index, atomic.Writer);
            writer?.Add(record);
            documents++;
            passages += record.Passages.Count;
        }
        writer?.Commit();
        atomic?.Commit();
        return (documents, passages, failed);
    }
}

public sealed class SearchSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("The Lucene index folder made by 'vnlp index --lucene DIR'.")]
    public string Index { get; init; } = "";

    [CommandArgument(1, "[QUERY]")]
    [Description("Words to look for, with or without diacritics. May be empty when filters are given.")]
    public string Query { get; init; } = "";

    [CommandOption("--org <NAME>")]
    [Description("Only documents that mention this organisation (any case or diacritics; repeatable).")]
    public string[] Orgs { get; init; } = [];

    [CommandOption("--product <NAME>")]
    [Description("Only documents that mention this product (repeatable).")]
    public string[] Products { get; init; } = [];

    [CommandOption("--type <TYPE>")]
    [Description("Only documents with an entity of this type (ORG, PRODUCT, PERSON, LOCATION, DATE, MONEY; repeatable).")]
    public string[] Types { get; init; } = [];

    [CommandOption("--from <YYYY-MM-DD>")]
    [Description("Only documents published on or after this date.")]
    public string? From { get; init; }

    [CommandOption("--to <YYYY-MM-DD>")]
    [Description("Only documents published on or before this date.")]
    public string? To { get; init; }

    [CommandOption("--top <N>")]
    [Description("How many documents to show. Default: 10.")]
    public int Top { get; init; } = 10;

    [CommandOption("--json")]
    [Description("Print the results as JSON.")]
    public bool Json { get; init; }

    [CommandOption("--repeat <N>")]
    [Description("Run the search N times and report the median and 95th-percentile time on stderr (for benchmarking).")]
    public int Repeat { get; init; } = 1;
}

/// <summary><c>vnlp search</c>: ranked documents with highlighted snippets and entity facets.</summary>
public sealed class SearchCommand : Command<SearchSettings>
{
    public override int Execute(CommandContext context, SearchSettings settings, CancellationToken cancellation)
    {
        DateOnly? Date(string? text, string option) =>
            text is null ? null : InputReader.TryParseDate(text, out var d) ? d : throw new UsageException($"{option} '{text}' is not a date (YYYY-MM-DD)");
        foreach (var t in settings.Types) if (!EntityTypes.IsKnown(t.ToUpperInvariant())) throw new UsageException($"--type '{t}' is not one of {string.Join(", ", EntityTypes.All)}");
        if (settings.Top < 1 || settings.Repeat < 1) throw new UsageException("--top and --repeat must be 1 or more");
        var request = new SearchRequest(settings.Query)
        {
            Orgs = settings.Orgs, Products = settings.Products, Types = settings.Types,
            From = Date(settings.From, "--from"), To = Date(settings.To, "--to"), Top = settings.Top,
        };
        LuceneSearcher searcher;
        try { searcher = new LuceneSearcher(settings.Index, PipelineFactory.Segmenter); }
        catch (Exception e) when (e is DirectoryNotFoundException or IncompatibleIndexException) { throw new UsageException(e.Message); }
        using (searcher)
        {
            var result = searcher.Search(request);
            if (settings.Repeat > 1) Report.Info(Latency.Measure(() => searcher.Search(request), settings.Repeat));
            if (settings.Json) Console.Out.WriteLine(ToJson(result).ToString(Formatting.Indented));
            else Print(result);
        }
        return VnlpApp.Success;
    }

    private static void Print(SearchResult result)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.MarkupLine($"[grey]{result.TotalHits} documents match[/]");
        int rank = 0;
        foreach (var hit in result.Hits)
        {
            console.MarkupLine($"{++rank}. [bold]{Markup.Escape(hit.Title ?? hit.Id)}[/] [grey]{Markup.Escape(hit.Date ?? "")} {Markup.Escape(hit.Id)} score {hit.Score:0.00}[/]");
            var parts = Markup.Escape(hit.Snippet).Split("**");
            console.MarkupLine("   " + string.Concat(parts.Select((p, i) => i % 2 == 1 ? $"[yellow]{p}[/]" : p)));
        }
        foreach (var (type, values) in result.Facets.OrderBy(f => f.Key, StringComparer.Ordinal))
            console.MarkupLine($"[grey]{type}:[/] {Markup.Escape(string.Join(", ", values.Select(v => $"{v.Name} ({v.Count})")))}");
    }

    private static JObject ToJson(SearchResult result) => new()
    {
        ["totalHits"] = result.TotalHits,
        ["hits"] = new JArray(result.Hits.Select(h => new JObject
        {
            ["id"] = h.Id, ["score"] = Math.Round(h.Score, 4), ["title"] = h.Title, ["date"] = h.Date, ["url"] = h.Url, ["snippet"] = h.Snippet,
            ["entities"] = new JArray(h.Entities.Select(e => new JObject { ["type"] = e.Type, ["id"] = e.Id, ["text"] = e.Text })),
        })),
        ["facets"] = new JObject(result.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
            new JProperty(f.Key, new JArray(f.Value.Select(v => new JObject { ["name"] = v.Name, ["count"] = v.Count }))))),
    };
}

/// <summary>Timing of a repeated action: median and 95th percentile.</summary>
internal static class Latency
{
    public static string Measure(Action action, int repeat)
    {
        var times = new List<double>(repeat);
        for (int i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"{repeat} runs: median {times[times.Count / 2]:0.00} ms, 95th percentile {times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)]:0.00} ms");
    }
}
