using Nlp.Pipeline;

namespace Nlp.Cli.Commands;

/// <summary>The pipeline the commands run by default.</summary>
internal static class PipelineFactory
{
    public static NlpPipeline CreateDefault() => NlpPipeline.CreateRuleBased();
}
