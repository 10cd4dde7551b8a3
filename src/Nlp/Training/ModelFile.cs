using System.IO.Compression;
using Microsoft.ML;

namespace Nlp.Training;

/// <summary>
/// A trained model on disk: the zip ML.NET saves, with what the project needs beside the ML.NET chain
/// (thresholds, word lists, transition scores) as one JSON entry inside the same zip. Saving goes
/// through a temporary file, so a model is never left half-written.
/// </summary>
public static class ModelFile
{
    public static void Save(ITransformer transformer, DataViewSchema schema, string path, string entryName, string json)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        string temporary = path + ".tmp";
        new MLContext().Model.Save(transformer, schema, temporary);
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Update))
        {
            var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
            // A fixed time keeps the file the same for the same model.
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open());
            writer.Write(json);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The JSON entry of a model zip, or null when the zip has none (a model saved by an older version).</summary>
    public static string? ReadEntry(string path, string entryName)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.GetEntry(entryName) is not { } entry) return null;
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
