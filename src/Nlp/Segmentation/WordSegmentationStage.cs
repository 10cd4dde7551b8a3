using Nlp.Documents;
using Nlp.Pipeline;

namespace Nlp.Segmentation;

/// <summary>Groups each sentence's syllable tokens into words with the trained segmenter.</summary>
public sealed class WordSegmentationStage(SegmenterModel model) : IPipelineStage
{
    public string Name => "segment";

    public void Process(Document document)
    {
        document.Words.Clear();
        foreach (var sentence in document.Sentences)
            model.Segment(document, sentence.FirstToken, sentence.EndToken, document.Words);
    }
}
