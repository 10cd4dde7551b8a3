using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Graph;

/// <summary>Gives every entity mention its canonical entity id (see <see cref="EntityResolver"/>).</summary>
public sealed class EntityIdStage(EntityResolver resolver) : IPipelineStage
{
    public string Name => "entity-ids";
    public void Process(Document document) => resolver.Assign(document);
}
