using Microsoft.ML;
using Microsoft.ML.Data;
using Nlp.Documents;
using Nlp.Pipeline;
using Nlp.Segmentation;
using Nlp.Tests.Cli;

namespace Nlp.Tests.Segmentation;

public class SegmenterTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>
{
    [Fact]
    public void Reads_multi_syllable_words_from_the_treebank()
    {
        var first = fixture.TrainSlice[0];
        Assert.Contains(first.Words, w => string.Join(' ', w) == "chủ tịch");
        Assert.Contains(first.Words, w => string.Join(' ', w) == "Bùi Văn Luyến");
    }

    [Fact]
    public void A_model_trained_on_a_slice_beats_one_word_per_syllable_on_held_back_sentences()
    {
        var model = SegmentationScore.Evaluate(fixture.Trained.Model, fixture.HeldBack);
        var baseline = new SegmentationScore();
        foreach (var s in fixture.HeldBack) baseline.Add(s, new bool[Math.Max(0, s.SyllableCount - 1)]);
        Assert.True(model.F1 > baseline.F1 + 0.08, $"model F1 {model.F1:0.000} vs baseline {baseline.F1:0.000}");
        Assert.True(model.F1 > 0.82, $"model F1 {model.F1:0.000}");
    }

    [Fact]
    public void The_fast_scorer_decides_exactly_as_the_ML_NET_model()
    {
        var ml = new MLContext(seed: 1);
        var examples = SegmenterTrainer.Examples(fixture.HeldBack, fixture.Trained.Model.WordList).ToList();
        var scored = fixture.Trained.Transformer.Transform(ml.Data.LoadFromEnumerable(examples));
        float threshold = fixture.Trained.Model.JoinThreshold;
        var mlNet = scored.GetColumn<float>("Score").Select(score => score > threshold).ToList();

        var fast = new List<bool>();
        fixture.Trained.Model.KeepNamesWhole = false; // the classifier alone, as ML.NET has it
        foreach (var sentence in fixture.HeldBack)
        {
            var syllables = sentence.Syllables.ToArray();
            var joins = fixture.Trained.Model.Joins(syllables);
            for (int i = 0; i < syllables.Length - 1; i++)
                if (SegmenterModel.IsClassified(syllables[i], SegmenterFeatures.KindOf(syllables[i]), syllables[i + 1], SegmenterFeatures.KindOf(syllables[i + 1])))
                    fast.Add(joins[i]);
        }
        fixture.Trained.Model.KeepNamesWhole = true;
        Assert.Equal(mlNet.Count, fast.Count);
        Assert.Equal(mlNet, fast);
    }

    [Fact]
    public void The_name_pass_keeps_adjacent_capitalised_syllables_together()
    {
        var model = fixture.Trained.Model;
        var joins = model.Joins(["ông", "Zyxwa", "Qorvendel", "nói"]);
        Assert.True(joins[1], "an unseen name stays one word");
        // At a sentence's start the capital may only mark the sentence: the classifier decides alone there.
        var withPass = model.Joins(["Zyxwa", "Qorvendel", "nói"]);
        model.KeepNamesWhole = false;
        var classifierOnly = model.Joins(["Zyxwa", "Qorvendel", "nói"]);
        model.KeepNamesWhole = true;
        Assert.Equal(classifierOnly[0], withPass[0]);
    }

