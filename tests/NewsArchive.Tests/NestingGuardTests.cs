using System.Text;
using NewsArchive.Containers;

namespace NewsArchive.Tests;

/// <summary>Input-controlled nesting is bounded before any parser recurses or goes quadratic on it.</summary>
public sealed class NestingGuardTests
{
    private const string FrontMatter = "---\ntitle: 標題\nlink: https://www.cna.com.tw/news/aopl/202309130119.aspx\n---\n";

    [Theory]
    [InlineData("<div><p>a</p><p>b<br>c</p><img src=x></div>", 1)]
    [InlineData("<div><div><span>a</span></div></div>", 3)]
    [InlineData("<p>a<p>b<p>c<li>d<li>e", 0)]
    [InlineData("<script>if (a < b) { '<div><div><div>' }</script><div></div>", 1)]
    [InlineData("<!-- <div><div> --><div/>", 0)]
    public void MeasureDepth_OrdinaryMarkup_CountsOpenElements(string html, int depth)
    {
        Assert.Equal(depth, HtmlNestingGuard.MeasureDepth(html));
    }

    [Theory]
    [InlineData("<div>", 100_000)]
    [InlineData("<b><i>", 50_000)]
    [InlineData("<table><tr><td>", 20_000)]
    [InlineData("<span>", 100_000)]
    public void Parse_DeeplyNestedHtml_IsRefusedAsAFileError(string open, int count)
    {
        var text = FrontMatter + new StringBuilder().Insert(0, open, count) + "<p>（中央社首爾13日專電）內文。</p>";
        var outcome = new ArchiveParser().Parse(new InputFile("deep.txt", Encoding.UTF8.GetBytes(text)));
        var failed = Assert.IsType<ParseOutcome.Failed>(outcome);
        Assert.Equal("cna-jekyll: HTML is nested more than 512 elements deep", failed.Reason);
    }

    [Theory]
    [InlineData("<div>", 100_000)]
    [InlineData("<table><tr><td>", 20_000)]
    public void Parse_DeeplyNestedSavedPage_IsRefusedUnparsed(string open, int count)
    {
        // A saved page is parsed once, for detection and parsing both: the guard comes first.
        var text = "<!DOCTYPE html><html><head><title>標題</title><link rel=\"canonical\" href=\"https://www.cna.com.tw/news/aopl/202309130119.aspx\"></head><body>"
            + new StringBuilder().Insert(0, open, count) + "<p>（中央社首爾13日專電）內文。</p>";
        var outcome = new ArchiveParser().Parse(new InputFile("deep.html", Encoding.UTF8.GetBytes(text)));
        var failed = Assert.IsType<ParseOutcome.Failed>(outcome);
        Assert.Equal("html: HTML is nested more than 512 elements deep", failed.Reason);
    }

    [Fact]
    public void Parse_NestingUnderTheLimit_IsRead()
    {
        var text = FrontMatter + string.Concat(Enumerable.Repeat("<div>", 200)) + "<p>（中央社首爾13日專電）內文。</p>" + string.Concat(Enumerable.Repeat("</div>", 200));
        var outcome = new ArchiveParser().Parse(new InputFile("nested.txt", Encoding.UTF8.GetBytes(text)));
        Assert.Equal<string>(["（中央社首爾13日專電）內文。"], Assert.IsType<ParseOutcome.Parsed>(outcome).Record.Paragraphs);
    }

    [Fact]
    public void Parse_DeeplyNestedMarkdown_ReadsPlainParagraphsWithWarning()
    {
        var text = "---\ntitle: t\nlink: https://example.com/a\n---\n" + string.Concat(Enumerable.Repeat("> ", 100_000)) + "引文\n\n第二段\n";
        var record = Assert.IsType<ParseOutcome.Parsed>(new ArchiveParser().Parse(new InputFile("md.txt", Encoding.UTF8.GetBytes(text)))).Record;
        Assert.Equal<string>(["引文", "第二段"], record.Paragraphs);
        Assert.Contains("markdown nested too deeply to render; read as plain paragraphs", record.Warnings);
    }

    [Fact]
    public void TrySplit_DeeplyNestedYaml_ReadsLineByLineWithWarning()
    {
        var text = "---\ntitle: 標題\ntags: " + new string('[', 100_000) + "\n---\n<p>內文</p>\n";
        Assert.True(FrontMatterParser.TrySplit(text, out var post));
        Assert.Equal("標題", post.FrontMatter.GetText("title"));
        Assert.Contains("front matter nests more than 16 levels deep; read line by line", post.Warnings);
    }
}
