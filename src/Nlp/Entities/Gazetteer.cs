using Nlp.Documents;
using Nlp.Tokenization;

namespace Nlp.Entities;

/// <summary>A known name: its canonical form, its type and the surface forms it is written in.</summary>
public sealed record GazetteerEntry(string Name, string Type, IReadOnlyList<string> Aliases);

/// <summary>
/// Names the team listed (organisations, products, people, places), matched over tokens: the longest
/// listed form starting at each token wins, case-sensitively (so <c>Apple</c> matches and <c>apple</c>
/// does not). The tagger sees matches as features; it decides.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<(string[] Tokens, string Type)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Tokens, string Type)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        Entries = entries.ToList();
        foreach (var entry in Entries)
            foreach (var form in entry.Aliases.Prepend(entry.Name).Distinct(StringComparer.Ordinal))
            {
                var tokens = TokensOf(form);
                if (tokens.Length == 0) continue;
                if (!_byFirstToken.TryGetValue(tokens[0], out var list)) _byFirstToken[tokens[0]] = list = new();
                if (!list.Any(x => x.Tokens.SequenceEqual(tokens))) list.Add((tokens, entry.Type));
            }
        foreach (var list in _byFirstToken.Values) list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        _lookup = _byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Gazetteer Empty { get; } = new([]);

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>Reads the name lists of a folder: its *.tsv files, as <see cref="Load(IEnumerable{string})"/>.</summary>
    public static Gazetteer LoadFolder(string folder) => Load(Directory.GetFiles(folder, "*.tsv"));

    /// <summary>Reads TSV files with a header and the columns name, type, aliases (separated by |).</summary>
    public static Gazetteer Load(IEnumerable<string> files)
    {
        var entries = new List<GazetteerEntry>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            int lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                if (lineNumber++ == 0 || string.IsNullOrWhiteSpace(line)) continue;
                var columns = line.Split('\t');
                if (columns.Length < 2 || !EntityTypes.IsKnown(columns[1].Trim()))
                    throw new FormatException($"{file}:{lineNumber}: expected name<TAB>type<TAB>aliases with a known type");
                var aliases = columns.Length > 2 ? columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                entries.Add(new GazetteerEntry(columns[0].Trim(), columns[1].Trim(), aliases));
            }
        }
        return new Gazetteer(entries);
    }

    private static string[] TokensOf(string form)
    {
        var normalized = Text.TextNormalizer.Normalize(form).Text;
        var tokens = new List<Token>();
        TokenScanner.Tokenize(normalized, tokens);
        return tokens.Select(t => normalized[t.Start..t.End]).ToArray();
    }

    /// <summary>Marks tokens [first, end) of a document with "B-TYPE"/"I-TYPE" where a listed name matches.</summary>
    public void Tag(Document document, int first, int end, string?[] tags)
    {
        for (int i = first; i < end;)
        {
            int matched = 0;
            string? type = null;
            if (_lookup.TryGetValue(document.TextOf(document.Tokens[i]), out var candidates))
            {
                foreach (var (tokens, t) in candidates)
                {
                    if (i + tokens.Length > end) continue;
                    bool all = true;
                    for (int k = 1; k < tokens.Length && all; k++)
                        all = document.TextOf(document.Tokens[i + k]).SequenceEqual(tokens[k]);
                    if (all) { matched = tokens.Length; type = t; break; }
                }
            }
            if (matched == 0) { i++; continue; }
            tags[i - first] = BioTags.Begin(type!);
            for (int k = 1; k < matched; k++) tags[i - first + k] = BioTags.Inside(type!);
            i += matched;
        }
    }
}

/// <summary>BIO tag strings, interned so that comparisons and features allocate nothing.</summary>
public static class BioTags
{
    public const string Outside = "O";
    private static readonly Dictionary<string, (string B, string I)> Tags = EntityTypes.All.ToDictionary(t => t, t => ("B-" + t, "I-" + t));

    public static string Begin(string type) => Tags[type].B;
    public static string Inside(string type) => Tags[type].I;

    public static IEnumerable<string> All => EntityTypes.All.SelectMany(t => new[] { Begin(t), Inside(t) }).Prepend(Outside);

    public static bool IsBegin(string tag) => tag.StartsWith("B-", StringComparison.Ordinal);
    public static bool IsInside(string tag) => tag.StartsWith("I-", StringComparison.Ordinal);
    public static string TypeOf(string tag) => tag.Length > 2 ? tag[2..] : "";

    /// <summary>Can <paramref name="tag"/> follow <paramref name="previous"/> (null: the sentence start)?</summary>
    public static bool Allowed(string? previous, string tag) =>
        !IsInside(tag) || (previous is not null && previous != Outside && TypeOf(previous) == TypeOf(tag));
}