    [Fact]
    public void Saving_and_loading_gives_the_same_predictions()
    {
        string path = Path.Combine(Path.GetTempPath(), $"vnlp-seg-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Trained.Save(path);
            var loaded = SegmenterModel.Load(path);
            Assert.Equal(fixture.Trained.Model.JoinThreshold, loaded.JoinThreshold);
            Assert.Equal(fixture.Trained.Model.WordList!.Learned, loaded.WordList!.Learned);
            Assert.Equal(fixture.Trained.Model.WordList.Known, loaded.WordList.Known);
            Assert.Contains("quỹ hưu", loaded.WordList.Known);
            Assert.Equal(SegmenterFixture.Names.Order(StringComparer.Ordinal), loaded.Names);
            Assert.True(loaded.WordList.Count > 300, $"{loaded.WordList.Count} words");
            foreach (var s in fixture.HeldBack.Take(50))
                Assert.Equal(fixture.Trained.Model.Joins(s.Syllables.ToArray()), loaded.Joins(s.Syllables.ToArray()));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Training_again_with_the_same_data_and_seed_gives_the_same_predictions()
    {
        var again = SegmenterTrainer.Train(fixture.TrainSlice, new SegmenterTrainingOptions { Seed = 7 });
        foreach (var s in fixture.HeldBack)
            Assert.Equal(fixture.Trained.Model.Joins(s.Syllables.ToArray()), again.Model.Joins(s.Syllables.ToArray()));
    }

    [Theory]
    [InlineData("Công ty khởi nghiệp có trụ sở tại Hàng Châu (Trung Quốc), theo Reuters.")]
    [InlineData("Giá 29,99 USD/tháng; TP.HCM, v.v. \"GPT-4o\" 😀 và Copilot+!")]
    [InlineData("")]
    [InlineData("   ")]
    public void Words_cover_every_token_once_in_order(string text)
    {
        var pipeline = new NlpPipeline(NlpPipeline.RuleBasedStages().Append(new WordSegmentationStage(fixture.Trained.Model)));
        var d = pipeline.Process("t", text);
        int next = 0;
        foreach (var word in d.Words)
        {
            Assert.Equal(next, word.FirstToken);
            Assert.True(word.EndToken > word.FirstToken);
            for (int t = word.FirstToken + 1; t < word.EndToken; t++)
                Assert.True(SegmenterModel.IsClassified(d.TextOf(d.Tokens[t - 1]), d.Tokens[t - 1].Kind, d.TextOf(d.Tokens[t]), d.Tokens[t].Kind));
            next = word.EndToken;
        }
        Assert.Equal(d.Tokens.Count, next);
    }

    [Fact]
    public void Cross_validation_scores_every_sentence_once()
    {
        var sentences = fixture.TrainSlice.Take(120).ToList();
        var results = CrossValidation.Run(sentences, 3, new SegmenterTrainingOptions { Seed = 3 });
        Assert.Equal(3, results.Count);
        Assert.Equal(sentences.Count, results.Sum(r => r.TestSentences));
        Assert.All(results, r => Assert.Equal(sentences.Count - r.TestSentences, r.TrainSentences));
        Assert.Equal(sentences.Sum(s => s.Words.Count), results.Sum(r => r.Score.Gold));
    }

    [Fact]
    public void Scores_match_a_hand_computed_example()
    {
        var gold = new SegmentedSentence("x", [["công", "ty"], ["khởi", "nghiệp"], ["mới"]]);
        var score = new SegmentationScore();
        score.Add(gold, [true, false, false, false]); // công_ty khởi nghiệp mới
        Assert.Equal(3, score.Gold);
        Assert.Equal(4, score.Predicted);
        Assert.Equal(2, score.Correct);
        Assert.Equal(2 * (0.5 * 2.0 / 3) / (0.5 + 2.0 / 3), score.F1, 6);
    }

    [Fact]
    public void Word_list_evidence_marks_covering_words_and_greedy_matches()
    {
        // Syllables: a b c d e; known words: "a b", "b c d", "d e".
        var words = new SegmenterWordList(["a b", "b c d", "d e"]);
        var atoms = SegmenterFeatures.Atoms(["a", "b", "c", "d", "e"], [.. Enumerable.Repeat(Nlp.Documents.TokenKind.Word, 5)], words);
        // Boundary a|b: inside "a b" (length 2, position 0: bit 0). b|c: "b c d" position 0 (bit 1). c|d: "b c d" position 1 (bit 2).
        // d|e: "d e" (bit 0).
        Assert.Equal(["w1", "w2", "w4", "w1"], atoms.Covers!);
        // Forward longest match reads [a b] [c] [d e]; backward, from the end, takes "d e", then c, then "a b": both join a|b and d|e.
        Assert.Equal(["g3", "g0", "g0", "g3"], atoms.Greedy!);
    }

    [Fact]
    public void Listed_names_written_with_a_capital_stay_one_word()
    {
        var model = fixture.Trained.Model;
        // Inside a sentence, with a lower-case syllable in the middle.
        var valley = model.Joins(["làm", "việc", "tại", "Thung", "lũng", "Silicon", "từ", "năm", "2019"]);
        Assert.True(valley[3] && valley[4], "Thung lũng Silicon is one word");
        Assert.False(valley[5], "the name ends where the list's name ends");
        // At the start of a sentence, where capitals alone do not make a name.
        Assert.True(model.Joins(["Meta", "Platforms", "cho", "biết"])[0]);
        // Not a name when written in lower case.
        Assert.False(model.Joins(["ở", "thung", "lũng", "silicon"])[2]);
    }

    [Fact]
    public void Known_words_are_read_normalised_and_bad_lines_name_their_line()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "list.txt");
        // Decomposed input, the other tone-mark style, capitals, a comment, a blank line and a repeat.
        File.WriteAllLines(path, ["# a comment", "ho\u0300a bi\u0300nh".Normalize(System.Text.NormalizationForm.FormD), "", "Công  Ty", "công ty", "thuỷ điện"]);
        // Read as form atoms: one tone-mark style, one i/y spelling (ty and ti), lower case.
        Assert.Equal(["hòa bình", "công ti", "thủy điện"], SegmenterWordList.ReadKnownWords(path));

        File.WriteAllLines(path, ["công ty", "xe"]);
        var single = Assert.Throws<InvalidDataException>(() => SegmenterWordList.ReadKnownWords(path));
        Assert.Contains($"{path}:2:", single.Message);
        File.WriteAllLines(path, ["công ty", "", "mạng 5g"]);
        var digits = Assert.Throws<InvalidDataException>(() => SegmenterWordList.ReadKnownWords(path));
        Assert.Contains($"{path}:3:", digits.Message);
    }

