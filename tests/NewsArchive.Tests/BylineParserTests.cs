using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

public sealed class BylineParserTests
{
    [Theory]
    [InlineData("記者王小明／台北報導", "王小明", null, "台北", "報導")]
    [InlineData("記者楊漢聲、趙蔡州／台東報導", "楊漢聲|趙蔡州", null, "台東", "報導")]
    [InlineData("〔記者王小明／高雄報導〕", "王小明", null, "高雄", "報導")]
    [InlineData("【記者李大華／台中報導】", "李大華", null, "台中", "報導")]
    [InlineData("生活中心／賴小佑報導", "賴小佑", "生活中心", null, null)]
    [InlineData("社會中心／綜合報導", "", "社會中心", null, "綜合報導")]
    [InlineData("地方中心／桃園報導", "", "地方中心", "桃園", "報導")]
    [InlineData("記者林悅／南市報導", "林悅", null, "南市", "報導")]
    [InlineData("2014/03/19 18:58 彭小芸 黃小真 報導 地區：台北市報導", "彭小芸|黃小真", null, null, null)]
    [InlineData("2024/01/20 21:15　記者劉小強／高雄報導", "劉小強", null, "高雄", "報導")]
    public void TryParse_TaiwaneseBylines_ReadsReportersDeskAndDateline(string line, string authors, string? desk, string? location, string? kind)
    {
        Assert.True(BylineParser.TryParse(line, SiteCatalog.Directory.Datelines, out var byline));
        Assert.Equal(authors.Split('|', StringSplitOptions.RemoveEmptyEntries), byline.Authors.ToArray());
        Assert.Equal(desk, byline.Desk);
        Assert.Equal(location, byline.Dateline?.Location);
        Assert.Equal(kind, byline.Dateline?.Kind);
    }

    [Theory]
    [InlineData("文／王小明", "王小明", null)]
    [InlineData("撰文：陳大文", "陳大文", null)]
    [InlineData("文／記者王小明", "王小明", null)]
    [InlineData("圖文／CTWANT", "", "CTWANT")]
    [InlineData("文／CTWANT", "", "CTWANT")]
    [InlineData("By Jane Doe", "Jane Doe", null)]
    [InlineData("By Jane Doe and John Roe", "Jane Doe|John Roe", null)]
    [InlineData("By Jane Doe, Reuters", "Jane Doe", "Reuters")]
    [InlineData("by Madeline Example | November 18, 2019 12:01 PM", "Madeline Example", null)]
    public void TryParse_WriterCreditsAndEnglishBylines_TellPeopleFromOutlets(string line, string authors, string? agency)
    {
        Assert.True(BylineParser.TryParse(line, SiteCatalog.Directory.Datelines, out var byline));
        Assert.Equal(authors.Split('|', StringSplitOptions.RemoveEmptyEntries), byline.Authors.ToArray());
        Assert.Equal(agency, byline.Agency);
    }

    [Theory]
    [InlineData("（中央社記者王小明台北23日電）", "王小明", "中央社", "台北")]
    public void TryParse_BracketedDatelineAlone_IsAByline(string line, string authors, string agency, string location)
    {
        Assert.True(BylineParser.TryParse(line, SiteCatalog.Directory.Datelines, out var byline));
        Assert.Equal(new[] { authors }, byline.Authors.ToArray());
        Assert.Equal(agency, byline.Agency);
        Assert.Equal(location, byline.Dateline?.Location);
    }

    [Theory]
    [InlineData("台北報導")]
    [InlineData("市府表示，老街的招牌也將統一改善，預計年底前完成。")]
    [InlineData("（中央社記者王小明台北23日電）行政院今天表示，將加快審查進度。")]
    [InlineData("<當地時間19日下午>")]
    [InlineData("Staff Reports")]
    [InlineData("By")]
    [InlineData("")]
    public void TryParse_NotAByline_ReturnsFalse(string line)
    {
        Assert.False(BylineParser.TryParse(line, SiteCatalog.Directory.Datelines, out _));
    }

    [Theory]
    [InlineData("王小明", true)]
    [InlineData("三木旦·旺杰", true)]
    [InlineData("Jane Doe", true)]
    [InlineData("CTWANT", false)]
    [InlineData("生活中心中心", false)]
    [InlineData("Staff Reports", false)]
    [InlineData("jane doe", false)]
    public void IsPersonName_TellsPeopleFromOutletsAndDesks(string name, bool person)
    {
        Assert.Equal(person, BylineParser.IsPersonName(name));
    }
}
