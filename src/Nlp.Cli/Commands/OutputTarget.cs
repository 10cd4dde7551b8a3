using System.Text;
using Nlp.Output;

namespace Nlp.Cli.Commands;

/// <summary>
/// Where a command writes its data: a file written whole or not at all (<see cref="AtomicFile"/>), or
/// stdout when no file is named. <see cref="Complete"/> publishes it; disposing without completing leaves
/// no file behind.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly AtomicFile? _file;

    private OutputTarget(AtomicFile? file, TextWriter writer)
    {
        _file = file;
        Writer = writer;
    }

    public TextWriter Writer { get; }

    public static OutputTarget Open(string? path)
    {
        if (path is not null)
        {
            var file = new AtomicFile(path);
            return new OutputTarget(file, file.Writer);
        }
        return new OutputTarget(null, new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" });
    }

    public void Complete()
    {
        Writer.Flush();
        _file?.Commit();
    }

    public void Dispose()
    {
        if (_file is not null) _file.Dispose();
        else Writer.Dispose();
    }
}