    [Fact]
    public void Family_names_are_read_as_form_atoms_and_a_line_of_two_syllables_names_its_line()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "list.txt");
        File.WriteAllLines(path, ["# họ", "Nguyễn", "", "LÝ", "Trịnh"]);
        Assert.Equal(["nguyễn", "lí", "trịnh"], SegmenterWordList.ReadFamilyNames(path));
        File.WriteAllLines(path, ["Nguyễn", "Âu Dương"]);
        var two = Assert.Throws<InvalidDataException>(() => SegmenterWordList.ReadFamilyNames(path));
        Assert.Contains($"{path}:2:", two.Message);
        Assert.Contains("a family name has 1", two.Message);
    }

    [Fact]
    public void Treebank_syllables_are_read_as_the_pipeline_normalises_text()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "train.conllu");
        File.WriteAllText(path, "# sent_id = 1\n1\tHoà bình\t_\n2\tthuỷ\t_\n\n");
        var sentence = Assert.Single(Conllu.Read(path));
        Assert.Equal(["Hòa", "bình", "thủy"], sentence.Syllables);
    }

    [Fact]
    public void Known_words_reach_the_model_and_join_syllables_it_never_saw_together()
    {
        // The fixture's model was trained with the team words; this one without.
        var plain = SegmenterTrainer.Train(fixture.TrainSlice, new SegmenterTrainingOptions { Seed = 7 });
        Assert.Equal(WordSource.Known, fixture.Trained.Model.WordList!.Source(["quỹ", "hưu"], 0, 2));
        Assert.Equal(WordSource.None, plain.Model.WordList!.Source(["quỹ", "hưu"], 0, 2));
        string[] sentence = ["người", "dân", "đóng", "quỹ", "hưu", "hằng", "tháng"];
        Assert.False(plain.Model.Joins(sentence)[3]);
        Assert.True(fixture.Trained.Model.Joins(sentence)[3]);
    }

    [Theory]
    [InlineData("công", "ty", true)]
    [InlineData("25", ".", true)]
    [InlineData(".", "000", true)]
    [InlineData("TP", ".", true)]
    [InlineData("10", "-", false)]
    [InlineData("–", "2004", false)]
    [InlineData("100", "%", false)]
    [InlineData("Nội", ",", false)]
    [InlineData(".", ".", false)]
    [InlineData("(", "Trung", false)]
    public void The_classifier_decides_between_syllables_and_at_a_full_stop_beside_one(string left, string right, bool classified)
    {
        Assert.Equal(classified, SegmenterModel.IsClassified(left, SegmenterFeatures.KindOf(left), right, SegmenterFeatures.KindOf(right)));
    }

    [Fact]
    public void A_word_learned_in_one_i_y_spelling_is_known_in_the_other()
    {
        // The list has "quỹ hưu"; text may write "quĩ hưu". Both are one word to the model.
        Assert.Equal(WordSource.Known, fixture.Trained.Model.WordList!.Source(["quỹ", "hưu"], 0, 2));
        Assert.True(fixture.Trained.Model.Joins(["người", "dân", "đóng", "quĩ", "hưu", "hằng", "tháng"])[3]);
        Assert.True(fixture.Trained.Model.Joins(["người", "dân", "đóng", "QUĨ", "HƯU", "hằng", "tháng"])[3]);
    }
}

