using Nlp.Documents;
using Nlp.Input;

namespace Nlp.Pipeline;

/// <summary>The outcome for one input item: a processed document, or the error that stopped it.</summary>
public readonly record struct BatchItem(Document? Document, InputError? Error);

/// <summary>The outcome for one input item when the worker also turns the document into something else.</summary>
public readonly record struct BatchResult<T>(T? Value, InputError? Error);

/// <summary>
/// Runs a pipeline over a stream of input items in parallel, one document per worker at a time,
/// and yields results in input order. A document that fails is reported in its place; the batch goes on.
/// Documents that arrive with their entities and relations (extract output) go through
/// <paramref name="annotated"/> instead, when given: they need no tagging again.
/// </summary>
public sealed class BatchRunner(Lazy<NlpPipeline> pipeline, int threads, NlpPipeline? annotated = null)
{
    public BatchRunner(NlpPipeline pipeline, int threads, NlpPipeline? annotated = null) : this(new Lazy<NlpPipeline>(pipeline), threads, annotated) { }

    public IEnumerable<BatchItem> Run(IEnumerable<InputItem> items) =>
        Run(items, (document, _) => document).Select(r => new BatchItem(r.Value, r.Error));

    /// <summary>Processes each document and projects it on the worker thread (so the projection runs in parallel too).</summary>
    public IEnumerable<BatchResult<T>> Run<T>(IEnumerable<InputItem> items, Func<Document, SourceDocument, T> project) =>
        items.AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, threads))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(item => Process(item, project));

    private BatchResult<T> Process<T>(InputItem item, Func<Document, SourceDocument, T> project)
    {
        if (item.Document is not SourceDocument source) return new BatchResult<T>(default, item.Error);
        try
        {
            var stages = source.Annotations is not null && annotated is not null ? annotated : pipeline.Value;
            var document = new Document(source.Id, source.Text, source.Date) { Title = source.Title, Url = source.Url };
            return new BatchResult<T>(project(stages.Process(document), source), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new BatchResult<T>(default, new InputError(source.File, source.Line, $"document '{source.Id}' failed: {e.GetType().Name}: {e.Message}"));
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
