namespace Nlp.Documents;

public static class EntityTypes
{
    public const string Org = "ORG";
    public const string Product = "PRODUCT";
    public const string Date = "DATE";
    public const string Money = "MONEY";
    public const string Person = "PERSON";
    public const string Location = "LOCATION";

    public static readonly IReadOnlyList<string> All = [Org, Product, Date, Money, Person, Location];

    public static bool IsKnown(string type) => All.Contains(type);
}

/// <summary>
/// An entity mention. <see cref="Start"/> and <see cref="End"/> are offsets of the normalised text
/// (see <see cref="Document.ToInput"/>); tokens are [FirstToken, EndToken).
/// </summary>
public sealed record Entity(int Start, int End, string Type)
{
    public int FirstToken { get; init; } = -1;
    public int EndToken { get; init; } = -1;
    /// <summary>DATE: ISO 8601 date, month or year, when the text fixes exactly one.</summary>
    public string? Value { get; init; }
    /// <summary>MONEY: the amount as a number.</summary>
    public decimal? Amount { get; init; }
    /// <summary>MONEY: ISO 4217 code.</summary>
    public string? Currency { get; init; }
    /// <summary>How sure the stage that found it is, in [0, 1]; null where the stage does not say.</summary>
    public double? Confidence { get; init; }
    /// <summary>Which stage produced it ("rules", "tagger"), for evaluation and debugging.</summary>
    public string Source { get; init; } = "rules";
    /// <summary>The canonical entity id (<c>org:nvidia</c>), the same across documents; set by the entity-id stage.</summary>
    public string? EntityId { get; set; }
}

/// <summary>A directed relation between two entities of one document (indices into <see cref="Document.Entities"/>).</summary>
public sealed record Relation(int Head, int Tail, string Type)
{
    public double? Confidence { get; init; }
    /// <summary>The sentence that states it (index into <see cref="Document.Sentences"/>), or -1.</summary>
    public int Sentence { get; init; } = -1;
}
