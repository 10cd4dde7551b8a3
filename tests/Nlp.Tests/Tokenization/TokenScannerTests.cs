using Nlp.Documents;
using Nlp.Tokenization;

namespace Nlp.Tests.Tokenization;

public class TokenScannerTests
{
    private static string[] Tokens(string text)
    {
        var tokens = new List<Token>();
        TokenScanner.Tokenize(text, tokens);
        return tokens.Select(t => text[t.Start..t.End]).ToArray();
    }

    [Theory]
    [InlineData("Giá 2.000 đồng", new[] { "Giá", "2.000", "đồng" })]
    [InlineData("tăng 1,5 lần", new[] { "tăng", "1,5", "lần" })]
    [InlineData("3.000.000 USD.", new[] { "3.000.000", "USD", "." })]
    [InlineData("ngày 30.1.", new[] { "ngày", "30.1", "." })]
    [InlineData("từ 12/3/2025,", new[] { "từ", "12/3/2025", "," })]
    [InlineData("ra mắt 30-1-2025", new[] { "ra", "mắt", "30-1-2025" })]
    [InlineData("giai đoạn 2020-2025", new[] { "giai", "đoạn", "2020", "-", "2025" })]
    [InlineData("tăng 30% so với", new[] { "tăng", "30%", "so", "với" })]
    [InlineData("giá $199", new[] { "giá", "$", "199" })]
    [InlineData("tại TP.HCM, v.v. Sau", new[] { "tại", "TP.HCM", ",", "v.v.", "Sau" })]
    [InlineData("GPT-4o và o3-mini", new[] { "GPT-4o", "và", "o3-mini" })]
    [InlineData("PC Copilot+ chạy", new[] { "PC", "Copilot+", "chạy" })]
    [InlineData("chuẩn Wi-Fi 7", new[] { "chuẩn", "Wi-Fi", "7" })]
    [InlineData("chip H100 mới", new[] { "chip", "H100", "mới" })]
    [InlineData("viết bằng C++ và C#", new[] { "viết", "bằng", "C++", "và", "C#" })]
    [InlineData("nền tảng .NET và Node.js", new[] { "nền", "tảng", ".NET", "và", "Node.js" })]
    [InlineData("mạng 5G tại", new[] { "mạng", "5G", "tại" })]
    [InlineData("GPT-4.5 ra mắt", new[] { "GPT-4.5", "ra", "mắt" })]
    [InlineData("Claude 3.5 Sonnet", new[] { "Claude", "3.5", "Sonnet" })]
    [InlineData("xem https://example.com/a?b=1. Hết", new[] { "xem", "https://example.com/a?b=1", ".", "Hết" })]
    [InlineData("gửi về lien.he@vnlp.vn.", new[] { "gửi", "về", "lien.he@vnlp.vn", "." })]
    [InlineData("thẻ #AI2025 nổi", new[] { "thẻ", "#AI2025", "nổi" })]
    [InlineData("\"Chúng tôi...\" - ông nói…", new[] { "\"", "Chúng", "tôi", "...", "\"", "-", "ông", "nói", "…" })]
    [InlineData("AT&T và McDonald's", new[] { "AT&T", "và", "McDonald's" })]
    [InlineData("TS. Nguyễn Văn A", new[] { "TS.", "Nguyễn", "Văn", "A" })]
    [InlineData("Apple Inc. công bố", new[] { "Apple", "Inc.", "công", "bố" })]
    [InlineData("thật sao?! Không", new[] { "thật", "sao", "?!", "Không" })]
    [InlineData("1+1 = 2", new[] { "1", "+", "1", "=", "2" })]
    [InlineData("vui 😀👍 lắm", new[] { "vui", "😀", "👍", "lắm" })]
    public void Splits_Vietnamese_news_text(string text, string[] expected) => Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Pre_tokenizer_reports_the_same_spans()
    {
        const string text = "Nvidia cung cấp DeepSeek R1 từ ngày 30.1, giá 29,99 USD/tháng.";
        var spans = VietnamesePreTokenizer.Instance.PreTokenize(text).ToArray();
        Assert.Equal(Tokens(text), spans.Select(s => text.Substring(s.Offset, s.Length)));
    }

    [Fact]
    public void Kinds_are_assigned()
    {
        var tokens = new List<Token>();
        const string text = "Xem www.vnlp.vn, giá 2.000 #tin a@b.vn !";
        TokenScanner.Tokenize(text, tokens);
        Assert.Equal([TokenKind.Word, TokenKind.Url, TokenKind.Punctuation, TokenKind.Word, TokenKind.Number, TokenKind.Hashtag, TokenKind.Email, TokenKind.Punctuation],
            tokens.Select(t => t.Kind));
    }
}
