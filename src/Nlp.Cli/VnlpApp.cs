using System.Text;
using Nlp.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli;

/// <summary>The command-line program: parses arguments and hands each command to the library.</summary>
public static class VnlpApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("vnlp");
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.Settings.Console = Terminal.Error;
            config.AddCommand<ExtractCommand>("extract")
                .WithDescription("Find organisations, products, dates, money, people and places in Vietnamese articles; write JSONL, one object per document.")
                .WithExample("extract", "data/samples", "-o", "out/samples.jsonl")
                .WithExample("extract", "news/", "--date", "2025-02-01", "--threads", "2");
            config.AddCommand<SegmentCommand>("segment")
                .WithDescription("Segment Vietnamese text into words: syllables of a word joined by '_' (or word spans as JSONL).")
                .WithExample("segment", "data/samples", "-o", "out/samples.seg.txt")
                .WithExample("segment", "news.jsonl", "--format", "jsonl");
            config.AddBranch("train", train =>
            {
                train.SetDescription("Train a model.");
                train.AddCommand<TrainSegmenterCommand>("segmenter")
                    .WithDescription("Train the word segmenter on a CoNLL-U treebank and save the ML.NET model.")
                    .WithExample("train", "segmenter", "--data", "../shared/data/ud-vi-vtb", "--out", "models/segmenter.zip", "--seed", "1");
                train.AddCommand<TrainNerCommand>("ner")
                    .WithDescription("Train the entity tagger on annotated JSONL; report dev scores and choose rules or tagger for DATE and MONEY.")
                    .WithExample("train", "ner", "--train", "data/corpus/train.jsonl", "--dev", "data/corpus/dev.jsonl", "--out", "models/ner.zip", "--seed", "1");
                train.AddCommand<TrainRelationsCommand>("relations")
                    .WithDescription("Train the relation classifier on annotated JSONL; report dev scores on gold entities and end to end.")
                    .WithExample("train", "relations", "--out", "models/relations.zip");
            });
            config.AddBranch("evaluate", evaluate =>
            {
                evaluate.SetDescription("Score entities against gold annotations (vnlp evaluate --gold GOLD.jsonl), or the segmenter (vnlp evaluate segmenter).");
                evaluate.SetDefaultCommand<EvaluateCommand>();
                evaluate.AddCommand<EvaluateSegmenterCommand>("segmenter")
                    .WithDescription("Word precision, recall and F1 of the segmenter on a CoNLL-U file, or by k-fold cross-validation.")
                    .WithExample("evaluate", "segmenter", "--gold", "test.conllu")
                    .WithExample("evaluate", "segmenter", "--folds", "5", "--data", "../shared/data/ud-vi-vtb");
                evaluate.AddCommand<EvaluateClustersCommand>("clusters")
                    .WithDescription("How well entity ids merge the mentions of one entity and keep different entities apart, against gold mention clusters.")
                    .WithExample("evaluate", "clusters", "--gold", "data/eval/dev-entity-clusters.tsv", "--corpus", "data/corpus/dev.jsonl");
            });
            config.AddBranch("corpus", corpus =>
            {
                corpus.SetDescription("Work with annotated corpus files.");
                corpus.AddCommand<CorpusCheckCommand>("check")
                    .WithDescription("Validate offsets, overlaps, types, relations, NFC, duplicate ids and near-duplicate paragraphs; count entities and relations.")
                    .WithExample("corpus", "check", "data/corpus/train.jsonl", "data/corpus/dev.jsonl");
                corpus.AddCommand<CorpusOverlapCommand>("overlap")
                    .WithDescription("List the evaluation paragraphs that tell an event the training data also tells; -o writes the novel ones, to score on them.")
                    .WithExample("corpus", "overlap", "data/heldout/heldout.jsonl", "-o", "heldout-novel.jsonl");
            });
            config.AddCommand<ConvertCommand>("convert")
                .WithDescription("Convert annotations between this project's JSONL and CoNLL BIO, doccano JSONL and Label Studio JSON.")
                .WithExample("convert", "data/corpus/dev.jsonl", "--to", "labelstudio", "-o", "dev.labelstudio.json")
                .WithExample("convert", "export.json", "--from", "labelstudio", "--to", "jsonl", "-o", "new.jsonl");
            config.AddCommand<IndexCommand>("index")
                .WithDescription("Feed search indexes: an Elasticsearch/OpenSearch bulk file (--bulk), its mapping (--mapping), or an embedded Lucene index (--lucene).")
                .WithExample("index", "data/samples", "--bulk", "out/samples.ndjson", "--index", "news")
                .WithExample("index", "--mapping")
                .WithExample("index", "data/samples", "--lucene", "out/index");
            config.AddCommand<SearchCommand>("search")
                .WithDescription("Search an embedded index: ranked documents with highlighted snippets and entity facets.")
                .WithExample("search", "out/index", "Viettel 5G")
                .WithExample("search", "out/index", "vi dien tu", "--org", "ZaloPay", "--from", "2025-01-01");
            config.AddCommand<GraphCommand>("graph")
                .WithDescription("Build the knowledge graph of a corpus: entities merged across documents, relations with evidence; JSON Graph Format, GraphML, Neo4j CSV or JSON-LD.")
                .WithExample("graph", "out/samples.jsonl", "-o", "out/graph.json")
                .WithExample("graph", "new-articles/", "--update", "out/graph.json", "-o", "out/graph.json")
                .WithExample("graph", "out/samples.jsonl", "--format", "neo4j", "-o", "out/neo4j");
            config.AddCommand<BenchmarkIndexCommand>("benchmark-index")
                .WithDescription("Measure indexing into Lucene (articles/minute, pipeline included) and search latency over the index.")
                .WithExample("benchmark-index", "--articles", "10000");
            config.AddCommand<BenchmarkCommand>("benchmark")
                .WithDescription("Measure the speed of the pipeline stages on one core over a large varied text.")
                .WithExample("benchmark", "data/samples", "--syllables", "2000000");
        });
        try
        {
            return app.Run(args);
        }
        catch (CommandAppException e)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            Terminal.Error.MarkupLine("Run [bold]vnlp --help[/] (or [bold]vnlp COMMAND --help[/]) for usage.");
            return UsageError;
        }
        catch (UsageException e)
        {
            Terminal.Error.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return UsageError;
        }
    }
}

/// <summary>A mistake in how the command was called (exit code 2), as opposed to bad input data (exit code 1).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Human-facing output goes to stderr, so that stdout carries only data.</summary>
public static class Terminal
{
    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    });

    public static bool Interactive => !Console.IsErrorRedirected;
}
