using System.IO.Compression;

namespace Nlp.Tests.Cli;

public class TrainSegmenterCommandTests
{
    private const string Treebank = "# sent_id = 1\n1\tCông ty\t_\n2\tđóng\t_\n3\tquỹ\t_\n4\thưu\t_\n5\tcho\t_\n6\tngười lao động\t_\n\n"
        + "# sent_id = 2\n1\tNgười lao động\t_\n2\tnhận\t_\n3\tbảo hiểm\t_\n4\txã hội\t_\n\n";

    /// <summary>Trains on the small treebank above in <paramref name="dir"/>, with <paramref name="words"/> as words.txt when given.</summary>
    private static VnlpProcess.Result Train(TempFolder dir, string? words, string wordsArgument = "words.txt")
    {
        dir.File("tb/train.conllu", Treebank);
        if (words is null) return VnlpProcess.Run(dir.Path, "train", "segmenter", "--data", "tb", "--out", "seg.zip");
        dir.File("words.txt", words);
        dir.File("names/places.tsv", "name\ttype\taliases\nThung lũng Silicon\tLOCATION\tSilicon Valley\nMỹ\tLOCATION\t\n");
        return VnlpProcess.Run(dir.Path, "train", "segmenter", "--data", "tb", "--words", wordsArgument, "--names", "names", "--out", "seg.zip");
    }

    [Fact]
    public void The_team_word_list_is_read_into_the_model()
    {
        using var dir = new TempFolder();
        var run = Train(dir, "# team words\nquỹ hưu\nbảo hiểm\n");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("read 2 known words from words.txt", run.Stderr);
        using var zip = ZipFile.OpenRead(Path.Combine(dir.Path, "seg.zip"));
        using var reader = new StreamReader(zip.GetEntry("vnlp/segmenter.json")!.Open());
        var metadata = Newtonsoft.Json.Linq.JObject.Parse(reader.ReadToEnd());
        // "bảo hiểm" is in the treebank too: saved with the learned words, the team's list keeps the rest.
        Assert.Equal(["quỹ hưu"], metadata["knownWords"]!.Select(w => (string)w!));
        Assert.Contains("bảo hiểm", metadata["words"]!.Select(w => (string)w!));
        // Names of 2-4 syllables from the name lists, aliases included; one-syllable names are no words to join.
        Assert.Equal(["silicon valley", "thung lũng silicon"], metadata["names"]!.Select(w => (string)w!));
    }

    [Fact]
    public void A_folder_of_word_lists_is_read_whole_and_other_files_in_it_are_left_alone()
    {
        using var dir = new TempFolder();
        dir.File("lists/general.txt", "quỹ hưu\n");
        dir.File("lists/tech.txt", "# technology\nmã nguồn\nquỹ hưu\n");
        dir.File("lists/README.md", "not a list\n");
        var run = Train(dir, "", wordsArgument: "lists");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("read 1 known words from lists/general.txt", run.Stderr.Replace('\\', '/'));
        Assert.Contains("read 2 known words from lists/tech.txt", run.Stderr.Replace('\\', '/'));
        using var zip = ZipFile.OpenRead(Path.Combine(dir.Path, "seg.zip"));
        using var reader = new StreamReader(zip.GetEntry("vnlp/segmenter.json")!.Open());
        var metadata = Newtonsoft.Json.Linq.JObject.Parse(reader.ReadToEnd());
        Assert.Equal(["mã nguồn", "quỹ hưu"], metadata["knownWords"]!.Select(w => (string)w!));
    }

    [Fact]
    public void A_bad_line_in_the_word_list_is_named_and_nothing_is_written()
    {
        using var dir = new TempFolder();
        var run = Train(dir, "quỹ hưu\nhưu\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("words.txt:2:", run.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "seg.zip")));

        var missing = Train(dir, "quỹ hưu\n", wordsArgument: "nope.txt");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.txt", missing.Stderr);
    }

    [Fact]
    public void Without_the_default_list_training_warns_and_goes_on()
    {
        using var dir = new TempFolder();
        var run = Train(dir, words: null);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("no team word list at data/words", run.Stderr);
        Assert.Contains("no name lists at data/gazetteers", run.Stderr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "seg.zip")));
    }
}
