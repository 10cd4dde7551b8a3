using System.Text;
using Newtonsoft.Json.Linq;

namespace Nlp.Tests.Cli;

public class ExtractCommandTests
{
    private const string Article = "Nvidia bắt đầu cung cấp DeepSeek R1 từ ngày 30.1. Gói dịch vụ có giá 29,99 USD/tháng.";

    private static List<JObject> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();

    [Fact]
    public void Good_files_are_extracted_and_bad_ones_reported_by_file_and_line()
    {
        using var dir = new TempFolder();
        dir.File("in/a/tin-1.txt", Article);
        dir.File("in/b.md", "# Tiêu đề\n\nViettel đầu tư 1,5 tỷ đồng vào quý III/2025.");
        dir.File("in/c.html", "<html><head><style>p{}</style><script>var x = 'ngày 1.1';</script></head><body><nav>Trang chủ</nav><article><h1>Tin</h1><p>FPT lãi 2.000 tỷ đồng &amp; tăng trưởng.</p></article><footer>Liên hệ</footer></body></html>");
        dir.File("in/d.jsonl", "{\"id\":\"j1\",\"date\":\"2024-06-01\",\"text\":\"Hôm 5.6, Apple công bố.\"}\n{not json}\n{\"id\":\"j3\",\"text\":\"\"}\n{\"id\":\"j4\",\"text\":\"Giá $199.\",\"title\":\"Tin\",\"url\":\"https://example.com/j4\"}\n");
        dir.File("in/empty.txt", "  \n ");
        dir.Bytes("in/binary.txt", [0x41, 0x00, 0x42]);
        dir.Bytes("in/latin1.txt", Encoding.Latin1.GetBytes("dòng một\nGiá cả tăng"));
        dir.File("in/skip.csv", "not an article");
        string output = Path.Combine(dir.Path, "out", "result.jsonl");

        var run = VnlpProcess.Run(dir.Path, "extract", "in", "-o", output, "--date", "2025-02-02");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in/d.jsonl:2: malformed JSON", run.Stderr.Replace('\\', '/'));
        Assert.Contains("in/d.jsonl:3: missing or empty \"text\"", run.Stderr.Replace('\\', '/'));
        Assert.Contains("empty.txt: empty document", run.Stderr);
        Assert.Contains("binary.txt:1: binary data", run.Stderr);
        Assert.Contains("latin1.txt:1: invalid UTF-8", run.Stderr);
        Assert.DoesNotContain("skip.csv", run.Stderr);

        var docs = Lines(File.ReadAllText(output));
        Assert.Equal(["a/tin-1", "b", "c", "j1", "j4"], docs.Select(d => (string)d["id"]!));
        var first = docs[0];
        Assert.Equal("2025-02-02", (string)first["date"]!);
        var date = first["entities"]!.Single(e => (string)e["type"]! == "DATE");
        Assert.Equal("ngày 30.1", (string)date["text"]!);
        Assert.Equal("2025-01-30", (string)date["value"]!);
        var money = first["entities"]!.Single(e => (string)e["type"]! == "MONEY");
        Assert.Equal(29.99m, (decimal)money["amount"]!);
        Assert.Equal("USD", (string)money["currency"]!);

        Assert.Equal("Tiêu đề", (string)docs[1]["title"]!);
        Assert.Null(docs[0]["title"]);
        Assert.DoesNotContain("Trang chủ", (string)docs[2]["text"]!);
        Assert.DoesNotContain("var x", (string)docs[2]["text"]!);
        Assert.Contains("FPT lãi 2.000 tỷ đồng & tăng trưởng.", (string)docs[2]["text"]!);
        Assert.Equal("2024-06-05", (string)docs[3]["entities"]![0]!["value"]!);
        Assert.Equal("https://example.com/j4", (string)docs[4]["url"]!);

        foreach (var d in docs)
        {
            string text = (string)d["text"]!;
            var entities = d["entities"]!.ToList();
            foreach (var e in entities)
            {
                Assert.Equal(text[(int)e["start"]!..(int)e["end"]!], (string)e["text"]!);
                Assert.StartsWith(((string)e["type"]!).ToLowerInvariant() + ":", (string)e["id"]!);
            }
            foreach (var r in d["relations"]!)
            {
                int start = (int)r["evidence"]!["start"]!, end = (int)r["evidence"]!["end"]!;
                foreach (var side in new[] { entities[(int)r["head"]!], entities[(int)r["tail"]!] })
                    Assert.True(start <= (int)side["start"]! && (int)side["end"]! <= end, "the evidence sentence holds both entities");
            }
        }
        Assert.Contains("5 documents (5 failed)", run.Stderr);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "out"), "*.tmp"));
    }

    [Fact]
    public void Output_is_byte_identical_across_runs_and_thread_counts()
    {
        using var dir = new TempFolder();
        for (int i = 0; i < 30; i++) dir.File($"in/{i:D2}.txt", $"{Article} Bài số {i} đăng hôm qua, giá {i},5 triệu đồng.");
        var one = VnlpProcess.Run(dir.Path, "extract", "in", "--threads", "1", "--date", "2025-02-02");
        var two = VnlpProcess.Run(dir.Path, "extract", "in", "--threads", "2", "--date", "2025-02-02");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal(30, Lines(one.Stdout).Count);
    }

    [Fact]
    public void Decomposed_input_keeps_exact_offsets()
    {
        using var dir = new TempFolder();
        string nfd = "Thế Giới Di Động đạt 1,5 tỷ đồng trong tháng 12.2024.".Normalize(NormalizationForm.FormD);
        dir.File("in/nfd.txt", nfd);
        var run = VnlpProcess.Run(dir.Path, "extract", "in/nfd.txt");
        Assert.Equal(0, run.ExitCode);
        var doc = Lines(run.Stdout).Single();
        Assert.Equal(nfd, (string)doc["text"]!);
        var entities = doc["entities"]!.ToList();
        Assert.True(entities.Count >= 2);
        foreach (var e in entities) Assert.Equal(nfd[(int)e["start"]!..(int)e["end"]!], (string)e["text"]!);
        Assert.Equal("2024-12", (string)entities.Single(e => (string)e["type"]! == "DATE")["value"]!);
        Assert.Equal(1_500_000_000m, (decimal)entities.Single(e => (string)e["type"]! == "MONEY")["amount"]!);
    }

    [Theory]
    [InlineData("extract", "in", "--date", "02/02/2025")]
    [InlineData("extract", "in", "--threads", "0")]
    [InlineData("extract", "in", "--no-such-option")]
    [InlineData("extract")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        using var dir = new TempFolder();
        dir.File("in/a.txt", Article);
        var run = VnlpProcess.Run(dir.Path, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error", run.Stderr);
    }

    [Fact]
    public void A_missing_input_fails_without_writing_the_output()
    {
        using var dir = new TempFolder();
        string output = Path.Combine(dir.Path, "out.jsonl");
        var run = VnlpProcess.Run(dir.Path, "extract", "nowhere", "-o", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nowhere: no such file or folder", run.Stderr);
        Assert.True(File.Exists(output));
        Assert.Equal("", File.ReadAllText(output));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_and_the_rest_goes_on()
    {
        using var dir = new TempFolder();
        dir.File("in/big.txt", string.Concat(Enumerable.Repeat("Nvidia ra mắt chip mới. ", 60_000)));
        dir.File("in/small.txt", Article);
        var run = VnlpProcess.Run(dir.Path, "extract", "in", "--max-size", "1");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"big\.txt: file is [0-9.]+ MiB, over the limit of 1 MiB", run.Stderr);
        Assert.Single(Lines(run.Stdout));
    }

    [Fact]
    public void A_user_alias_file_shapes_entity_ids()
    {
        using var dir = new TempFolder();
        dir.File("in/a.txt", "Nvidia công bố doanh thu quý III/2025 tại Mỹ.");
        dir.File("aliases.tsv", "# merges for our newsroom\nORG\tNvidia\tNVIDIA Corporation\n");
        var run = VnlpProcess.Run(dir.Path, "extract", "in", "--aliases", "aliases.tsv");
        Assert.Equal(0, run.ExitCode);
        var org = Lines(run.Stdout).Single()["entities"]!.Single(e => (string)e["type"]! == "ORG");
        Assert.Equal("org:nvidia-corporation", (string)org["id"]!);
        dir.File("bad.tsv", "ORG only-two-columns\n");
        Assert.Equal(2, VnlpProcess.Run(dir.Path, "extract", "in", "--aliases", "bad.tsv").ExitCode);
    }

    [Fact]
    public void Help_explains_the_command()
    {
        using var dir = new TempFolder();
        var run = VnlpProcess.Run(dir.Path, "extract", "--help");
        Assert.Equal(0, run.ExitCode);
        string help = run.Stdout + run.Stderr;
        Assert.Contains("--output", help);
        Assert.Contains("--date", help);
        Assert.Contains(".jsonl", help);
    }
}

public class IndexCommandTests
{
    [Fact]
    public void Index_and_search_from_the_command_line()
    {
        using var dir = new TempFolder();
        dir.File("in/a.txt", "Viettel phủ sóng 5G tại Hà Nội từ tháng 10/2024.");
        dir.File("in/b.txt", "Ví điện tử MoMo ra mắt tính năng mới tại TP.HCM.");
        var index = VnlpProcess.Run(dir.Path, "index", "in", "--lucene", "idx", "--bulk", "out.ndjson");
        Assert.Equal(0, index.ExitCode);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir.Path, "out.ndjson")).Length);
        var search = VnlpProcess.Run(dir.Path, "search", "idx", "vi dien tu", "--json");
        Assert.Equal(0, search.ExitCode);
        var result = Newtonsoft.Json.Linq.JObject.Parse(search.Stdout);
        Assert.Equal(1, (int)result["totalHits"]!);
        Assert.Equal("b", (string)result["hits"]![0]!["id"]!);
        var missing = VnlpProcess.Run(dir.Path, "search", "nowhere", "x");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no search index", missing.Stderr);
        var mapping = VnlpProcess.Run(dir.Path, "index", "--mapping");
        Assert.Equal(0, mapping.ExitCode);
        Assert.Contains("\"nested\"", mapping.Stdout);
    }

    [Fact]
    public void An_index_an_older_vnlp_made_is_refused_with_a_message_and_left_as_it_was()
    {
        using var dir = new TempFolder();
        dir.File("in/a.txt", "Viettel phủ sóng 5G tại Hà Nội.");
        string old = Path.Combine(dir.Path, "old");
        Indexing.OlderIndex.Write(old);
        var files = Directory.GetFiles(old).Order().ToArray();
        var search = VnlpProcess.Run(dir.Path, "search", "old", "Viettel");
        Assert.Equal(2, search.ExitCode);
        Assert.Contains("older vnlp", search.Stderr);
        var index = VnlpProcess.Run(dir.Path, "index", "in", "--lucene", "old", "--bulk", "out.ndjson");
        Assert.Equal(2, index.ExitCode);
        Assert.Contains("build it anew", index.Stderr);
        Assert.DoesNotContain("   at ", index.Stderr);
        Assert.Equal(files, Directory.GetFiles(old).Order().ToArray());
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.ndjson")));
    }
}
