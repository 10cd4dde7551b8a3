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
