using Nlp.Segmentation;

namespace Nlp.Tests.Segmentation;

/// <summary>A segmenter trained once on a small slice of the treebank, shared by the tests that need one.</summary>
public sealed class SegmenterFixture
{
    public SegmenterFixture()
    {
        var train = Conllu.Read(Path.Combine(RepositoryPaths.Treebank, "train.conllu"));
        var dev = Conllu.Read(Path.Combine(RepositoryPaths.Treebank, "dev.conllu"));
        TrainSlice = train.Take(400).ToList();
        HeldBack = dev.Take(150).ToList();
        Trained = SegmenterTrainer.Train(TrainSlice, new SegmenterTrainingOptions { Seed = 7, KnownWords = KnownWords, Names = Names });
    }

    /// <summary>
    /// A team word list, as <c>--words</c> gives one. "quỹ hưu" is not Vietnamese and never occurs in the
    /// treebank: only the list can teach the model to join it.
    /// </summary>
    public static readonly string[] KnownWords = ["quỹ hưu", "bảo hiểm", "xã hội"];

    /// <summary>Names from the team's name lists, as <c>--names</c> gives them.</summary>
    public static readonly string[] Names = ["thung lũng silicon", "meta platforms"];

    public List<SegmentedSentence> TrainSlice { get; }
    public List<SegmentedSentence> HeldBack { get; }
    public TrainedSegmenter Trained { get; }
}
