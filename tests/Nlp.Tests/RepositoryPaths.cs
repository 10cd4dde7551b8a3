namespace Nlp.Tests;

/// <summary>Where the repository and the shared reference data (../shared/data beside it) are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
    public static string Treebank => Path.Combine(SharedData, "ud-vi-vtb");
    public static string Models => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nlp.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Nlp.sln) above " + AppContext.BaseDirectory);
    }
}
