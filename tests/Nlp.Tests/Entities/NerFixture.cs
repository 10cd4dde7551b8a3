using Nlp.Corpus;
using Nlp.Entities;
using Nlp.Segmentation;

namespace Nlp.Tests.Entities;

/// <summary>A tagger trained once on a slice of the training corpus; held-back paragraphs come from dev.</summary>
public sealed class NerFixture
{
    public NerFixture()
    {
        var (train, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "train.jsonl"));
        var (dev, _) = AnnotatedJsonl.Read(Path.Combine(RepositoryPaths.Root, "data", "corpus", "dev.jsonl"));
        Segmenter = SegmenterModel.Load(Path.Combine(RepositoryPaths.Models, "segmenter.zip"));
        Gazetteer = Gazetteer.Load(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "data", "gazetteers"), "*.tsv"));
        TrainSlice = train.Take(200).ToList();
        HeldBack = dev.Take(50).ToList();
        Trained = NerTrainer.Train(TrainSlice, Options, Gazetteer, Segmenter);
    }

    public static Nlp.Training.SparseTrainingOptions Options { get; } = new() { Seed = 5, Iterations = 60 };
    public SegmenterModel Segmenter { get; }
    public Gazetteer Gazetteer { get; }
    public List<AnnotatedDocument> TrainSlice { get; }
    public List<AnnotatedDocument> HeldBack { get; }
    public TrainedNer Trained { get; }
}
