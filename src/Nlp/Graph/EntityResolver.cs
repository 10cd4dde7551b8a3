using Nlp.Corpus;
using Nlp.Documents;
using Nlp.Entities;

namespace Nlp.Graph;

/// <summary>
/// Gives every entity mention its canonical entity id, the same across documents and runs. Mentions merge
/// when they differ only in case, diacritics or tone-mark style (<see cref="EntityIds"/>); when an
/// organisation's name carries a leading descriptor (<c>Tập đoàn FPT</c> and <c>FPT</c>); when the text defines an
/// abbreviation (<c>Amazon Web Services (AWS)</c>); when a short form follows its full form in the same
/// document (<c>DeepSeek R1</c> then <c>R1</c>, <c>Jensen Huang</c> then <c>Huang</c>); and through the gazetteer's
/// aliases and the user's alias file. Mentions of different types never merge.
/// </summary>
public sealed class EntityResolver
{
    private static readonly string[] OrgDescriptors =
    [
        "Tập đoàn Công nghệ ", "Tập đoàn ", "Tổng Công ty ", "Tổng công ty ", "Công ty Cổ phần ", "Công ty cổ phần ", "Công ty TNHH ", "Công ty ", "Hãng ", "Startup ",
    ];

    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keepApart = new(StringComparer.Ordinal);

    /// <param name="gazetteer">Listed names and their aliases: an alias resolves to its listed name.</param>
    /// <param name="userAliases">Lines <c>TYPE&lt;TAB&gt;surface&lt;TAB&gt;canonical</c> (merge) or <c>TYPE&lt;TAB&gt;surface&lt;TAB&gt;-</c> (keep apart).</param>
    public EntityResolver(Gazetteer? gazetteer = null, IEnumerable<string>? userAliases = null)
    {
        foreach (var entry in gazetteer?.Entries ?? [])
            foreach (var alias in entry.Aliases)
                _aliases.TryAdd(Key(entry.Type, alias), Key(entry.Type, entry.Name));
        int line = 0;
        foreach (var raw in userAliases ?? [])
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw) || raw.StartsWith('#')) continue;
            var columns = raw.Split('\t');
            if (columns.Length != 3 || !EntityTypes.IsKnown(columns[0].Trim()))
                throw new FormatException($"alias file line {line}: expected TYPE<TAB>surface<TAB>canonical (or - to keep apart)");
            string type = columns[0].Trim(), surface = columns[1].Trim(), canonical = columns[2].Trim();
            if (canonical == "-") _keepApart.Add(Key(type, surface));
            else _aliases[Key(type, surface)] = Key(type, canonical);
        }
    }

    /// <summary>Sets each entity's canonical id on a processed document (the pipeline's last stage).</summary>
    public void Assign(Document document)
    {
        var ids = Resolve(AnnotatedDocument.From(document));
        for (int i = 0; i < ids.Length; i++) document.Entities[i].EntityId = ids[i];
    }

    private static string Key(string type, string text) => EntityIds.For(type, text);

    /// <summary>The canonical id of each entity of the document, by index.</summary>
    public string[] Resolve(AnnotatedDocument document)
    {
        var entities = document.Entities;
        var ids = new string[entities.Count];
        for (int i = 0; i < entities.Count; i++) ids[i] = ValueId(document, entities[i]) ?? Base(entities[i].Type, entities[i].Text);

        // Abbreviations defined in the text: "Amazon Web Services (AWS)".
        for (int i = 0; i + 1 < entities.Count; i++)
        {
            var (full, abbreviation) = (entities[i], entities[i + 1]);
            if (full.Type != abbreviation.Type || IsKeptApart(abbreviation)) continue;
            if (document.Text.AsSpan(full.End, abbreviation.Start - full.End).Trim().SequenceEqual("(") && abbreviation.End < document.Text.Length && document.Text[abbreviation.End] == ')'
                && abbreviation.Text.Length < full.Text.Length && LooksLikeAbbreviation(abbreviation.Text))
            {
                string abbreviationId = ids[i + 1];
                for (int j = 0; j < entities.Count; j++) if (ids[j] == abbreviationId) ids[j] = ids[i];
            }
        }

        // Short forms after their full form in the same document: "DeepSeek R1" then "R1", "Jensen Huang" then "Huang".
        for (int j = 0; j < entities.Count; j++)
        {
            if (IsKeptApart(entities[j]) || entities[j].Type is EntityTypes.Date or EntityTypes.Money) continue;
            var words = Words(ids[j]);
            for (int i = 0; i < j; i++)
            {
                if (entities[i].Type != entities[j].Type || ids[i] == ids[j]) continue;
                var full = Words(ids[i]);
                // Only the end of a name is its short form; a leading part is often another entity
                // ("Samsung Display" then "Samsung"), which the gazetteer can merge where it is the same.
                bool suffix = words.Length < full.Length && full.AsSpan(full.Length - words.Length).SequenceEqual(words);
                if (suffix) { ids[j] = ids[i]; break; }
            }
        }
        return ids;
    }

    /// <summary>
    /// Dates and amounts are identified by their value: <c>date:2025-01-30</c>, <c>money:6000000-usd</c>. A date
    /// without a value (<c>năm ngoái</c>) means something else in every document, so its id names the document.
    /// </summary>
    private static string? ValueId(AnnotatedDocument document, AnnotatedEntity e) => e.Type switch
    {
        EntityTypes.Date => e.Value is not null ? "date:" + e.Value : $"date:{document.Id}:{Key(e.Type, e.Text)[5..]}",
        EntityTypes.Money when e.Amount is decimal amount && e.Currency is not null =>
            $"money:{amount.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)}-{e.Currency.ToLowerInvariant()}",
        _ => null,
    };

    /// <summary>AWS, A05, JFTC, PTTH&amp;TTĐT: two capitals or more, or only capitals; not a gloss such as "(Mỹ)".</summary>
    private static bool LooksLikeAbbreviation(string text)
    {
        int upper = text.Count(char.IsUpper);
        return upper >= 2 || (upper == 1 && !text.Any(char.IsLower));
    }

    private bool IsKeptApart(AnnotatedEntity e) => _keepApart.Contains(Key(e.Type, e.Text));

    /// <summary>The id before document context: aliases, then descriptors.</summary>
    private string Base(string type, string text)
    {
        string key = Key(type, text);
        if (_keepApart.Contains(key)) return key;
        if (_aliases.TryGetValue(key, out var canonical)) return canonical;
        if (type == EntityTypes.Org)
            foreach (var descriptor in OrgDescriptors)
                if (text.StartsWith(descriptor, StringComparison.Ordinal) && text.Length > descriptor.Length)
                {
                    string core = Key(type, text[descriptor.Length..]);
                    return _aliases.TryGetValue(core, out var c) ? c : core;
                }
        return key;
    }

    private static string[] Words(string id) => id[(id.IndexOf(':') + 1)..].Split('-');
}
