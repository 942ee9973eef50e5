using NewsArchive.Decoding;

namespace NewsArchive.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  abc  ", "abc")]
    [InlineData("a \n\t b", "a b")]
    [InlineData("a\u00A0\u00A0b", "a b")]
    [InlineData("\u3000\u3000段落開頭", "段落開頭")]
    [InlineData("恒指一度升逾170點\u3000網易急升12%", "恒指一度升逾170點\u3000網易急升12%")]
    [InlineData("a\u3000 b", "a b")]
    [InlineData("特朗\u200B普", "特朗普")]
    [InlineData("a\u200Cb\u200Dc\u2060d\uFEFFe", "abcde")]
    [InlineData("\u200B 開頭 \u200B", "開頭")]
    [InlineData("a \u200B b", "a b")]
    [InlineData("a\u3000\u200Bb", "a\u3000b")]
    [InlineData("\u200B\u200B", "")]
    [InlineData("", "")]
    public void Normalize_WhiteSpaceAndZeroWidth_TrimsCollapsesAndRemoves(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void IsSpace_IsCharIsWhiteSpace_ForEveryChar()
    {
        for (var c = char.MinValue; ; c++)
        {
            var expected = char.IsWhiteSpace(c);
            Assert.True(expected == TextNormalizer.IsSpace(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Theory]
    [InlineData("a b\u200B", 2)]
    [InlineData("\u3000中文\u00A0", 2)]
    [InlineData("", 0)]
    public void CountVisible_SkipsSpacesAndZeroWidth(string text, int expected)
    {
        Assert.Equal(expected, TextNormalizer.CountVisible(text));
    }

    [Fact]
    public void CountVisible_CountsEveryCharThatIsNeitherSpaceNorZeroWidth()
    {
        // Every char, each between visible ones and in a run long enough for the vectorised search.
        var text = new System.Text.StringBuilder();
        var expected = 0;
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            text.Append('字').Append(c);
            expected += 1 + (char.IsWhiteSpace(c) || TextNormalizer.IsInvisible(c) ? 0 : 1);
        }

        Assert.Equal(expected, TextNormalizer.CountVisible(text.ToString()));
        Assert.Equal(3, TextNormalizer.CountVisible(new string(' ', 100) + "a​b　　c" + new string(' ', 40)));
    }
}
