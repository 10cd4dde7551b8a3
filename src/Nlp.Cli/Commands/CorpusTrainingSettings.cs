using System.ComponentModel;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

/// <summary>The options every command that trains on the annotated corpus shares.</summary>
public abstract class CorpusTrainingSettings : CommandSettings
{
    [CommandOption("--train <FILE>")]
    [Description("Annotated JSONL to train on; repeat the option for several files. Default: data/corpus/train.jsonl.")]
    public string[] Train { get; init; } = [];

    [CommandOption("--dev <FILE>")]
    [Description("Annotated JSONL to report on (and to choose settings on). Default: data/corpus/dev.jsonl.")]
    public string Dev { get; init; } = "data/corpus/dev.jsonl";

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same data and seed give the same model. Default: 1.")]
    public int Seed { get; init; } = 1;

    [CommandOption("--iterations <N>")]
    [Description("Maximum L-BFGS iterations. Default: 100.")]
    public int Iterations { get; init; } = 100;

    internal IReadOnlyList<string> TrainFiles => Train.Length > 0 ? Train : ["data/corpus/train.jsonl"];
}
