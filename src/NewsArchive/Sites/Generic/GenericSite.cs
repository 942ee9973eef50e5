using NewsArchive.Extraction;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// Any news site nobody described: no site rules, only the generic furniture pass; the article is
/// found by the main-content model (<see cref="Extraction.MainContentModel"/>); the source comes from
/// the URL's host.
/// </summary>
internal static class GenericSite
{
    /// <summary>Headings of further-reading lists.</summary>
    private static readonly string[] ReadMoreHeadings =
    [
        "相關新聞", "相关新闻", "延伸閱讀", "延伸阅读", "推薦閱讀", "推荐阅读", "相關報導", "相关报道", "更多文章", "看更多", "Related", "Read more",
        "Related Articles", "Related Stories", "Read More", "More stories",
    ];

    public static readonly HtmlSiteRules PageRules = new()
    {
        Elements =
        [
            HtmlRule.TakeRelatedList(FurnitureSignals.HeadingText(ReadMoreHeadings), "相關新聞 / Related heading over a list of links"),
            HtmlRule.TakeRelated(FurnitureSignals.ReadMoreBlock(ReadMoreHeadings), "延伸閱讀 heading and its links in one block"),
        ],
    };

    public static readonly PageSite Page = new() { Rules = PageRules };
}