/// <summary>The model shipped in models/ does what the README says it does.</summary>
public class ShippedSegmenterTests
{
    private static readonly Lazy<SegmenterModel> Model = new(() => SegmenterModel.Load(Path.Combine(RepositoryPaths.Models, "segmenter.zip")));

    [Theory]
    [InlineData("Công ty khởi nghiệp có trụ sở tại Hàng Châu.", "Công_ty khởi_nghiệp có trụ_sở tại Hàng_Châu .")]
    [InlineData("Ông Bùi Văn Luyến là chủ tịch xã.", "Ông Bùi_Văn_Luyến là chủ_tịch xã .")]
    [InlineData("Meta Platforms và Counterpoint Research có văn phòng ở Thung lũng Silicon.", "Meta_Platforms và Counterpoint_Research có văn_phòng ở Thung_lũng_Silicon .")]
    [InlineData("Công ty khởi nghiệp có trụ sở tại Hàng Châu đã phát triển mô hình lý luận mới.", "Công_ty khởi_nghiệp có trụ_sở tại Hàng_Châu đã phát_triển mô_hình lý_luận mới .")]
    // A family name starts the sentence: a person's name, kept whole; any other first word keeps its capital for the sentence alone.
    [InlineData("Trịnh Quốc Khánh cho biết công ty sẽ mở rộng.", "Trịnh_Quốc_Khánh cho biết công_ty sẽ mở_rộng .")]
    [InlineData("Lê Hoàng Zyxwa đã đến Hà Nội.", "Lê_Hoàng_Zyxwa đã đến Hà_Nội .")]
    [InlineData("Tại Hà Nội, giá điện tăng.", "Tại Hà_Nội , giá điện tăng .")]
    public void Segments_common_words_and_names(string text, string expected)
    {
        var d = new NlpPipeline(NlpPipeline.RuleBasedStages().Append(new WordSegmentationStage(Model.Value))).Process("t", text);
        var writer = new StringWriter();
        Nlp.Output.SegmentedText.Write(d, writer);
        Assert.Equal(expected + "\n", writer.ToString());
    }

    [Fact]
    public void Keeps_a_number_written_with_the_treebanks_spaces_one_word_but_not_the_sentences_stop()
    {
        // Treebank sentences come whole, with spaces around every mark; running text writes 25.000, one token.
        var joins = Model.Value.Joins(["giá", "là", "25", ".", "000", "đồng", "."]);
        Assert.True(joins[2] && joins[3], "25 . 000 is one word");
        Assert.False(joins[4] || joins[5], "the number, the noun and the stop are three words");
    }
}
