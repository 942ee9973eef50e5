using NewsArchive.Containers;
using NewsArchive.Records;

namespace NewsArchive.Tests;

public sealed class FrontMatterParserTests
{
    [Fact]
    public void TrySplit_SeedStyle_KeepsEveryKeyInOrder()
    {
        const string text = "---\nlayout: post\ntitle: \"蒲亭訪問白俄羅斯  魯卡申柯盼兩國加強軍事合作\"\ndate: 2022-12-19T18:04:03.000Z\ntags: [ (臺)中央社CNA ]\ncomments: True\n---\n<p>body</p>\n";
        Assert.True(FrontMatterParser.TrySplit(text, out var post));
        Assert.Equal(["layout", "title", "date", "tags", "comments"], post.FrontMatter.Entries.Select(e => e.Key));
        Assert.Equal("蒲亭訪問白俄羅斯  魯卡申柯盼兩國加強軍事合作", post.FrontMatter.GetText("title"));
        Assert.Equal(new FrontMatterValue.Scalar("True"), post.FrontMatter["comments"]);
        Assert.Equal(["(臺)中央社CNA"], post.FrontMatter.GetTexts("tags"));
        Assert.Equal("<p>body</p>\n", post.Body);
        Assert.Empty(post.Warnings);
    }

    [Fact]
    public void TrySplit_InvalidYaml_FallsBackLineByLineWithWarning()
    {
        const string text = "---\ntitle: 蒲亭: 期待習近平: 明年\nlink: https://www.cna.com.tw/news/aopl/202212300243.aspx\ntags: [a, b\n---\n<p>body</p>\n";
        Assert.True(FrontMatterParser.TrySplit(text, out var post));
        Assert.Equal("蒲亭: 期待習近平: 明年", post.FrontMatter.GetText("title"));
        Assert.Equal("https://www.cna.com.tw/news/aopl/202212300243.aspx", post.FrontMatter.GetText("link"));
        Assert.Contains(post.Warnings, w => w.StartsWith("front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void TrySplit_NeverClosed_TakesKeyLinesAsHeaderAndWarns()
    {
        const string text = "---\ntitle: 標題\ndate: 2024-11-01\n<div><p>內文</p></div>\n";
        Assert.True(FrontMatterParser.TrySplit(text, out var post));
        Assert.Equal("標題", post.FrontMatter.GetText("title"));
        Assert.Equal("<div><p>內文</p></div>\n", post.Body);
        Assert.Contains("front matter is not closed with '---'", post.Warnings);
    }

    [Fact]
    public void TrySplit_FlowListRunIntoBody_FallsBackInsteadOfThrowing()
    {
        // Found by the mutation tests: a tags list left open, with page HTML spliced into it,
        // makes YamlDotNet's scanner throw InvalidOperationException.
        const string text = "---\ntitle: \"金正恩會蒲亭\"\ntags: [ (臺)中央社CNA ]\ncomm:\"SubscriptionInner\"ts: True\ncategories: [ <div><p>（中央社）</p>\n</div> 請輸入電子信箱\" placeholder=\"請輸入\n---\n<p>內文</p>\n";
        Assert.True(FrontMatterParser.TrySplit(text, out var post));
        Assert.Equal("金正恩會蒲亭", post.FrontMatter.GetText("title"));
        Assert.Contains(post.Warnings, w => w.StartsWith("front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title: 沒有開頭\n---\n")]
    [InlineData("<p>---</p>")]
    [InlineData("------\n")]
    public void TrySplit_NoOpeningFence_ReturnsFalse(string text)
    {
        Assert.False(FrontMatterParser.TrySplit(text, out _));
    }
}
