using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;
using Nlp.Evaluation;
using Nlp.Pipeline;
using Nlp.Relations;
using Nlp.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class TrainRelationsSettings : CorpusTrainingSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Where to save the model. Default: models/relations.zip.")]
    public string Out { get; init; } = "models/relations.zip";

    [CommandOption("--l1 <X>")]
    [Description("L1 regularisation. Default: 0.05.")]
    public float L1 { get; init; } = 0.05f;

    [CommandOption("--l2 <X>")]
    [Description("L2 regularisation. Default: 0.2.")]
    public float L2 { get; init; } = 0.2f;
}

/// <summary><c>vnlp train relations</c>: trains the relation classifier on gold entities and relations, reports dev scores.</summary>
public sealed class TrainRelationsCommand : Command<TrainRelationsSettings>
{
    public override int Execute(CommandContext context, TrainRelationsSettings settings, CancellationToken cancellation)
    {
        var options = new SparseTrainingOptions { Seed = settings.Seed, L1 = settings.L1, L2 = settings.L2, Iterations = settings.Iterations };
        var trainFiles = settings.TrainFiles;
        var train = trainFiles.SelectMany(f => Gold.Read(f, "--train")).ToList();
        var dev = Gold.Read(settings.Dev, "--dev");
        var segmenter = PipelineFactory.RequireSegmenter();

        var watch = Stopwatch.StartNew();
        TrainedRelations trained = null!;
        Terminal.Error.Status().Start("training the relation model", _ => trained = RelationTrainer.Train(train, options, segmenter));
        trained.Save(settings.Out);
        Report.Info(string.Create(CultureInfo.InvariantCulture,
            $"trained on {trained.Candidates:N0} candidate pairs in {watch.Elapsed.TotalSeconds:0.0} s; {trained.Model.FeatureCount:N0} features; threshold {trained.Model.Threshold} (calibrated on held-back training documents); saved {settings.Out}"));

        var preparation = NerTrainer.Preparation(segmenter);
        var withGoldEntities = new RelationEvaluation();
        foreach (var gold in dev)
        {
            var d = RelationTrainer.WithGold(preparation, gold);
            d.Relations.Clear();
            d.Relations.AddRange(trained.Model.Predict(d));
            withGoldEntities.Add(gold, AnnotatedDocument.From(d));
        }
        Console.Out.WriteLine($"dev ({settings.Dev}), relations between the gold entities:");
        EvaluationReport.PrintRelations(withGoldEntities, errors: false);

        var pipeline = PipelineFactory.CreateDefault(new RelationStage(trained.Model));
        var endToEnd = new RelationEvaluation();
        foreach (var gold in dev) endToEnd.Add(gold, AnnotatedDocument.From(pipeline.Process(new Document(gold.Id, gold.Text, gold.Date))));
        Console.Out.WriteLine("dev, end to end (entities found by the pipeline):");
        EvaluationReport.PrintRelations(endToEnd, errors: false);
        return VnlpApp.Success;
    }
}

/// <summary>Reading gold annotation files for training, where a malformed line stops the run.</summary>
internal static class Gold
{
    public static List<AnnotatedDocument> Read(string path, string option)
    {
        if (!File.Exists(path)) throw new UsageException($"{option} '{path}' does not exist");
        var (documents, errors) = AnnotatedJsonl.Read(path);
        if (errors.Count > 0)
        {
            foreach (var e in errors) Report.Error(e.ToString());
            throw new UsageException($"{option} '{path}' has {errors.Count} malformed lines; fix them (vnlp corpus check) before training");
        }
        return documents;
    }
}
