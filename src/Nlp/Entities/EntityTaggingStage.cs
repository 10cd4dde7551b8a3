using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Entities;

/// <summary>
/// Runs the trained tagger and merges its entities with those of the DATE/MONEY rules: each type comes
/// from the source that scored better on dev (the model's <see cref="NerMetadata.RuleTypes"/>); where a
/// kept rule entity and a tagger entity overlap, the rule entity stays. Values always come from the rules.
/// </summary>
public sealed class EntityTaggingStage(NerModel model) : IPipelineStage
{
    public string Name => "entities";

    public void Process(Document document)
    {
        string lower = document.Normalized.Text.ToLowerInvariant();
        var rules = document.Entities.Where(e => e.Source == "rules").ToList();
        var ruleTypes = model.Metadata.RuleTypes;
        var kept = rules.Where(e => ruleTypes.Contains(e.Type))
            .Select(e => e with { Confidence = model.Metadata.RuleConfidence.TryGetValue(e.Type, out var c) ? c : null })
            .ToList();

        var tagged = new List<Entity>();
        foreach (var sentence in document.Sentences)
            foreach (var e in model.Tag(document, lower, sentence))
            {
                if (ruleTypes.Contains(e.Type)) continue;
                if (kept.Any(r => r.Start < e.End && e.Start < r.End)) continue;
                // A tagger DATE or MONEY takes its value from a rule entity on the same span, if any.
                var sameSpan = rules.FirstOrDefault(r => r.Start == e.Start && r.End == e.End && r.Type == e.Type);
                tagged.Add(sameSpan is null ? e : e with { Value = sameSpan.Value, Amount = sameSpan.Amount, Currency = sameSpan.Currency });
            }

        document.Entities.Clear();
        document.Entities.AddRange(kept.Concat(tagged).OrderBy(e => e.Start).ThenBy(e => e.End));
    }
}
