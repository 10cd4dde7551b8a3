using Nlp.Documents;
using Nlp.Input;

namespace Nlp.Pipeline;

/// <summary>The outcome for one input item: a processed document, or the error that stopped it.</summary>
public readonly record struct BatchItem(Document? Document, InputError? Error);

/// <summary>
/// Runs a pipeline over a stream of input items in parallel, one document per worker at a time,
/// and yields results in input order. A document that fails is reported in its place; the batch goes on.
/// </summary>
public sealed class BatchRunner(NlpPipeline pipeline, int threads)
{
    public IEnumerable<BatchItem> Run(IEnumerable<InputItem> items) =>
        items.AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, threads))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(Process);

    private BatchItem Process(InputItem item)
    {
        if (item.Document is not SourceDocument source) return new BatchItem(null, item.Error);
        try
        {
            var document = new Document(source.Id, source.Text, source.Date) { Title = source.Title, Url = source.Url };
            return new BatchItem(pipeline.Process(document), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new BatchItem(null, new InputError(source.File, source.Line, $"document '{source.Id}' failed: {e.GetType().Name}: {e.Message}"));
        }
    }
}

/// <summary>Counts for the closing summary of a run.</summary>
public sealed class BatchStatistics
{
    public int Documents { get; private set; }
    public int Failed { get; private set; }
    public long Syllables { get; private set; }
    public SortedDictionary<string, int> EntitiesByType { get; } = new(StringComparer.Ordinal);

    public void Add(BatchItem item)
    {
        if (item.Document is not Document document) { Failed++; return; }
        Documents++;
        foreach (var token in document.Tokens) if (token.IsSyllable) Syllables++;
        foreach (var entity in document.Entities)
            EntitiesByType[entity.Type] = EntitiesByType.GetValueOrDefault(entity.Type) + 1;
    }
}
