using Nlp.Documents;
using Nlp.Entities;
using Nlp.Text;
using Nlp.Tokenization;

namespace Nlp.Pipeline;

/// <summary>An ordered list of stages: each document goes through all of them, in order.</summary>
public sealed class NlpPipeline
{
    public NlpPipeline(IEnumerable<IPipelineStage> stages) => Stages = stages.ToArray();

    public IReadOnlyList<IPipelineStage> Stages { get; }

    /// <summary>Normalise, tokenize, split sentences and recognise DATE and MONEY: the rule-based spine.</summary>
    public static NlpPipeline CreateRuleBased() => new(RuleBasedStages());

    public static IEnumerable<IPipelineStage> RuleBasedStages() =>
    [
        new NormalizeStage(),
        new TokenizeStage(),
        new SentenceSplitter(),
        new DateMoneyStage(),
    ];

    public Document Process(Document document)
    {
        foreach (var stage in Stages) stage.Process(document);
        return document;
    }

    public Document Process(string id, string text, DateOnly? date = null) => Process(new Document(id, text, date));
}

/// <summary>Unicode NFC and Vietnamese spelling normalisation, keeping the map to input offsets.</summary>
public sealed class NormalizeStage : IPipelineStage
{
    public string Name => "normalize";
    public void Process(Document document) => document.Normalized = TextNormalizer.Normalize(document.Text);
}

public sealed class TokenizeStage : IPipelineStage
{
    public string Name => "tokenize";
    public void Process(Document document)
    {
        document.Tokens.Clear();
        TokenScanner.Tokenize(document.Normalized.Text, document.Tokens);
    }
}
