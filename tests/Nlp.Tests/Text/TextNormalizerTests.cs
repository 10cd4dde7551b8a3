using System.Text;
using Nlp.Text;

namespace Nlp.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Hoà Bình", "Hòa Bình")]
    [InlineData("thuỷ điện", "thủy điện")]
    [InlineData("khoẻ mạnh", "khỏe mạnh")]
    [InlineData("HOÀ", "HÒA")]
    [InlineData("quý", "quý")]
    [InlineData("hoàn thành", "hoàn thành")]
    [InlineData("thuyền", "thuyền")]
    [InlineData("hòa", "hòa")]
    [InlineData("uỷ ban", "ủy ban")]
    [InlineData("Uỷ ban Chứng khoán", "Ủy ban Chứng khoán")]
    [InlineData("UỶ BAN", "ỦY BAN")]
    [InlineData("oà khóc", "òa khóc")]
    [InlineData("ủy quyền", "ủy quyền")]
    public void Puts_tone_marks_in_one_place(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Theory]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("a\u200Bb", "ab")]
    [InlineData("\u201Cxin\u201D \u2018chào\u2019", "\"xin\" 'chào'")]
    [InlineData("\uFEFFđầu", "đầu")]
    public void Cleans_spaces_quotes_and_invisible_characters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Fact]
    public void Composes_decomposed_text_and_maps_offsets_back()
    {
        string nfc = "Công ty Thế Giới Di Động";
        string nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc.Length, nfd.Length);
        var normalized = TextNormalizer.Normalize(nfd);
        Assert.Equal(nfc, normalized.Text);
        int start = nfc.IndexOf("Thế", StringComparison.Ordinal);
        var (s, e) = normalized.ToInput(start, start + "Thế Giới".Length);
        Assert.Equal("Thế Giới".Normalize(NormalizationForm.FormD), nfd[s..e]);
    }

    [Fact]
    public void Clean_text_is_not_copied()
    {
        var normalized = TextNormalizer.Normalize("Nvidia ra mắt chip mới.");
        Assert.True(normalized.IsIdentity);
    }

    [Fact]
    public void Removed_characters_stay_outside_mapped_spans()
    {
        string input = "Nvidia\u200B ra mắt";
        var normalized = TextNormalizer.Normalize(input);
        var (s, e) = normalized.ToInput(0, 6);
        Assert.Equal("Nvidia", input[s..e]);
    }
}
