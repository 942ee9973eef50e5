using NewsArchive.Parsing;

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
    [InlineData("a\u200Bb", "a b")]
    [InlineData("", "")]
    public void Normalize_WhiteSpace_TrimsAndCollapses(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void IsSpace_IsWhiteSpacePlusZeroWidthCharacters_ForEveryChar()
    {
        for (var c = char.MinValue; ; c++)
        {
            var expected = char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF';
            Assert.True(expected == TextNormalizer.IsSpace(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }
}
