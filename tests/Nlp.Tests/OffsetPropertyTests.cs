using System.Text;
using Nlp.Documents;
using Nlp.Output;
using Newtonsoft.Json.Linq;

namespace Nlp.Tests;

/// <summary>
/// Over random text (Vietnamese in NFC and NFD, emoji and other surrogate pairs, control characters,
/// odd spaces and punctuation) every emitted span is the input substring it claims, tokens never
/// overlap, and nothing is cut through a surrogate pair.
/// </summary>
public class OffsetPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Nvidia", "hòa", "hoà", "thuỷ", "Thế Giới Di Động", "ngày 30.1", "30/1/2025", "tháng 12.2024", "quý III/2025", "hôm qua",
        "6 triệu USD", "1,5 tỷ đồng", "$199", "29,99 USD/tháng", "2.000 chip", "30%", "TP.HCM", "v.v.", "GPT-4o", "Copilot+",
        "C++", ".NET", "Node.js", "https://vnlp.vn/a", "a@b.vn", "#AI", "😀", "𝒜", "\u0301", "\u200B", "\u00A0", "\t", "\r\n", "\n\n",
        "\u0007", "\u201C", "\u201D", ".", ",", "...", "…", "?!", "(", ")", "\"", "-", "/", " ", " ", " ", "năm nay", "đồng", "tỷ",
        "\uD800", "\uDC00", "Ư", "ơ", "\u0323", "ﬁ", "Å",
    ];

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 300).Select(i => new object[] { i });

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        int n = random.Next(1, 60);
        for (int i = 0; i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
        string text = sb.ToString();
        return random.Next(3) switch
        {
            0 => SafeNormalize(text, NormalizationForm.FormD),
            1 => SafeNormalize(text, NormalizationForm.FormC),
            _ => text,
        };
    }

    private static string SafeNormalize(string text, NormalizationForm form)
    {
        try { return text.Normalize(form); } catch (ArgumentException) { return text; }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Spans_are_exact_substrings_of_the_input(int seed)
    {
        var random = new Random(seed);
        string text = RandomText(random);
        var d = TestPipeline.Run(text);

        int previousEnd = 0;
        foreach (var token in d.Tokens)
        {
            Assert.True(token.Start >= previousEnd, $"tokens overlap at {token.Start} in {Escape(text)}");
            Assert.True(token.End > token.Start);
            previousEnd = token.End;
            var (s, e) = d.ToInput(token.Start, token.End);
            Assert.InRange(s, 0, text.Length);
            Assert.InRange(e, s, text.Length);
            Assert.False(s > 0 && char.IsLowSurrogate(text[s]) && char.IsHighSurrogate(text[s - 1]), $"token starts inside a surrogate pair at {s}: {Escape(text[Math.Max(0, s - 8)..Math.Min(text.Length, s + 8)])}");
            Assert.False(e < text.Length && e > 0 && char.IsLowSurrogate(text[e]) && char.IsHighSurrogate(text[e - 1]), "token ends inside a surrogate pair");
        }

        var json = JObject.Parse(DocumentJson.ToJsonLine(d));
        Assert.Equal(text, (string)json["text"]!);
        foreach (var entity in (JArray)json["entities"]!)
        {
            int start = (int)entity["start"]!, end = (int)entity["end"]!;
            Assert.Equal(text.Substring(start, end - start), (string)entity["text"]!);
        }
    }

    [Fact]
    public void Nfd_input_gives_the_same_entities_as_nfc_input()
    {
        const string nfc = "Thế Giới Di Động đạt doanh thu 1,5 tỷ đồng trong quý III/2025, tăng so với cùng kỳ năm trước.";
        string nfd = nfc.Normalize(NormalizationForm.FormD);
        var a = TestPipeline.Run(nfc);
        var b = TestPipeline.Run(nfd);
        Assert.Equal(a.Entities.Select(e => (e.Type, TestPipeline.InputText(a, e).Normalize())), b.Entities.Select(e => (e.Type, TestPipeline.InputText(b, e).Normalize())));
        Assert.All(b.Entities, e => Assert.True(TestPipeline.InputText(b, e).IsNormalized(NormalizationForm.FormD)));
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
