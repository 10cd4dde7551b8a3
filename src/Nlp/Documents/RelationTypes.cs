namespace Nlp.Documents;

/// <summary>The relation types of the annotation guidelines, with the entity types each may link.</summary>
public static class RelationTypes
{
    private static readonly Dictionary<string, (string[] Heads, string[] Tails)> Signatures = new(StringComparer.Ordinal)
    {
        ["DEVELOPS"] = ([EntityTypes.Org], [EntityTypes.Product]),
        ["OFFERS"] = ([EntityTypes.Org], [EntityTypes.Product]),
        ["USES"] = ([EntityTypes.Org], [EntityTypes.Product]),
        ["INVESTS_IN"] = ([EntityTypes.Org], [EntityTypes.Org]),
        ["ACQUIRES"] = ([EntityTypes.Org], [EntityTypes.Org]),
        ["PARTNERS_WITH"] = ([EntityTypes.Org], [EntityTypes.Org]),
        ["TRAINED_ON"] = ([EntityTypes.Product], [EntityTypes.Product]),
        ["COSTS"] = ([EntityTypes.Product, EntityTypes.Org], [EntityTypes.Money]),
        ["RELEASED_ON"] = ([EntityTypes.Product], [EntityTypes.Date]),
        ["WORKS_FOR"] = ([EntityTypes.Person], [EntityTypes.Org]),
        ["LOCATED_IN"] = ([EntityTypes.Org], [EntityTypes.Location]),
        ["REGULATES"] = ([EntityTypes.Org], [EntityTypes.Org, EntityTypes.Product]),
    };

    public static IReadOnlyCollection<string> All => Signatures.Keys;

    public static bool IsKnown(string type) => Signatures.ContainsKey(type);

    /// <summary>Can a relation of this type go from an entity of type head to one of type tail?</summary>
    public static bool Allows(string type, string head, string tail) =>
        Signatures.TryGetValue(type, out var s) && s.Heads.Contains(head) && s.Tails.Contains(tail);
}
