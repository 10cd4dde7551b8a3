using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Evaluation;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class TrainNerSettings : CorpusTrainingSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Where to save the model. Default: models/ner.zip.")]
    public string Out { get; init; } = "models/ner.zip";

    [CommandOption("--algorithm <NAME>")]
    [Description("lbfgs (maximum entropy with L-BFGS, default) or sdca.")]
    public string Algorithm { get; init; } = "lbfgs";

    [CommandOption("--l1 <X>")]
    [Description("L1 regularisation (lbfgs). Default: 0.02.")]
    public float L1 { get; init; } = 0.02f;

    [CommandOption("--l2 <X>")]
    [Description("L2 regularisation. Default: 0.05.")]
    public float L2 { get; init; } = 0.05f;

    [CommandOption("--gazetteers <DIR>")]
    [Description("Folder of name lists (*.tsv: name, type, aliases) used as features and stored in the model. Default: data/gazetteers; 'none' for none.")]
    public string Gazetteers { get; init; } = ModelLocator.DefaultGazetteers;
}

/// <summary><c>vnlp train ner</c>: trains the entity tagger, chooses rule or tagger spans per type on dev, reports dev scores.</summary>
public sealed class TrainNerCommand : Command<TrainNerSettings>
{
    public override int Execute(CommandContext context, TrainNerSettings settings, CancellationToken cancellation)
    {
        var options = new SparseTrainingOptions
        {
            Seed = settings.Seed, L1 = settings.L1, L2 = settings.L2, Iterations = settings.Iterations,
            Sdca = settings.Algorithm.ToLowerInvariant() switch
            {
                "lbfgs" => false,
                "sdca" => true,
                _ => throw new UsageException($"--algorithm '{settings.Algorithm}' is not lbfgs or sdca"),
            },
        };
        var trainFiles = settings.TrainFiles;
        var train = trainFiles.SelectMany(f => Gold.Read(f, "--train")).ToList();
        var dev = Gold.Read(settings.Dev, "--dev");
        var gazetteer = LoadGazetteer(settings.Gazetteers);
        var segmenter = PipelineFactory.RequireSegmenter();

        var watch = Stopwatch.StartNew();
        TrainedNer trained = null!;
        Terminal.Error.Status().Start("training the tagger", status =>
            trained = NerTrainer.Train(train, options, gazetteer, segmenter, message => Report.Info(message)));
        var trainingTime = watch.Elapsed;
        var (rules, tagger) = NerTrainer.ChooseSources(trained.Model, dev, segmenter);

        var model = trained.Model;
        var card = model.Metadata.Card;
        card["trained"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        card["train"] = string.Join(", ", trainFiles);
        card["dev"] = settings.Dev;
        card["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture);
        card["algorithm"] = $"{(options.Sdca ? "SDCA" : "L-BFGS")} maximum entropy, L1 {options.L1}, L2 {options.L2}, {options.Iterations} iterations";
        card["trainingSeconds"] = trainingTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        trained.Save(settings.Out);

        Report.Info(string.Create(CultureInfo.InvariantCulture,
            $"trained on {trained.Tokens:N0} tokens in {trainingTime.TotalSeconds:0.0} s; {model.FeatureCount:N0} features; {model.Gazetteer.Entries.Count} gazetteer names; saved {settings.Out}"));
        Report.Info($"DATE/MONEY on dev: rules F1 {F(rules, EntityTypes.Date)}/{F(rules, EntityTypes.Money)}, tagger F1 {F(tagger, EntityTypes.Date)}/{F(tagger, EntityTypes.Money)}; spans from rules for: {string.Join(", ", model.Metadata.RuleTypes)}");

        var pipeline = new NlpPipeline(NerTrainer.Preparation(segmenter).Stages.Append(new EntityTaggingStage(model)));
        var evaluation = new EntityEvaluation();
        foreach (var gold in dev) evaluation.Add(gold, AnnotatedDocument.From(pipeline.Process(new Document(gold.Id, gold.Text, gold.Date))));
        Console.Out.WriteLine($"dev ({settings.Dev}):");
        EvaluationReport.Print(evaluation, errors: false);
        return VnlpApp.Success;
    }

    private static string F(EntityEvaluation e, string type) => e.ByType.TryGetValue(type, out var s) ? s.F1.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static Gazetteer LoadGazetteer(string folder)
    {
        if (folder == "none") return Gazetteer.Empty;
        if (!Directory.Exists(folder)) throw new UsageException($"--gazetteers '{folder}' is not a folder (give 'none' to train without)");
        return Gazetteer.LoadFolder(folder);
    }
}
