namespace Nlp.Output;

/// <summary>
/// A file that appears whole or not at all: written to a temporary file beside the target, then
/// renamed over it on <see cref="Commit"/>. Disposing without committing removes the temporary file.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _temporary;
    private bool _committed;

    public AtomicFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        _temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Writer = new StreamWriter(_temporary, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
    }

    public string Path { get; }
    public StreamWriter Writer { get; }

    public void Commit()
    {
        Writer.Flush();
        Writer.BaseStream.Flush();
        Writer.Dispose();
        File.Move(_temporary, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Writer.Dispose();
        try { File.Delete(_temporary); } catch (IOException) { }
    }
}
