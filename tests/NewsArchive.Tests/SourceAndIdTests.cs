using NewsArchive.Assembly;
using NewsArchive.Input;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

public sealed class SourceAndIdTests
{
    [Theory]
    [InlineData("https://www.cna.com.tw/news/aopl/202212200002.aspx", "cna")]
    [InlineData("https://udn.com/news/story/7331/8950123", "udn")]
    [InlineData("https://news.rthk.hk/rthk/ch/component/k2/1779284-20241115.htm", "rthk")]
    [InlineData("https://china.kyodonews.net/news/2024/11/c83d9c430023.html", "kyodo")]
    [InlineData("https://example.org/a", null)]
    [InlineData("not a url", null)]
    public void FromUrl_KnownHosts_GiveSiteCodes(string url, string? code)
    {
        Assert.Equal(code, SiteCatalog.Directory.FromUrl(url));
    }

    [Theory]
    [InlineData("https://www.cna.com.tw/news/aopl/1.aspx", "www.cna.com.tw")]
    [InlineData("HTTP://User@News.RTHK.hk:8080/x?y", "news.rthk.hk")]
    [InlineData(" https://udn.com ", "udn.com")]
    [InlineData("https://www.dw.com/zh/蒲亭 訪問/a-1", "www.dw.com")]
    [InlineData("ftp://example.com/x", null)]
    [InlineData("/tag/hysearchws.aspx?q=x", null)]
    [InlineData("https:///path", null)]
    public void TryGetHost_HttpUrls_GivesLowerCaseHost(string url, string? host)
    {
        Assert.Equal(host is not null, UrlHost.TryGetHost(url, out var actual));
        Assert.Equal(host ?? string.Empty, actual);
    }

    [Theory]
    [InlineData("(臺)中央社CNA", "cna")]
    [InlineData("cna", "cna")]
    [InlineData("dw", "dw")]
    [InlineData("聯合新聞網", "udn")]
    [InlineData("news", null)]
    public void FromLabel_FrontMatterLabels_GiveKnownSites(string label, string? code)
    {
        Assert.Equal(code, SiteCatalog.Directory.FromLabel(label));
    }

    [Theory]
    [InlineData("cna", "https://www.cna.com.tw/news/aopl/202212200002.aspx", "cna:202212200002")]
    [InlineData("udn", "https://udn.com/news/story/7331/8950123", "udn:8950123")]
    [InlineData("dw", "https://www.dw.com/zh/x/a-70781080", "dw:70781080")]
    [InlineData("rthk", "https://news.rthk.hk/rthk/ch/component/k2/1779284-20241115.htm", "rthk:1779284")]
    public void Build_UrlWithNativeId_UsesIt(string source, string url, string expected)
    {
        Assert.Equal(expected, ArticleIdBuilder.Build(source, url, "標題", "內文", SiteCatalog.Directory));
    }

    [Fact]
    public void Build_NoNativeId_HashesTitleAndText()
    {
        // SHA-256 of "標題\n內文" in UTF-8, first 16 hex digits.
        var expected = "udn:sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("標題\n內文"u8))[..16];
        Assert.Equal(expected, ArticleIdBuilder.Build("udn", null, "標題", "內文", SiteCatalog.Directory));
        Assert.Equal(expected, ArticleIdBuilder.Build("udn", "https://udn.com/news/index", "標題", "內文", SiteCatalog.Directory));
        Assert.NotEqual(expected, ArticleIdBuilder.Build("udn", null, "標題", "內文。", SiteCatalog.Directory));
    }
}
