using System.ComponentModel;
using System.Globalization;
using Nlp.Evaluation;
using Nlp.Graph;
using Spectre.Console.Cli;

namespace Nlp.Cli.Commands;

public sealed class EvaluateClustersSettings : CommandSettings
{
    [CommandOption("--gold <FILE>")]
    [Description("Gold mention clusters, TSV: cluster, document, start, end, type, text. Default: data/eval/dev-entity-clusters.tsv.")]
    public string Gold { get; init; } = "data/eval/dev-entity-clusters.tsv";

    [CommandOption("--corpus <FILE>")]
    [Description("The annotated JSONL whose entities the clusters group. Default: data/corpus/dev.jsonl.")]
    public string Corpus { get; init; } = "data/corpus/dev.jsonl";

    [CommandOption("--aliases <FILE>")]
    [Description("A user alias file, as for vnlp graph.")]
    public string? Aliases { get; init; }

    [CommandOption("--errors")]
    [Description("List every split and every wrong merge.")]
    public bool Errors { get; init; }
}

/// <summary><c>vnlp evaluate clusters</c>: how well entity ids merge mentions of the same entity and keep others apart.</summary>
public sealed class EvaluateClustersCommand : Command<EvaluateClustersSettings>
{
    public override int Execute(CommandContext context, EvaluateClustersSettings settings, CancellationToken cancellation)
    {
        if (!File.Exists(settings.Gold)) throw new UsageException($"--gold '{settings.Gold}' does not exist");
        var documents = Gold.Read(settings.Corpus, "--corpus");
        var resolver = new EntityResolver(PipelineFactory.Gazetteer, PipelineFactory.ReadAliases(settings.Aliases));
        var result = ClusterEvaluation.Evaluate(documents, ClusterEvaluation.ReadGold(settings.Gold), resolver);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Mentions} mentions; same entity, same id: {result.SameEntitySameId:P2} of {result.MentionsInSharedClusters} mentions of entities mentioned more than once; ids merging different entities: {result.IdsMergingDifferentEntities:P2} of {result.Ids} ids"));
        if (settings.Errors) foreach (var e in result.Errors.Order(StringComparer.Ordinal)) Console.Out.WriteLine(e);
        return VnlpApp.Success;
    }
}
