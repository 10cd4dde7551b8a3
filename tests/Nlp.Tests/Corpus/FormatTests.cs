using Nlp.Corpus;
using Nlp.Corpus.Formats;

namespace Nlp.Tests.Corpus;

public class FormatTests
{
    private static readonly AnnotatedDocument Sample = new("doc-1", new DateOnly(2025, 2, 2),
        "Nvidia 😀 cung cấp DeepSeek R1 từ ngày 30.1 với giá 6 triệu USD tại Mỹ.",
        [
            new(0, 6, "ORG", "Nvidia"), new(19, 30, "PRODUCT", "DeepSeek R1"), new(34, 43, "DATE", "ngày 30.1") { Value = "2025-01-30" },
            new(52, 63, "MONEY", "6 triệu USD") { Amount = 6_000_000, Currency = "USD" }, new(68, 70, "LOCATION", "Mỹ"),
        ],
        [new(0, 1, "OFFERS"), new(1, 3, "COSTS")]);

    private static string Write(Action<TextWriter> write)
    {
        var w = new StringWriter();
        write(w);
        return w.ToString();
    }

    [Fact]
    public void Sample_offsets_are_right() =>
        Assert.All(Sample.Entities, e => Assert.Equal(e.Text, Sample.Text[e.Start..e.End]));

    [Fact]
    public void Doccano_round_trips_with_relations_and_code_point_offsets()
    {
        string doccano = Write(w => DoccanoFormat.Write([Sample], w));
        Assert.Contains("\"start_offset\":18", doccano); // "DeepSeek" after one emoji: 19 UTF-16 units, 18 code points
        var back = DoccanoFormat.Read(new StringReader(doccano), "x").Single();
        Assert.Equal(Sample.Text, back.Text);
        Assert.Equal(Sample.Entities.Select(e => (e.Start, e.End, e.Type)), back.Entities.Select(e => (e.Start, e.End, e.Type)));
        Assert.Equal(Sample.Relations, back.Relations);
        Assert.Equal(Sample.Date, back.Date);
    }

    [Fact]
    public void Label_studio_round_trips_with_relations()
    {
        string json = Write(w => LabelStudioFormat.Write([Sample], w));
        var back = LabelStudioFormat.Read(new StringReader(json), "x").Single();
        Assert.Equal(Sample.Id, back.Id);
        Assert.Equal(Sample.Entities.Select(e => (e.Start, e.End, e.Type, e.Text)), back.Entities.Select(e => (e.Start, e.End, e.Type, e.Text)));
        Assert.Equal(Sample.Relations, back.Relations);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conll_round_trips_entities_and_is_stable(bool fourColumns)
    {
        string conll = Write(w => ConllFormat.Write([Sample], w, fourColumns));
        Assert.Contains(fourColumns ? "DeepSeek _ _ B-PRODUCT" : "DeepSeek\tB-PRODUCT", conll);
        var back = ConllFormat.Read(new StringReader(conll), "x").Single();
        Assert.Equal(Sample.Entities.Select(e => (e.Type, e.Text)), back.Entities.Select(e => (e.Type, e.Text)));
        Assert.All(back.Entities, e => Assert.Equal(e.Text, back.Text[e.Start..e.End]));
        Assert.Equal(conll, Write(w => ConllFormat.Write([back], w, fourColumns)).Replace("-DOCSTART-\tx-1", "-DOCSTART-\tdoc-1"));
    }

    [Fact]
    public void Imported_date_and_money_get_their_values()
    {
        var bare = Sample with { Entities = Sample.Entities.Select(e => e with { Value = null, Amount = null, Currency = null }).ToList() };
        var filled = ValueFiller.Fill(bare);
        Assert.Equal("2025-01-30", filled.Entities[2].Value);
        Assert.Equal(6_000_000m, filled.Entities[3].Amount);
        Assert.Equal("USD", filled.Entities[3].Currency);
    }

    [Fact]
    public void Bad_conll_names_the_line()
    {
        var e = Assert.Throws<FormatException>(() => ConllFormat.Read(new StringReader("Nvidia\tB-ORG\nra\tX-ORG\n"), "bad.conll"));
        Assert.Contains("bad.conll:2", e.Message);
    }
}
