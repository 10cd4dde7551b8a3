using System.ComponentModel;
using System.Text;
using Nlp.Corpus;
using Nlp.Corpus.Formats;
using Nlp.Output;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class ConvertSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("The file to convert.")]
    public string Input { get; init; } = "";

    [CommandOption("--from <FORMAT>")]
    [Description("jsonl (this project's annotation JSONL, default), conll (token TAB tag), conll4 (token POS chunk tag), doccano (JSONL), labelstudio (JSON export).")]
    public string From { get; init; } = "jsonl";

    [CommandOption("--to <FORMAT>")]
    [Description("Same formats as --from. Default: jsonl.")]
    public string To { get; init; } = "jsonl";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write here (whole or not at all). Without it, output goes to stdout.")]
    public string? Output { get; init; }
}

/// <summary><c>vnlp convert</c>: between annotation JSONL and the formats labelling tools read and write.</summary>
public sealed class ConvertCommand : Command<ConvertSettings>
{
    private static readonly string[] Formats = ["jsonl", "conll", "conll4", "doccano", "labelstudio"];

    public override int Execute(CommandContext context, ConvertSettings settings, CancellationToken cancellation)
    {
        string from = settings.From.ToLowerInvariant(), to = settings.To.ToLowerInvariant();
        foreach (var (name, value) in new[] { ("--from", from), ("--to", to) })
            if (!Formats.Contains(value)) throw new UsageException($"{name} '{value}' is not one of {string.Join(", ", Formats)}");
        if (!File.Exists(settings.Input)) throw new UsageException($"'{settings.Input}' does not exist");

        List<AnnotatedDocument> documents;
        try
        {
            using var reader = new StreamReader(settings.Input, new UTF8Encoding(false, true));
            documents = from switch
            {
                "jsonl" => ReadJsonl(settings.Input),
                "conll" or "conll4" => ConllFormat.Read(reader, settings.Input),
                "doccano" => DoccanoFormat.Read(reader, settings.Input),
                _ => LabelStudioFormat.Read(reader, settings.Input),
            };
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            Report.Error(e is DecoderFallbackException ? $"{settings.Input}: invalid UTF-8" : e.Message);
            return VnlpApp.Failure;
        }
        if (to == "jsonl") documents = documents.Select(ValueFiller.Fill).ToList();

        using var target = OutputTarget.Open(settings.Output);
        var output = target.Writer;
        try
        {
            switch (to)
            {
                case "jsonl":
                    foreach (var d in documents) { DocumentJson.Write(d, output); output.Write('\n'); }
                    break;
                case "conll": ConllFormat.Write(documents, output, fourColumns: false); break;
                case "conll4": ConllFormat.Write(documents, output, fourColumns: true); break;
                case "doccano": DoccanoFormat.Write(documents, output); break;
                default: LabelStudioFormat.Write(documents, output); break;
            }
        }
        catch (FormatException e)
        {
            Report.Error(e.Message);
            return VnlpApp.Failure;
        }
        target.Complete();
        Report.Info($"{documents.Count} documents converted from {from} to {to}{(to == "jsonl" && from != "jsonl" ? "; check them with 'vnlp corpus check' (dates, values) before training" : "")}");
        return VnlpApp.Success;
    }

    private static List<AnnotatedDocument> ReadJsonl(string path)
    {
        var (documents, errors) = AnnotatedJsonl.Read(path);
        if (errors.Count > 0) throw new FormatException(string.Join("\n", errors));
        return documents;
    }
}
