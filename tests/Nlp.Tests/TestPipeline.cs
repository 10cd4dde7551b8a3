using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Tests;

internal static class TestPipeline
{
    public static readonly NlpPipeline Rules = NlpPipeline.CreateRuleBased();
    public static readonly DateOnly ArticleDate = new(2025, 2, 2);

    public static Document Run(string text, DateOnly? date = null) => Rules.Process("test", text, date ?? ArticleDate);

    public static string InputText(Document d, Entity e)
    {
        var (s, end) = d.ToInput(e.Start, e.End);
        return d.Text[s..end];
    }
}
