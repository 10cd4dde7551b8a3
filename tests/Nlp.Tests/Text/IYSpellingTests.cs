using Nlp.Text;

namespace Nlp.Tests.Text;

public class IYSpellingTests
{
    [Theory]
    [InlineData("qui", "quy")]
    [InlineData("quí", "quý")]
    [InlineData("quĩ", "quỹ")]
    [InlineData("lý", "lí")]
    [InlineData("kỹ", "kĩ")]
    [InlineData("mỹ", "mĩ")]
    [InlineData("ty", "ti")]
    [InlineData("sỹ", "sĩ")]
    [InlineData("hy", "hi")]
    public void Writes_both_spellings_one_way(string variant, string canonical)
    {
        Assert.Equal(canonical, IYSpelling.Unify(variant));
        Assert.Equal(canonical, IYSpelling.Unify(canonical));
    }

    [Theory]
    [InlineData("quyết")]
    [InlineData("quyền")]
    [InlineData("đi")]
    [InlineData("bị")]
    [InlineData("vy")]
    [InlineData("tuy")]
    [InlineData("y")]
    [InlineData("ký sự")]
    public void Leaves_other_syllables_alone(string syllable) => Assert.Same(syllable, IYSpelling.Unify(syllable));
}
