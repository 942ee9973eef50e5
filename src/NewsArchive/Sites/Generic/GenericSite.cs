using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// Any news site nobody described: no site rules, only the generic furniture pass; the article is
/// found by the main-content model (<see cref="Extraction.MainContentModel"/>); the source comes from
/// the URL's host.
/// </summary>
internal static partial class GenericSite
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

    /// <summary>The rules for a post body of any site: RTHK, DW, Kyodo, NHK, RFA, NYT, Al Jazeera, ...</summary>
    public static readonly HtmlSiteRules PostRules = new()
    {
        Elements =
        [
            HtmlRule.Remove("#zoomattribute, .copyright", "image zoom widget and photo credit"),
            HtmlRule.Remove("time, address", "byline widgets (author and time stamp)"),
            HtmlRule.TakeRelatedList(
                FurnitureSignals.HeadingText("阅读更多", "閱讀更多", "延伸閱讀", "延伸阅读", "相關新聞", "相关新闻", "相關報導", "相关报道", "推薦閱讀", "推荐阅读"),
                "阅读更多 / 延伸閱讀 heading over a list of links"),
            HtmlRule.Caption(".lead_image_caption", "lead image caption"),
        ],
    };

    /// <summary>
    /// The generic site: no code (the source comes from each page's URL or labels), the generic
    /// tables, and every container but the text dump, whose reading needs a site's byline grammar.
    /// </summary>
    public static readonly Site Site = new() { PostRules = PostRules, PageRules = PageRules };

    /// <summary>
    /// Publishers the generic formats read, known by host and label so that their records carry
    /// their code, their native ids and their time zone; none has tables of its own yet.
    /// </summary>
    public static readonly ImmutableArray<Site> Publishers =
    [
        new() { Code = "rthk", Hosts = ["rthk.hk"], Labels = ["香港電台", "rthk"], IdPattern = RthkId() },
        new() { Code = "dw", Hosts = ["dw.com"], Labels = ["德國之聲", "dw"], IdPattern = DwId() },
        new() { Code = "kyodo", Hosts = ["kyodonews.net"], Labels = ["共同社", "kyodo"], IdPattern = KyodoId() },
        new() { Code = "nhk", Hosts = ["nhk.jp", "nhk.or.jp"], Labels = ["nhk"], IdPattern = NhkId() },
        new() { Code = "rfa", Hosts = ["rfa.org"], Labels = ["自由亞洲電台", "rfa"] },
        new() { Code = "nyt", Hosts = ["nytimes.com"], Labels = ["紐約時報", "nyt"] },
        new() { Code = "aj", Hosts = ["aljazeera.net", "aljazeera.com"], Labels = ["半島電視台", "aj"] },
        new() { Code = "bbc", Hosts = ["bbc.com", "bbc.co.uk"], Labels = ["bbc"] },
        new() { Code = "ltn", Hosts = ["ltn.com.tw"], Labels = ["自由時報", "ltn"], UtcOffset = PageLocale.TaiwanTime },
        new() { Code = "chinatimes", Hosts = ["chinatimes.com"], Labels = ["中時", "中國時報", "chinatimes"], UtcOffset = PageLocale.TaiwanTime },
        new() { Code = "pts", Hosts = ["pts.org.tw"], Labels = ["公視", "pts"], UtcOffset = PageLocale.TaiwanTime },
        new() { Code = "storm", Hosts = ["storm.mg"], Labels = ["風傳媒", "storm"], UtcOffset = PageLocale.TaiwanTime },
    ];

    [GeneratedRegex(@"/(?<id>[0-9]{1,15})-[0-9]{8}\.htm", RegexOptions.IgnoreCase)]
    private static partial Regex RthkId();

    [GeneratedRegex(@"/a-(?<id>[0-9]{1,15})(?:$|[/?#])", RegexOptions.IgnoreCase)]
    private static partial Regex DwId();

    [GeneratedRegex(@"/news/[0-9]{4}/[0-9]{2}/(?<id>[0-9a-f]{12})(?:-[^/]{0,300})?\.html", RegexOptions.IgnoreCase)]
    private static partial Regex KyodoId();

    [GeneratedRegex(@"/(?<id>[0-9]{8}_[A-Za-z0-9]{1,40})\.json", RegexOptions.IgnoreCase)]
    private static partial Regex NhkId();
}
