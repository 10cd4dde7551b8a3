using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Corpus.Formats;

/// <summary>
/// Labelling tools hold spans, not values: this gives imported DATE and MONEY spans the value the
/// recognisers compute for exactly that span, using the document's date for the year.
/// </summary>
public static class ValueFiller
{
    private static readonly NlpPipeline Rules = NlpPipeline.CreateRuleBased();

    public static AnnotatedDocument Fill(AnnotatedDocument document)
    {
        if (!document.Entities.Any(e => e.Type is EntityTypes.Date or EntityTypes.Money && e.Value is null && e.Amount is null)) return document;
        var found = AnnotatedDocument.From(Rules.Process(new Document(document.Id, document.Text, document.Date)))
            .Entities.ToDictionary(e => (e.Start, e.End, e.Type));
        var entities = document.Entities.Select(e =>
            e.Value is null && e.Amount is null && found.TryGetValue((e.Start, e.End, e.Type), out var rule)
                ? e with { Value = rule.Value, Amount = rule.Amount, Currency = rule.Currency }
                : e).ToList();
        return document with { Entities = entities };
    }
}
