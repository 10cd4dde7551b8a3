using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Nlp.Segmentation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public class SegmenterTrainingSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Folder of CoNLL-U treebank files (*.conllu) to train on. Default: ../shared/data/ud-vi-vtb.")]
    public string Data { get; init; } = ModelLocator.DefaultTreebank;

    [CommandOption("--seed <N>")]
    [Description("Random seed; the same data and seed give the same model. Default: 1.")]
    public int Seed { get; init; } = 1;

    [CommandOption("--algorithm <NAME>")]
    [Description("lbfgs (default), sdca, averaged-perceptron or linear-svm.")]
    public string Algorithm { get; init; } = "lbfgs";

    [CommandOption("--l2 <X>")]
    [Description("L2 regularisation of the logistic regressions. Default: 0.01.")]
    public float L2 { get; init; } = 0.01f;

    [CommandOption("--no-word-list")]
    [Description("Train without any word-list evidence (neither the training data's words of 2-4 syllables nor --words), to measure what it adds.")]
    public bool NoWordList { get; init; }

    [CommandOption("--words <PATH>")]
    [Description("Word lists the team wrote (one word of 2-4 syllables per line), added to the words learned from the treebank: a file, or a folder whose *.txt files are all read. Default: data/words (the general list and the technology terms); 'none' for none.")]
    public string? Words { get; init; }

    [CommandOption("--names <DIR>")]
    [Description("Folder of the team's name lists (*.tsv: name, type, aliases). Their names of 2-4 syllables of letters are kept whole where written with a capital (Thung lũng Silicon, Meta Platforms); its family-names.txt, one Vietnamese family name a line, marks a name at a sentence's start (Trịnh Quốc Khánh cho biết). Default: data/gazetteers; 'none' for none.")]
    public string? Names { get; init; }

    [CommandOption("--join-threshold <X>")]
    [Description("The boundary score above which syllables join. Default: 0 (chosen by cross-validation on train.conllu; see the model card).")]
    public float JoinThreshold { get; init; } = 0f;

    internal SegmenterTrainingOptions Options() => new()
    {
        KnownWords = NoWordList ? [] : ReadKnownWords(),
        Names = ReadNames(),
        FamilyNames = ReadFamilyNames(),
        JoinThreshold = JoinThreshold,
        Seed = Seed,
        WordList = !NoWordList,
        L2 = L2,
        Algorithm = Algorithm.ToLowerInvariant() switch
        {
            "lbfgs" => SegmenterAlgorithm.Lbfgs,
            "sdca" => SegmenterAlgorithm.Sdca,
            "averaged-perceptron" => SegmenterAlgorithm.AveragedPerceptron,
            "linear-svm" => SegmenterAlgorithm.LinearSvm,
            _ => throw new UsageException($"--algorithm '{Algorithm}' is not one of lbfgs, sdca, averaged-perceptron, linear-svm"),
        },
    };

    /// <summary>
    /// The input an optional list option names: null for "none"; when not given, its default, or null with
    /// a warning where the default is missing (training from outside the repository); a missing given path
    /// is a usage error.
    /// </summary>
    private static string? OptionalList(string? given, string fallback, bool exists, string option, string missing)
    {
        if (string.Equals(given, "none", StringComparison.OrdinalIgnoreCase)) return null;
        if (exists) return given ?? fallback;
        if (given is not null) throw new UsageException($"{option} '{given}' does not exist");
        Report.Warning($"{missing} (give {option}, or {option} none to silence this)");
        return null;
    }

    private List<string> ReadKnownWords()
    {
        string path = Words ?? ModelLocator.DefaultWordList;
        if (OptionalList(Words, path, File.Exists(path) || Directory.Exists(path), "--words", $"no team word list at {path}: training with the treebank's words only") is null) return [];
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal).ToArray() : [path];
        if (files.Length == 0) throw new UsageException($"--words '{path}' holds no .txt word list");
        return [.. files.SelectMany(file => ReadList(file, SegmenterWordList.ReadKnownWords, "known words")).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Reads a list file, reporting its size; a bad line is a usage error naming the file and line.</summary>
    private static List<string> ReadList(string path, Func<string, List<string>> read, string what)
    {
        try
        {
            var list = read(path);
            Report.Info($"read {list.Count:N0} {what} from {path}");
            return list;
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The names (and aliases) of the team's name lists that are 2-4 syllables of letters, as form atoms.</summary>
    private List<string> ReadNames()
    {
        string folder = Names ?? ModelLocator.DefaultGazetteers;
        if (OptionalList(Names, folder, Directory.Exists(folder), "--names", $"no name lists at {folder}: training without them") is null) return [];
        Entities.Gazetteer gazetteer;
        try
        {
            gazetteer = Entities.Gazetteer.LoadFolder(folder);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        var names = gazetteer.Entries.SelectMany(entry => entry.Aliases.Prepend(entry.Name))
            .Select(form => SegmenterWordList.TryWord(form, out var word, out _) ? word : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Report.Info($"read {names.Count:N0} names of 2-4 syllables from {folder}");
        return names;
    }

    /// <summary>The family names of the name-list folder's family-names.txt, as form atoms (none when the file is absent).</summary>
    private List<string> ReadFamilyNames()
    {
        string folder = Names ?? ModelLocator.DefaultGazetteers;
        string path = Path.Combine(folder, FamilyNamesFile);
        if (string.Equals(Names, "none", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return [];
        return ReadList(path, SegmenterWordList.ReadFamilyNames, "family names");
    }

    private const string FamilyNamesFile = "family-names.txt";

    internal List<SegmentedSentence> ReadTreebank(string? only = null)
    {
        if (!Directory.Exists(Data)) throw new UsageException($"--data '{Data}' is not a folder of .conllu files");
        var files = Directory.GetFiles(Data, only ?? "*.conllu").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new UsageException($"no .conllu files in '{Data}'");
        var sentences = files.SelectMany(Conllu.Read).ToList();
        Report.Info($"read {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words from {string.Join(", ", files.Select(Path.GetFileName))}");
        return sentences;
    }
}

public sealed class TrainSegmenterSettings : SegmenterTrainingSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Where to save the ML.NET model. Default: models/segmenter.zip.")]
    public string Out { get; init; } = "models/segmenter.zip";
}

/// <summary><c>vnlp train segmenter</c>: fits the word segmenter on a treebank and saves the ML.NET model.</summary>
public sealed class TrainSegmenterCommand : Command<TrainSegmenterSettings>
{
    public override int Execute(CommandContext context, TrainSegmenterSettings settings, CancellationToken cancellation)
    {
        var options = settings.Options();
        var sentences = settings.ReadTreebank();
        var watch = Stopwatch.StartNew();
        TrainedSegmenter trained = null!;
        Terminal.Error.Status().Start($"training ({options.Algorithm}, seed {options.Seed})", _ => trained = SegmenterTrainer.Train(sentences, options));
        watch.Stop();
        trained.Save(settings.Out);
        Report.Info(string.Create(CultureInfo.InvariantCulture,
            $"trained on {trained.Examples:N0} syllable boundaries in {watch.Elapsed.TotalSeconds:0.0} s; {trained.Model.FeatureCount:N0} features with non-zero weight; saved {settings.Out}"));
        return VnlpApp.Success;
    }
}

public sealed class EvaluateSegmenterSettings : SegmenterTrainingSettings
{
    [CommandOption("--gold <FILE>")]
    [Description("CoNLL-U file with gold words to score the model on.")]
    public string? Gold { get; init; }

    [CommandOption("--model <FILE>")]
    [Description("The segmenter model to score. Default: the installed models/segmenter.zip.")]
    public string? Model { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Instead of --gold: k-fold cross-validation over all of --data (trains K models with --algorithm, --l2, --seed).")]
    public int? Folds { get; init; }

    [CommandOption("--no-name-pass")]
    [Description("Score without the name pass (adjacent capitalised syllables and the listed names kept whole), to measure what it adds.")]
    public bool NoNamePass { get; init; }

    [CommandOption("--errors <N>")]
    [Description("How many of the most frequent errors to list. Default: 20.")]
    public int Errors { get; init; } = 20;
}

/// <summary><c>vnlp evaluate segmenter</c>: word precision, recall and F1 on gold data, or by cross-validation.</summary>
public sealed class EvaluateSegmenterCommand : Command<EvaluateSegmenterSettings>
{
    public override int Execute(CommandContext context, EvaluateSegmenterSettings settings, CancellationToken cancellation)
    {
        SegmentationScore total;
        if (settings.Folds is int folds)
        {
            if (settings.Gold is not null) throw new UsageException("give either --gold or --folds, not both");
            if (folds < 2) throw new UsageException("--folds must be 2 or more");
            var sentences = settings.ReadTreebank();
            total = new SegmentationScore();
            var table = new Table().AddColumns("fold", "train", "test", "precision", "recall", "F1", "training s");
            foreach (var r in CrossValidation.Run(sentences, folds, settings.Options(), r => Report.Info($"fold {r.Fold}/{folds}: F1 {r.Score.F1:0.0000}"), keepNamesWhole: !settings.NoNamePass))
            {
                total.Add(r.Score);
                table.AddRow(r.Fold.ToString(CultureInfo.InvariantCulture), r.TrainSentences.ToString(CultureInfo.InvariantCulture), r.TestSentences.ToString(CultureInfo.InvariantCulture),
                    F(r.Score.Precision), F(r.Score.Recall), F(r.Score.F1), r.TrainingTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            }
            Terminal.Error.Write(table);
        }
        else
        {
            if (settings.Gold is null) throw new UsageException("give --gold FILE.conllu, or --folds K for cross-validation");
            if (!File.Exists(settings.Gold)) throw new UsageException($"--gold '{settings.Gold}' does not exist");
            var model = SegmenterModel.Load(settings.Model ?? ModelLocator.Segmenter ?? throw new UsageException("no segmenter model installed; give --model"));
            model.KeepNamesWhole = !settings.NoNamePass;
            total = SegmentationScore.Evaluate(model, Conllu.Read(settings.Gold));
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"words: gold {total.Gold}, predicted {total.Predicted}, correct {total.Correct}\nprecision {total.Precision:0.0000}  recall {total.Recall:0.0000}  F1 {total.F1:0.0000}"));
        if (settings.Errors > 0)
        {
            Console.Out.WriteLine($"most frequent errors:");
            foreach (var (error, count) in total.MostFrequentErrors(settings.Errors)) Console.Out.WriteLine($"  {count,5}  {error}");
        }
        return VnlpApp.Success;
    }

    private static string F(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
}
