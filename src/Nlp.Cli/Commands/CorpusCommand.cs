using System.ComponentModel;
using Nlp.Corpus;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class CorpusCheckSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Annotated JSONL files to check together (ids must be unique across them).")]
    public string[] Files { get; init; } = [];
}

/// <summary><c>vnlp corpus check</c>: validates annotated corpus files and counts what they hold.</summary>
public sealed class CorpusCheckCommand : Command<CorpusCheckSettings>
{
    public override int Execute(CommandContext context, CorpusCheckSettings settings, CancellationToken cancellation)
    {
        var checker = new CorpusChecker();
        foreach (var file in settings.Files) checker.Check(file);
        foreach (var e in checker.Errors) Report.Error(e.ToString());
        var table = new Table().AddColumns("what", "count");
        table.AddRow("documents", checker.Documents.ToString());
        foreach (var (type, n) in checker.EntityCounts) table.AddRow(type, n.ToString());
        table.AddRow("relations", checker.RelationCounts.Values.Sum().ToString());
        foreach (var (type, n) in checker.RelationCounts) table.AddRow("  " + type, n.ToString());
        table.AddRow("errors", checker.Errors.Count.ToString());
        Terminal.Error.Write(table);
        return checker.Errors.Count > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }
}

public sealed class CorpusOverlapSettings : CommandSettings
{
    [CommandArgument(0, "<EVAL>")]
    [Description("Annotated JSONL whose paragraphs are compared with the training data (dev or held-out).")]
    public string Evaluation { get; init; } = "";

    [CommandOption("--train <FILE>")]
    [Description("Training JSONL (repeatable). Default: data/corpus/train.jsonl.")]
    public string[] Train { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the paragraphs of EVAL that tell no training event here, lines unchanged (whole or not at all), to score on them.")]
    public string? Output { get; init; }
}

/// <summary><c>vnlp corpus overlap</c>: which evaluation paragraphs report an event the training data also reports.</summary>
public sealed class CorpusOverlapCommand : Command<CorpusOverlapSettings>
{
    public override int Execute(CommandContext context, CorpusOverlapSettings settings, CancellationToken cancellation)
    {
        // A line left unread would hide its events, and the novel set would not be novel: bad input stops the run.
        var train = (settings.Train.Length > 0 ? settings.Train : ["data/corpus/train.jsonl"]).SelectMany(f => Gold.Read(f, "--train")).ToList();
        var evaluation = Gold.Read(settings.Evaluation, "EVAL");
        if (evaluation.Count == 0) throw new UsageException($"no paragraphs read from '{settings.Evaluation}'");

        var found = SameEvent.Find(evaluation, train);
        foreach (var (document, same) in found.Where(f => f.SameEventIn.Count > 0))
            Console.Out.WriteLine($"{document.Id}\tsame event as {string.Join(", ", same.Select(t => t.Id))}");
        var novel = found.Where(f => f.SameEventIn.Count == 0).Select(f => f.Document.Line).ToHashSet();
        Report.Info($"{evaluation.Count - novel.Count} of {evaluation.Count} paragraphs of {settings.Evaluation} tell an event that {train.Count} training paragraphs also tell; {novel.Count} are novel");
        if (settings.Output is not null)
        {
            using var output = OutputTarget.Open(settings.Output);
            int lineNumber = 0;
            foreach (var line in File.ReadLines(settings.Evaluation))
                if (novel.Contains(++lineNumber)) output.Writer.Write(line + "\n");
            output.Complete();
            Report.Info($"wrote the {novel.Count} novel paragraphs to {settings.Output}");
        }
        return VnlpApp.Success;
    }
}
