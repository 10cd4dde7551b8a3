namespace Nlp.Cli.Commands;

/// <summary>
/// Finds the installed models: the folder named by VNLP_MODELS, else the models/ folder shipped beside
/// the program, else ./models. Training data defaults to the shared reference data beside the repository.
/// </summary>
internal static class ModelLocator
{
    public const string DefaultTreebank = "../shared/data/ud-vi-vtb";
    /// <summary>The team's word lists: every *.txt file of this folder.</summary>
    public const string DefaultWordList = "data/words";
    public const string DefaultGazetteers = "data/gazetteers";

    public static string? Segmenter => Find("segmenter.zip");
    public static string? Ner => Find("ner.zip");
    public static string? Relations => Find("relations.zip");

    private static string? Find(string name)
    {
        foreach (var folder in Folders())
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static IEnumerable<string> Folders()
    {
        if (Environment.GetEnvironmentVariable("VNLP_MODELS") is { Length: > 0 } env) yield return env;
        yield return Path.Combine(AppContext.BaseDirectory, "models");
        yield return "models";
    }
}
