using Nlp.Input;

namespace Nlp.Cli.Commands;

/// <summary>Options several commands share, checked once: a bad value is a usage error (exit code 2).</summary>
internal sealed record CommonOptions(DateOnly? Date, int Threads, long MaxFileBytes)
{
    public static CommonOptions Parse(string? date, int? threads, int maxSizeMiB)
    {
        DateOnly? parsedDate = null;
        if (date is not null)
        {
            if (!InputReader.TryParseDate(date, out var d)) throw new UsageException($"--date '{date}' is not a date; write it as YYYY-MM-DD, e.g. 2025-02-01");
            parsedDate = d;
        }
        int n = threads ?? Environment.ProcessorCount;
        if (n < 1) throw new UsageException($"--threads must be 1 or more (got {n})");
        if (maxSizeMiB < 1) throw new UsageException($"--max-size must be 1 MiB or more (got {maxSizeMiB})");
        return new CommonOptions(parsedDate, n, maxSizeMiB * 1024L * 1024);
    }
}

/// <summary>Counts documents ahead of a run, for the progress bar only (a cheap pass: lines of JSONL, one per other file).</summary>
internal static class InputCounter
{
    public static int CountDocuments(IEnumerable<string> inputs)
    {
        int count = 0;
        foreach (var path in inputs)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(InputReader.IsSupported)
                : [path];
            foreach (var file in files)
            {
                if (!File.Exists(file)) { count++; continue; }
                if (!file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) { count++; continue; }
                try { count += File.ReadLines(file).Count(l => !string.IsNullOrWhiteSpace(l)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException) { count++; }
            }
        }
        return count;
    }
}
