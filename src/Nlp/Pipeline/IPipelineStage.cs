using Nlp.Documents;

namespace Nlp.Pipeline;

/// <summary>
/// One component of the pipeline. A stage reads the layers earlier stages left on the document
/// and adds its own; it never changes the input text. Stages must be safe to call from several
/// threads at once on different documents.
/// </summary>
public interface IPipelineStage
{
    string Name { get; }
    void Process(Document document);
}
