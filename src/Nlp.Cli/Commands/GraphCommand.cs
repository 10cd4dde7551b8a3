using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Graph;
using Nlp.Input;
using Nlp.Output;
using Nlp.Pipeline;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class GraphSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("'vnlp extract' output (JSONL with entities and relations, used as it is) or article files and folders (processed first).")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("-o|--output <PATH>")]
    [Description("Where to write: a file (jgf, graphml, jsonld) or a folder (neo4j: nodes.csv and relationships.csv).")]
    public string? Output { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("jgf (JSON Graph Format, default), graphml, neo4j (bulk-import CSV), jsonld (schema.org).")]
    public string Format { get; init; } = "jgf";

    [CommandOption("--update <GRAPH.json>")]
    [Description("Start from this graph (written by vnlp graph in jgf) and add the inputs' documents to it.")]
    public string? Update { get; init; }

    [CommandOption("--aliases <FILE>")]
    [Description("Your merges and splits, one a line: TYPE<TAB>surface<TAB>canonical name (merge), or TYPE<TAB>surface<TAB>- (keep apart).")]
    public string? Aliases { get; init; }

    [CommandOption("--date <YYYY-MM-DD>")]
    [Description("Publication date for documents whose input gives none.")]
    public string? Date { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Documents processed in parallel. Default: the number of cores.")]
    public int? Threads { get; init; }
}

/// <summary><c>vnlp graph</c>: the knowledge graph of a corpus, merged over documents.</summary>
public sealed class GraphCommand : Command<GraphSettings>
{
    public override int Execute(CommandContext context, GraphSettings settings, CancellationToken cancellation)
    {
        string format = settings.Format.ToLowerInvariant();
        if (format is not ("jgf" or "graphml" or "neo4j" or "jsonld")) throw new UsageException($"--format '{settings.Format}' is not jgf, graphml, neo4j or jsonld");
        if (settings.Output is null) throw new UsageException("give -o PATH (a file, or a folder for --format neo4j)");
        var options = CommonOptions.Parse(settings.Date, settings.Threads, 64);
        var aliases = PipelineFactory.ReadAliases(settings.Aliases);
        var resolver = new EntityResolver(PipelineFactory.Gazetteer, aliases);

        var graph = new KnowledgeGraph();
        if (settings.Update is not null)
        {
            if (!File.Exists(settings.Update)) throw new UsageException($"--update '{settings.Update}' does not exist");
            try { graph = KnowledgeGraph.FromJson(JObject.Parse(File.ReadAllText(settings.Update))); }
            catch (Exception e) when (e is JsonException or FormatException or NullReferenceException or InvalidCastException)
            { throw new UsageException($"--update '{settings.Update}' is not a graph written by vnlp graph: {e.Message}"); }
        }

        var watch = Stopwatch.StartNew();
        int failed = 0, documents = 0;
        var items = new InputReader { DefaultDate = options.Date, MaxFileBytes = options.MaxFileBytes }.Read(settings.Inputs);
        // Extract output already holds entities and relations: such documents go through no stage at all.
        var runner = new BatchRunner(new Lazy<NlpPipeline>(() => PipelineFactory.CreateDefault(aliases: aliases)), options.Threads, new NlpPipeline([]));
        var annotated = runner.Run(items, (document, source) =>
            source.Annotations is AnnotatedDocument given ? given with { Date = given.Date ?? source.Date } : AnnotatedDocument.From(document));
        foreach (var (document, error) in annotated)
        {
            if (document is null) { failed++; Report.Error(error!.ToString()); continue; }
            graph.Add(document, resolver);
            documents++;
        }
        double seconds = watch.Elapsed.TotalSeconds;

        Write(graph, format, settings.Output);
        Report.Info(string.Create(CultureInfo.InvariantCulture,
            $"{documents} documents ({failed} failed) in {seconds:0.00} s ({documents / Math.Max(seconds, 1e-9) * 60:N0} documents/minute); graph: {graph.DocumentIds.Count} documents, {graph.Nodes.Count} entities, {graph.Edges.Count} relations; written to {settings.Output}"));
        return failed > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }

    private static void Write(KnowledgeGraph graph, string format, string output)
    {
        if (format == "neo4j")
        {
            Directory.CreateDirectory(output);
            using var nodes = new AtomicFile(Path.Combine(output, "nodes.csv"));
            using var relationships = new AtomicFile(Path.Combine(output, "relationships.csv"));
            GraphExports.WriteNeo4j(graph, nodes.Writer, relationships.Writer);
            nodes.Commit();
            relationships.Commit();
            return;
        }
        using var file = new AtomicFile(output);
        switch (format)
        {
            case "graphml": GraphExports.WriteGraphML(graph, file.Writer); break;
            case "jsonld": file.Writer.Write(GraphExports.ToJsonLd(graph).ToString(Formatting.Indented)); break;
            default: file.Writer.Write(graph.ToJson().ToString(Formatting.Indented)); break;
        }
        file.Writer.Write('\n');
        file.Commit();
    }
}
