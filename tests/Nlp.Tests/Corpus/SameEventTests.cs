using Nlp.Corpus;
using Nlp.Tests.Cli;

namespace Nlp.Tests.Corpus;

public class SameEventTests
{
    private static AnnotatedDocument Doc(string id, string text, params (string Surface, string Type)[] entities) =>
        new(id, new DateOnly(2025, 3, 1), text, [.. entities.Select(e => new AnnotatedEntity(text.IndexOf(e.Surface, StringComparison.Ordinal), text.IndexOf(e.Surface, StringComparison.Ordinal) + e.Surface.Length, e.Type, e.Surface))], []);

    private static readonly AnnotatedDocument Deal = Doc("t-1", "Google mua lại Wiz với giá 32 tỷ USD, thương vụ lớn nhất của Alphabet.",
        ("Google", "ORG"), ("Wiz", "ORG"), ("32 tỷ USD", "MONEY"), ("Alphabet", "ORG"));

    [Fact]
    public void Another_telling_of_the_same_deal_is_the_same_event()
    {
        var retold = Doc("e-1", "Thương vụ 32 tỷ USD giúp Google có thêm Wiz, công ty bảo mật đám mây thành lập ở Israel.",
            ("32 tỷ USD", "MONEY"), ("Google", "ORG"), ("Wiz", "ORG"), ("Israel", "LOCATION"));
        Assert.True(new SameEvent(retold).Matches(new SameEvent(Deal)));
    }

    [Fact]
    public void The_same_companies_in_another_story_are_not_the_same_event()
    {
        var other = Doc("e-2", "Google và Wiz cùng trình diễn công cụ quét lỗ hổng tại hội nghị ở Las Vegas.",
            ("Google", "ORG"), ("Wiz", "ORG"), ("Las Vegas", "LOCATION"));
        var sameAmountElsewhere = Doc("e-3", "Quỹ đầu tư của Nhật Bản cam kết 32 tỷ USD cho các nhà máy chip.",
            ("Nhật Bản", "LOCATION"), ("32 tỷ USD", "MONEY"));
        Assert.False(new SameEvent(other).Matches(new SameEvent(Deal)));
        Assert.False(new SameEvent(sameAmountElsewhere).Matches(new SameEvent(Deal)));
    }

    [Fact]
    public void Shared_wording_alone_makes_the_same_event()
    {
        var copied = Doc("e-4", "Google mua lại Wiz với giá 32 tỷ USD, thương vụ lớn nhất của hãng.");
        Assert.True(new SameEvent(copied).Matches(new SameEvent(Deal)));
    }

    [Fact]
    public void The_overlap_command_lists_retold_events_and_writes_the_novel_paragraphs()
    {
        using var dir = new TempFolder();
        dir.File("train.jsonl", """
            {"id":"t-1","date":"2025-03-01","text":"Google mua lại Wiz với giá 32 tỷ USD.","entities":[{"start":0,"end":6,"type":"ORG","text":"Google"},{"start":15,"end":18,"type":"ORG","text":"Wiz"},{"start":27,"end":36,"type":"MONEY","text":"32 tỷ USD","amount":32000000000,"currency":"USD"}],"relations":[]}

            """.Replace("\r", ""));
        dir.File("eval.jsonl", """
            {"id":"e-1","date":"2025-03-02","text":"Thương vụ 32 tỷ USD giúp Google có thêm Wiz.","entities":[{"start":10,"end":19,"type":"MONEY","text":"32 tỷ USD","amount":32000000000,"currency":"USD"},{"start":25,"end":31,"type":"ORG","text":"Google"},{"start":40,"end":43,"type":"ORG","text":"Wiz"}],"relations":[]}
            {"id":"e-2","date":"2025-03-02","text":"VinFast mở showroom tại Jakarta.","entities":[{"start":0,"end":7,"type":"ORG","text":"VinFast"},{"start":24,"end":31,"type":"LOCATION","text":"Jakarta"}],"relations":[]}

            """.Replace("\r", ""));

        var run = VnlpProcess.Run(dir.Path, "corpus", "overlap", "eval.jsonl", "--train", "train.jsonl", "-o", "novel.jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("e-1\tsame event as t-1\n", run.Stdout.Replace("\r", ""));
        Assert.Contains("1 of 2 paragraphs", run.Stderr);
        var novel = File.ReadAllLines(Path.Combine(dir.Path, "novel.jsonl"));
        Assert.Single(novel);
        Assert.StartsWith("{\"id\":\"e-2\"", novel[0]);
    }

    [Fact]
    public void The_overlap_command_stops_on_a_missing_training_file()
    {
        using var dir = new TempFolder();
        dir.File("eval.jsonl", "{\"id\":\"e-2\",\"text\":\"VinFast mở showroom.\",\"entities\":[],\"relations\":[]}\n");
        var run = VnlpProcess.Run(dir.Path, "corpus", "overlap", "eval.jsonl", "--train", "nope.jsonl");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--train 'nope.jsonl' does not exist", run.Stderr);
    }
}
