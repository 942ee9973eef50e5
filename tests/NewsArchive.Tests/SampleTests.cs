using NewsArchive.Records;

namespace NewsArchive.Tests;

/// <summary>The five files in <c>samples/</c> (the user's own archive files), field by field.</summary>
public sealed class SampleTests
{
    private static ArticleRecord Parse(string prefix)
    {
        var path = Directory.GetFiles(TestPaths.SamplesDirectory, prefix + "_*").Single();
        var outcome = new ArchiveParser().Parse(new InputFile("samples/" + Path.GetFileName(path), File.ReadAllBytes(path)));
        return Assert.IsType<ParseOutcome.Parsed>(outcome).Record;
    }

    [Fact]
    public void Sample000_CnaPost_ReadsDatelineTranslatorTagsRelated()
    {
        var record = Parse("000");
        Assert.Equal("cna:202212200002", record.Id);
        Assert.Equal("cna-jekyll", record.Format);
        Assert.Equal("蒲亭訪問白俄羅斯  魯卡申柯盼兩國加強軍事合作", record.Title);
        Assert.Equal("2022-12-20T02:04:03+08:00", record.Published);
        Assert.Equal(6, record.Paragraphs.Length);
        Assert.StartsWith("（中央社明斯克19日綜合外電報導）俄羅斯總統蒲亭今天搭機造訪白俄羅斯首都明斯克", record.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("（譯者：陳彥鈞）1111220", record.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal<string>(["蒲亭", "魯卡申柯", "俄羅斯"], record.Tags);
        Assert.Equal(4, record.Related.Length);
        Assert.Equal(new RelatedLink("士氣低落 俄「前線藝工隊」網羅歌手馬戲團員勞軍", "https://www.cna.com.tw/news/aopl/202212190265.aspx"), record.Related[0]);
        Assert.Equal<string>(["陳彥鈞"], record.Translators);
        Assert.Equal("中央社", record.Agency);
        Assert.Equal(new Dateline("明斯克", 19, "綜合外電報導"), record.Dateline);
        Assert.Empty(record.Images);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void Sample001_KeywordsNestedInLastParagraph_EndAtTheCredit()
    {
        var record = Parse("001");
        Assert.Equal(3, record.Paragraphs.Length);
        Assert.EndsWith("（譯者：陳正健）1111230", record.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal<string>(["蒲亭", "習近平", "路透社"], record.Tags);
        Assert.Equal(5, record.Related.Length);
        Assert.Equal("俄中元首視訊會談 蒲亭渴望加強兩國軍事合作", record.Related[0].Title);
    }

    [Fact]
    public void Sample002_LongPost_HasSixteenParagraphs()
    {
        var record = Parse("002");
        Assert.Equal(16, record.Paragraphs.Length);
        Assert.Equal<string>(["烏克蘭", "蒲亭", "習近平"], record.Tags);
        Assert.Equal<string>(["陳政一"], record.Translators);
    }

    [Fact]
    public void Sample003_SubscriptionBoxRemoved_NothingAfterItLost()
    {
        var record = Parse("003");
        Assert.Equal(4, record.Paragraphs.Length);
        Assert.StartsWith("韓聯社稍早發布快訊表示", record.Paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("金正恩與蒲亭（Vladimir Putin）時隔4年多碰面", record.Paragraphs[2], StringComparison.Ordinal);
        Assert.EndsWith("（編輯：陳承功）1120913", record.Paragraphs[3], StringComparison.Ordinal);
        Assert.Equal<string>(["廖禹揚"], record.Authors);
        Assert.Equal<string>(["陳承功"], record.Editors);
        Assert.Equal(new Dateline("首爾", 13, "專電"), record.Dateline);
        Assert.Equal(4, record.Related.Length);
    }

    [Fact]
    public void Sample004_UdnDump_ReadsHeadlineBylineCaptionAndLists()
    {
        var record = Parse("004");
        Assert.Equal("udn-text", record.Format);
        Assert.Equal("udn", record.Source);
        Assert.Equal("澤倫斯基：正與盟國協商安全保障細節", record.Title);
        Assert.Equal("2025-08-23", record.Published);
        Assert.Equal("中央社", record.Agency);
        Assert.Equal(new Dateline("基輔", 22, "專電"), record.Dateline);
        Assert.Equal(12, record.Paragraphs.Length);
        Assert.StartsWith("烏克蘭與西方盟國近日持續就俄烏戰事終戰的可能進行磋商", record.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("1994年烏克蘭與俄羅斯、美國與英國簽署", record.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal<string>(["烏克蘭", "俄羅斯", "俄烏戰爭"], record.Tags);
        Assert.Equal<ArticleImage>([new ArticleImage(null, "烏克蘭總統澤倫斯基。圖／美聯社")], record.Images);
        Assert.Equal(9, record.Related.Length);
        Assert.DoesNotContain(record.Related, r => r.Title == record.Title);
        Assert.Null(record.FrontMatter);
    }
}
