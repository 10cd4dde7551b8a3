using System.Globalization;
using Nlp.Pipeline;
using Spectre.Console;

namespace Nlp.Cli.Commands;

/// <summary>Messages for people, on stderr.</summary>
internal static class Report
{
    public static void Error(string message) => Terminal.Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
    public static void Warning(string message) => Terminal.Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");
    public static void Info(string message) => Terminal.Error.WriteLine(message);

    public static void Summary(BatchStatistics statistics, TimeSpan elapsed, string? output)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        var inv = CultureInfo.InvariantCulture;
        string entities = statistics.EntitiesByType.Count == 0 ? "none" : string.Join(", ", statistics.EntitiesByType.Select(p => $"{p.Key} {p.Value}"));
        Info(string.Create(inv, $"{statistics.Documents} documents ({statistics.Failed} failed), {statistics.Syllables:N0} syllables, entities: {entities}"));
        Info(string.Create(inv, $"{seconds:0.00} s, {statistics.Syllables / seconds:N0} syllables/s{(output is null ? "" : $", written to {output}")}"));
    }
}
