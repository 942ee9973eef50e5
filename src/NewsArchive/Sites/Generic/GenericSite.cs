using NewsArchive.Html;
using NewsArchive.Profiles;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// Any news site nobody described: no site rules, only the generic furniture pass; the article is
/// found by the main-content model (<see cref="Extraction.MainContentModel"/>); the source comes from
/// the URL's host.
/// </summary>
public static class GenericSite
{
    public static readonly HtmlSiteRules PageRules = new()
    {
        Elements =
        [
            HtmlRule.TakeRelatedList(
                FurnitureSignals.HeadingText("相關新聞", "相关新闻", "延伸閱讀", "延伸阅读", "推薦閱讀", "推荐阅读", "Related", "Read more"),
                "相關新聞 / Related heading over a list of links"),
        ],
    };

    public static readonly PageSite Page = new() { Rules = PageRules };
}
