using NewsArchive.Extraction;

namespace NewsArchive.Tests;

public sealed class TextDumpCaptionsTests
{
    [Theory]
    [InlineData("烏克蘭總統澤倫斯基。圖／美聯社", "烏克蘭總統澤倫斯基。圖／美聯社", "烏克蘭總統澤倫斯基。圖／美聯社")]
    [InlineData("烏克蘭與西方盟國近日持續就俄烏戰事...", "烏克蘭與西方盟國近日持續就俄烏戰事終戰的可能進行磋商。 圖／路透社", "烏克蘭與西方盟國近日持續就俄烏戰事終戰的可能進行磋商。 圖／路透社")]
    public void TryMatchPair_RepeatedOrShortenedCaption_ReturnsFullCaption(string first, string second, string expected)
    {
        Assert.True(TextDumpCaptions.TryMatchPair(first, second, out var caption));
        Assert.Equal(expected, caption);
    }

    [Fact]
    public void TryMatchPair_TwoParagraphs_ReturnsFalse()
    {
        Assert.False(TextDumpCaptions.TryMatchPair("呂特則表示，北約正與歐洲密切合作。", "他指出，目前北約已與烏克蘭展開多項合作。", out _));
    }

    [Theory]
    [InlineData("烏克蘭總統澤倫斯基。圖／美聯社", true)]
    [InlineData("楊志良晚間發表最新聲明。記者沈能元／攝影", true)]
    [InlineData("北約秘書長呂特。（圖／路透社）", true)]
    [InlineData("總統府資料照。圖取自總統府Flickr", true)]
    [InlineData("他指出，目前北約已與烏克蘭展開多項合作。", false)]
    [InlineData("烏克蘭總統澤倫斯基表示，與華府會晤後局勢已有所改善。", false)]
    public void IsCredited_PhotoCreditAtEnd_IsCaption(string line, bool expected)
    {
        Assert.Equal(expected, TextDumpCaptions.IsCredited(line));
    }
}
