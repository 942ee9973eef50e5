using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

public sealed class DatelineParserTests
{
    [Theory]
    [InlineData("（中央社明斯克19日綜合外電報導）俄羅斯總統蒲亭今天搭機", "明斯克", 19, "綜合外電報導", "")]
    [InlineData("（中央社記者廖禹揚首爾13日專電）韓聯社報導", "首爾", 13, "專電", "廖禹揚")]
    [InlineData("（中央社記者張謙香港1日電）官方數據顯示", "香港", 1, "電", "張謙")]
    [InlineData("（中央社記者林尚縈柏林8日專電）據多家德國媒體報導", "柏林", 8, "專電", "林尚縈")]
    [InlineData("（中央社台北6日電）菲律賓官員稱", "台北", 6, "電", "")]
    [InlineData("（中央社塞內加爾首都達卡28日綜合外電報導）法國總統", "塞內加爾首都達卡", 28, "綜合外電報導", "")]
    [InlineData("(中央社首爾13日專電)韓聯社報導", "首爾", 13, "專電", "")]
    [InlineData("（中央社記者廖禹揚首爾特稿）北韓領導人", "首爾", null, "特稿", "廖禹揚")]
    [InlineData("（中央社記者陳承功、廖禹揚首爾13日專電）", "首爾", 13, "專電", "陳承功|廖禹揚")]
    [InlineData("（中央社記者王小明台北、記者李大華東京24日電）", "台北、東京", 24, "電", "王小明|李大華")]
    [InlineData("（中央社13日首爾電）韓聯社報導", "首爾", 13, "電", "")]
    [InlineData("（中央社記者廖禹揚１３日首爾專電）", "首爾", 13, "專電", "廖禹揚")]
    [InlineData("（中央社綜合外電報導）", null, null, "綜合外電報導", "")]
    [InlineData("（中央社巴黎3日綜外電報導）法國總統", "巴黎", 3, "綜外電報導", "")]
    [InlineData("（中央社台北28電）行政院今天", "台北", 28, "電", "")]
    [InlineData("（中央社記者王小明台北28電）行政院今天", "台北", 28, "電", "王小明")]
    public void TryParseOpening_CnaDatelines_ReadsEveryPart(string paragraph, string? location, int? day, string kind, string authors)
    {
        Assert.True(DatelineParser.TryParseOpening(paragraph, SiteCatalog.Directory.Datelines, out var parsed));
        Assert.Equal("中央社", parsed.Agency);
        Assert.Equal(location, parsed.Dateline.Location);
        Assert.Equal(day, parsed.Dateline.Day);
        Assert.Equal(kind, parsed.Dateline.Kind);
        Assert.Equal(authors.Split('|', StringSplitOptions.RemoveEmptyEntries), parsed.Authors);
    }

    [Theory]
    [InlineData("韓聯社報導，北韓領導人金正恩已與俄羅斯總統蒲亭碰面。")]
    [InlineData("（編輯：陳承功）1120913")]
    [InlineData("（中央社）")]
    [InlineData("（路透社報導）金正恩")]
    [InlineData("（中央社2024電）")]
    [InlineData("（中央社123電）")]
    [InlineData("")]
    public void TryParseOpening_NotADateline_ReturnsFalse(string paragraph)
    {
        Assert.False(DatelineParser.TryParseOpening(paragraph, SiteCatalog.Directory.Datelines, out _));
    }

    [Theory]
    [InlineData("（美聯社紐約3日電）股市", "美聯社", "紐約", 3)]
    [InlineData("（法新社記者安德烈巴黎3日電）", "法新社", "巴黎", 3)]
    public void TryParseOpening_ASitesAgencyTable_ReadsItsDatelines(string paragraph, string agency, string location, int day)
    {
        var table = DatelineTables.Of(["美聯社", "法新社"]);
        Assert.True(DatelineParser.TryParseOpening(paragraph, table, out var parsed));
        Assert.Equal(agency, parsed.Agency);
        Assert.Equal(location, parsed.Dateline.Location);
        Assert.Equal(day, parsed.Dateline.Day);
        Assert.False(DatelineParser.TryParseOpening(paragraph, SiteCatalog.Directory.Datelines, out _));
    }

