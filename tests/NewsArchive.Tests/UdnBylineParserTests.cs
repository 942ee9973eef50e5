using NewsArchive.Sites.Udn;

namespace NewsArchive.Tests;

public sealed class UdnBylineParserTests
{
    [Theory]
    [InlineData("中央社／ 基輔22日專電", null, null, "中央社", "", "基輔", 22, "專電")]
    [InlineData("記者王小明／台北即時報導", null, null, null, "王小明", "台北", null, "即時報導")]
    [InlineData("聯合報／記者王小明／台北報導", null, null, "聯合報", "王小明", "台北", null, "報導")]
    [InlineData("2023-08-28 21:50 聯合報／ 記者沈能元／台北即時報導 郭台銘", "2023-08-28", "21:50", "聯合報", "沈能元", "台北", null, "即時報導")]
    [InlineData("聯合報／ 編譯茅毅、記者謝守真／綜合報導", null, null, "聯合報", "茅毅|謝守真", null, null, "綜合報導")]
    [InlineData("2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導", "2019-03-18", "23:59", "聯合報", "陳嘉寧", "桃園機場", null, "報導")]
    [InlineData("2019-03-28 14:31中央社 澎湖縣28日電", "2019-03-28", "14:31", "中央社", "", "澎湖縣", 28, "電")]
    [InlineData("經濟日報／ 記者王小明／台北即時報導", null, null, "經濟日報", "王小明", "台北", null, "即時報導")]
    public void TryParse_BylineShapes_ReadsEveryPart(string line, string? date, string? time, string? agency, string authors, string? location, int? day, string kind)
    {
        Assert.True(UdnBylineParser.TryParse(line, out var byline));
        Assert.Equal(date, byline.Date);
        Assert.Equal(time, byline.Time);
        Assert.Equal(agency, byline.Agency);
        Assert.Equal(authors.Split('|', StringSplitOptions.RemoveEmptyEntries), byline.Authors);
        Assert.Equal(new Records.Dateline(location, day, kind), byline.Dateline);
    }

    [Theory]
    [InlineData("新聞幕後／侯友宜與郭台銘前天見過面 預計周三咖啡會 00:21")]
    [InlineData("蘇拉颱風海警發布 公路總局可能實施管制路段出爐 23:41")]
    [InlineData("澤倫斯基：正與盟國協商安全保障細節")]
    [InlineData("udn 要聞 政治")]
    [InlineData("烏克蘭總統澤倫斯基。圖／美聯社")]
    [InlineData("台北即時報導")]
    [InlineData("")]
    public void TryParse_NotABylineLine_ReturnsFalse(string line)
    {
        Assert.False(UdnBylineParser.TryParse(line, out _));
    }
}
