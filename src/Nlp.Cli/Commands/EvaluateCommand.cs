using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Evaluation;
using Nlp.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class EvaluateSettings : CommandSettings
{
    [CommandOption("--gold <FILE>")]
    [Description("Gold annotations, JSONL in the format of the annotation guidelines.")]
    public string? Gold { get; init; }

    [CommandOption("--pred <FILE>")]
    [Description("Predictions in the same format (e.g. 'vnlp extract' output), matched to gold by id. Without it, the pipeline runs on the gold texts.")]
    public string? Pred { get; init; }

    [CommandOption("--types <LIST>")]
    [Description("Score only these entity types, comma-separated (e.g. DATE,MONEY). Default: all.")]
    public string? Types { get; init; }

    [CommandOption("--errors")]
    [Description("List every missed, spurious or wrongly valued entity.")]
    public bool Errors { get; init; }

    [CommandOption("--json")]
    [Description("Print the scores as JSON on stdout instead of tables.")]
    public bool Json { get; init; }
}

/// <summary><c>vnlp evaluate</c>: entity precision, recall and F1 against gold annotations.</summary>
public sealed class EvaluateCommand : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellation)
    {
        if (settings.Gold is null) throw new UsageException("give --gold FILE.jsonl (for the segmenter: vnlp evaluate segmenter)");
        if (!File.Exists(settings.Gold)) throw new UsageException($"--gold '{settings.Gold}' does not exist");
        if (settings.Pred is not null && !File.Exists(settings.Pred)) throw new UsageException($"--pred '{settings.Pred}' does not exist");
        HashSet<string>? types = null;
        if (settings.Types is not null)
        {
            types = settings.Types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant()).ToHashSet();
            foreach (var t in types) if (!EntityTypes.IsKnown(t)) throw new UsageException($"--types: unknown entity type '{t}' (known: {string.Join(", ", EntityTypes.All)})");
        }

        var (gold, goldErrors) = AnnotatedJsonl.Read(settings.Gold);
        foreach (var e in goldErrors) Report.Error(e.ToString());
        var predictions = settings.Pred is null ? Predict(gold) : ReadPredictions(settings.Pred);

        var evaluation = new EntityEvaluation { Types = types };
        var relations = new RelationEvaluation();
        int missing = 0;
        foreach (var g in gold)
        {
            if (!predictions.TryGetValue(g.Id, out var p)) { missing++; p = g with { Entities = [], Relations = [] }; }
            evaluation.Add(g, p);
            relations.Add(g, p);
        }
        bool scoreRelations = types is null && gold.Any(g => g.Relations.Count > 0);
        if (missing > 0) Report.Warning($"{missing} gold documents have no prediction with the same id; scored as finding nothing");

        if (settings.Json) Console.Out.WriteLine(JsonConvert.SerializeObject(EvaluationReport.ToJson(evaluation, scoreRelations ? relations : null, settings.Errors), Formatting.Indented));
        else
        {
            EvaluationReport.Print(evaluation, settings.Errors);
            if (scoreRelations) EvaluationReport.PrintRelations(relations, settings.Errors);
        }
        return goldErrors.Count > 0 ? VnlpApp.Failure : VnlpApp.Success;
    }

    private static Dictionary<string, AnnotatedDocument> Predict(List<AnnotatedDocument> gold)
    {
        var pipeline = PipelineFactory.CreateDefault();
        return gold.AsParallel().AsOrdered()
            .Select(g => AnnotatedDocument.From(pipeline.Process(new Document(g.Id, g.Text, g.Date))))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    private static Dictionary<string, AnnotatedDocument> ReadPredictions(string path)
    {
        var (documents, errors) = AnnotatedJsonl.Read(path);
        foreach (var e in errors) Report.Error(e.ToString());
        var byId = new Dictionary<string, AnnotatedDocument>(StringComparer.Ordinal);
        foreach (var d in documents) if (!byId.TryAdd(d.Id, d)) Report.Warning($"{path}:{d.Line}: duplicate prediction id '{d.Id}', the first is used");
        return byId;
    }
}

/// <summary>Tables and JSON for an entity evaluation.</summary>
internal static class EvaluationReport
{
    private static string F(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);

    public static void Print(EntityEvaluation evaluation, bool errors)
    {
        var table = new Table().Title($"entities, {evaluation.Documents} documents (strict: same span and type; partial: overlapping span, same type)")
            .AddColumns("type", "gold", "predicted", "precision", "recall", "F1", "partial P", "partial R", "partial F1", "value acc.");
        foreach (var (type, s) in evaluation.ByType.Append(new KeyValuePair<string, TypeScore>("overall", evaluation.Overall)))
        {
            bool valued = type is EntityTypes.Date or EntityTypes.Money;
            table.AddRow(type, s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture), F(s.Precision), F(s.Recall), F(s.F1),
                F(s.PartialPrecision), F(s.PartialRecall), F(s.PartialF1), valued ? F(s.ValueAccuracy) : "");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        console.Write(table);

        var predictedTypes = evaluation.Confusion.Values.SelectMany(r => r.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var confusion = new Table().Title("gold type (rows) by predicted type on the same span (O: nothing there)").AddColumn("gold \\ predicted");
        foreach (var t in predictedTypes) confusion.AddColumn(t);
        foreach (var (gold, row) in evaluation.Confusion)
            confusion.AddRow([gold, .. predictedTypes.Select(t => row.GetValueOrDefault(t).ToString(CultureInfo.InvariantCulture))]);
        console.Write(confusion);

        if (!errors) return;
        foreach (var e in evaluation.Errors.OrderBy(e => e.DocumentId, StringComparer.Ordinal).ThenBy(e => e.Start))
            Console.Out.WriteLine($"{e.DocumentId}\t{e.Kind}\t{e.Type}\t[{e.Start},{e.End})\t{e.Text}{(e.Detail is null ? "" : "\t" + e.Detail)}");
    }

    public static object ToJson(EntityEvaluation evaluation, RelationEvaluation? relations, bool errors) => new
    {
        documents = evaluation.Documents,
        overall = Scores(evaluation.Overall),
        types = evaluation.ByType.ToDictionary(p => p.Key, p => Scores(p.Value)),
        confusion = evaluation.Confusion,
        errors = errors ? evaluation.Errors : null,
        relations = relations is null ? null : new
        {
            overall = Scores(relations.Overall),
            types = relations.ByType.ToDictionary(p => p.Key, p => Scores(p.Value)),
            errors = errors ? relations.Errors : null,
        },
    };

    public static void PrintRelations(RelationEvaluation relations, bool errors)
    {
        var table = new Table().Title("relations (strict: same type, same head and tail spans and types)").AddColumns("relation", "gold", "predicted", "precision", "recall", "F1");
        foreach (var (type, s) in relations.ByType.Append(new KeyValuePair<string, TypeScore>("overall", relations.Overall)))
            table.AddRow(type, s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture), F(s.Precision), F(s.Recall), F(s.F1));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        console.Write(table);
        if (errors) foreach (var e in relations.Errors.Order(StringComparer.Ordinal)) Console.Out.WriteLine(e);
    }

    private static object Scores(TypeScore s) => new
    {
        gold = s.Gold, predicted = s.Predicted, correct = s.StrictCorrect,
        precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4), f1 = Math.Round(s.F1, 4),
        partial = new { precision = Math.Round(s.PartialPrecision, 4), recall = Math.Round(s.PartialRecall, 4), f1 = Math.Round(s.PartialF1, 4) },
        valueAccuracy = Math.Round(s.ValueAccuracy, 4),
    };
}
