namespace Nlp.Tests.Tokenization;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var d = TestPipeline.Run(text);
        return d.Sentences.Select(s => text[d.Tokens[s.FirstToken].Start..d.Tokens[s.EndToken - 1].End]).ToArray();
    }

    [Theory]
    [InlineData("Viettel mở văn phòng tại TP.HCM. Công ty tuyển 200 người.", new[] { "Viettel mở văn phòng tại TP.HCM.", "Công ty tuyển 200 người." })]
    [InlineData("R1 ra mắt ngày 30.1. Giá 2.000 đồng.", new[] { "R1 ra mắt ngày 30.1.", "Giá 2.000 đồng." })]
    [InlineData("Họ bán điện thoại, máy tính, v.v. Doanh thu tăng.", new[] { "Họ bán điện thoại, máy tính, v.v.", "Doanh thu tăng." })]
    [InlineData("\"Chúng tôi rất vui.\" Ông nói thêm.", new[] { "\"Chúng tôi rất vui.\"", "Ông nói thêm." })]
    [InlineData("\"Việc này rất khó\", ông viết.", new[] { "\"Việc này rất khó\", ông viết." })]
    [InlineData("Liệu có hiệu quả?\", ông hỏi.", new[] { "Liệu có hiệu quả?\", ông hỏi." })]
    [InlineData("Giá tăng... rồi giảm. Sau đó ổn định.", new[] { "Giá tăng... rồi giảm.", "Sau đó ổn định." })]
    [InlineData("Tiêu đề bài báo\nNội dung đầu tiên. Câu hai.", new[] { "Tiêu đề bài báo", "Nội dung đầu tiên.", "Câu hai." })]
    [InlineData("Lợi ích\n- Tăng hiệu suất\n- Tiết kiệm tài nguyên", new[] { "Lợi ích", "- Tăng hiệu suất", "- Tiết kiệm tài nguyên" })]
    [InlineData("Một câu bị ngắt\ndòng ở giữa. Câu sau.", new[] { "Một câu bị ngắt\ndòng ở giữa.", "Câu sau." })]
    [InlineData("Gặp TS. Nguyễn Văn A tại Hà Nội. Ông là chuyên gia.", new[] { "Gặp TS. Nguyễn Văn A tại Hà Nội.", "Ông là chuyên gia." })]
    [InlineData("1. Giới thiệu chung về AI.", new[] { "1. Giới thiệu chung về AI." })]
    [InlineData("Thật sao?! Đúng vậy!", new[] { "Thật sao?!", "Đúng vậy!" })]
    [InlineData("Đoạn một.\n\nđoạn hai viết thường.", new[] { "Đoạn một.", "đoạn hai viết thường." })]
    public void Splits_sentences(string text, string[] expected) => Assert.Equal(expected, Sentences(text));
}
