using NewsArchive.Extraction;

namespace NewsArchive.Tests;

public sealed class CreditsParserTests
{
    [Theory]
    [InlineData("但克里姆林宮發言人駁斥了相關媒體報導。（譯者：陳彥鈞）1111220", "", "陳彥鈞")]
    [InlineData("呼籲船舶留意。（編輯：陳承功）1120913", "陳承功", "")]
    [InlineData("（編輯：楊昇儒/周慧盈）1131104", "楊昇儒|周慧盈", "")]
    [InlineData("報導指出。（譯者：楊惟敬/核稿：陳昱婷）1131111", "陳昱婷", "楊惟敬")]
    [InlineData("(編輯:陳承功／譯者:陳彥鈞)", "陳承功", "陳彥鈞")]
    [InlineData("（譯者：陳正健、陳彥鈞/編輯：陳承功）", "陳承功", "陳正健|陳彥鈞")]
    [InlineData("編輯：溫曉平", "溫曉平", "")]
    [InlineData("（編譯：王小明/核稿：李大華）", "李大華", "王小明")]
    [InlineData("最後一段。（編輯'：陳承功）1120913", "陳承功", "")]
    [InlineData("（譯者’：楊惟敬/核稿：陳昱婷）", "陳昱婷", "楊惟敬")]
    [InlineData("編輯：施芷珊\u3000網編：畢子默", "施芷珊|畢子默", "")]
    [InlineData("編輯：李向陽（台北）\u3000網編：程皓楠", "李向陽|程皓楠", "")]
    public void ParseParagraph_Credits_SplitsRolesAndNames(string paragraph, string editors, string translators)
    {
        var credits = CreditsParser.ParseParagraph(paragraph);
        Assert.Equal(editors.Split('|', StringSplitOptions.RemoveEmptyEntries), credits.Editors);
        Assert.Equal(translators.Split('|', StringSplitOptions.RemoveEmptyEntries), credits.Translators);
    }

    [Fact]
    public void Parse_NoticeAfterCredit_FindsTheCredit()
    {
        var credits = CreditsParser.Parse(["（中央社首爾13日專電）內文。", "最後一段。（編輯：陳承功）1120913", "※本文為特別報導，轉載請註明出處。"]);
        Assert.Equal<string>(["陳承功"], credits.Editors);
    }

    [Fact]
    public void Parse_NoCredit_ReturnsNone()
    {
        Assert.True(CreditsParser.Parse(["（中央社首爾13日專電）內文。", "編輯部表示將持續追蹤。"]).IsEmpty);
    }
}
