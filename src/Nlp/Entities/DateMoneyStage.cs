using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Entities;

/// <summary>
/// The rule-based recognisers for DATE and MONEY, run sentence by sentence. MONEY is tried first at
/// each token so that <c>1.5 triệu USD</c> is never read as a date. These rules are the span of record
/// for both types until a trained tagger proves better, and the source of their values.
/// </summary>
public sealed class DateMoneyStage : IPipelineStage
{
    public string Name => "date-money";

    public void Process(Document document)
    {
        int? year = document.Date?.Year;
        foreach (var sentence in document.Sentences)
        {
            var w = new TokenWindow(document, sentence);
            for (int k = sentence.FirstToken; k < sentence.EndToken;)
            {
                int end = MoneyRecognizer.Match(w, k, out decimal amount, out string currency);
                if (end > k)
                {
                    document.Entities.Add(Create(document, k, end, EntityTypes.Money) with { Amount = amount, Currency = currency });
                    k = end;
                    continue;
                }
                end = DateRecognizer.Match(w, k, year, out string? value);
                if (end > k)
                {
                    document.Entities.Add(Create(document, k, end, EntityTypes.Date) with { Value = value });
                    k = end;
                    continue;
                }
                k++;
            }
        }
    }

    private static Entity Create(Document document, int first, int end, string type) =>
        new(document.Tokens[first].Start, document.Tokens[end - 1].End, type) { FirstToken = first, EndToken = end, Source = "rules" };
}