    [Fact]
    public void TryParseOpening_ASitesBrackets_ReadDatelinesSetInThem()
    {
        var table = DatelineTables.Of(["灣報"], [('〔', '〕')]);
        Assert.True(DatelineParser.TryParseOpening("〔灣報記者林小華高雄15日電〕港區第七號碼頭", table, out var parsed));
        Assert.Equal(("灣報", "高雄", 15), (parsed.Agency, parsed.Dateline.Location, parsed.Dateline.Day));
        Assert.Equal("〔灣報記者林小華高雄15日電〕".Length, parsed.End);
        Assert.False(DatelineParser.TryParseOpening("（灣報記者林小華高雄15日電）", table, out _));
        Assert.False(DatelineParser.TryParseOpening("〔中央社台北6日電〕", SiteCatalog.Directory.Datelines, out _));
    }

    [Theory]
    [InlineData("（路透社華盛頓5日電）美國國務院")]
    [InlineData("（中央社記者廖禹揚首爾13日專電）韓聯社報導")]
    [InlineData("(Reuters華盛頓5日電)")]
    public void TryParseOpening_AnyAgency_KnowsADatelineWhoeverSentIt(string paragraph)
    {
        Assert.True(DatelineParser.TryParseOpening(paragraph, DatelineTables.Any, out _));
    }

    [Theory]
    [InlineData("（圖／記者王小明攝）")]
    [InlineData("（編輯：陳承功）1120913")]
    [InlineData("（中央社）")]
    [InlineData("（2024年5日電）")]
    [InlineData("（路透社）")]
    [InlineData("")]
    public void TryParseOpening_AnyAgency_NotADateline_ReturnsFalse(string paragraph)
    {
        Assert.False(DatelineParser.TryParseOpening(paragraph, DatelineTables.Any, out _));
    }

    [Theory]
    [InlineData("基輔22日專電", "基輔", 22, "專電")]
    [InlineData("台北即時報導", "台北", null, "即時報導")]
    [InlineData("綜合報導", null, null, "綜合報導")]
    [InlineData("桃園機場報導", "桃園機場", null, "報導")]
    [InlineData("澎湖縣28日電", "澎湖縣", 28, "電")]
    public void TryParseCore_BylineDatelines_ReadsPlaceDayKind(string core, string? location, int? day, string kind)
    {
        Assert.True(DatelineParser.TryParseCore(core, out var authors, out var dateline));
        Assert.Empty(authors);
        Assert.Equal(new Records.Dateline(location, day, kind), dateline);
    }

    [Theory]
    [InlineData("廖禹揚首爾", true, "廖禹揚", "首爾")]
    [InlineData("張謙香港", true, "張謙", "香港")]
    [InlineData("張謙華盛頓", true, "張謙", "華盛頓")]
    [InlineData("王小明新竹縣", true, "王小明", "新竹縣")]
    [InlineData("王小明某地", true, "王小明", "某地")]
    [InlineData("陳承功", false, "陳承功", "")]
    public void SplitNameAndPlace_KnownAndUnknownPlaces_SplitsAtTheName(string text, bool expectPlace, string name, string place)
    {
        Assert.Equal((name, place), DatelineParser.SplitNameAndPlace(text, expectPlace));
    }

    [Theory]
    [InlineData("記者沈能元", "沈能元")]
    [InlineData("編譯茅毅、記者謝守真", "茅毅|謝守真")]
    public void TryParseReporters_RoleAndNames_ReturnsNames(string text, string names)
    {
        Assert.True(DatelineParser.TryParseReporters(text, out var parsed));
        Assert.Equal(names.Split('|'), parsed);
    }
}
