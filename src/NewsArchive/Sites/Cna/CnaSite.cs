using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Cna;

/// <summary>
/// CNA (中央社, cna.com.tw), read in Jekyll posts and saved pages: the article body's furniture, the
/// same in both, and the saved page's layouts by era. Every story opens with a dateline
/// (<c>（中央社記者…台北23日電）</c>) and closes with a credit (<c>（編輯：…）1120823</c>).
/// </summary>
internal static partial class CnaSite
{
    public const string Code = "cna";

    /// <summary>
    /// What is furniture in the body, wherever the body comes from. The share bar and the
    /// <c>figcaption.picinfo</c> captions need no entry: the generic pass takes them (link-dense
    /// blocks, figure captions), and RuleNecessityTests keeps entries that only repeat it out.
    /// </summary>
    private static readonly ImmutableArray<HtmlRule> Body =
    [
        HtmlRule.Remove(".bottomBox, .topNews, .topNewsTitle, .owl-carousel, .topicItem", "聚焦新聞 carousel (its heading stays when the items are cut)"),
        HtmlRule.Remove(".SubscriptionInner, .subscriInnTitle, .subsinput, .endMsg", "訂閱電子報 e-paper subscription box"),
        HtmlRule.Remove(".paragraph.adGroup, .ad", "advertising slots"),
        HtmlRule.TakeTags(".articlekeywordGroup, .keywordTag", "#keyword links"),
        HtmlRule.TakeRelated(".moreArticle, .insertGroup", "延伸閱讀 further-reading blocks and in-body read-more boxes", exclude: ".moreArticle-title"),
        HtmlRule.TakeRelatedList(FurnitureSignals.HeadingText("延伸閱讀", "相關新聞", "相關報導", "※你可能還想看"), "延伸閱讀 / ※你可能還想看 heading over a list of links"),
    ];

    /// <summary>The rules for a Jekyll post's body.</summary>
    public static readonly HtmlSiteRules PostRules = new() { Elements = Body };

    /// <summary>
    /// The rules for a saved page's article element: the page's own furniture around the body, then
    /// the body's. The headline and time are read into fields first (<see cref="Layouts"/>).
    /// </summary>
    public static readonly HtmlSiteRules PageRules = new()
    {
        Elements =
        [
            HtmlRule.Remove(".breadcrumb, .timeBox", "breadcrumb and time box (the time is read into a field)"),
            HtmlRule.Remove(".mbBtnGroup, .shareSide, .BtnShareGroup, .bottomArticleBanner, .articleADbox", "聽新聞 player, share rail, app promo and banner slots"),
            .. Body,
        ],
    };

    /// <summary>
    /// The saved page's layouts, newest first. 2016 onwards (the cna2018 redesign and the 2023 page
    /// with carousels and the subscription box): <c>div.centralContent</c> holds the headline, the
    /// time box, the lead photo and the <c>div.paragraph</c> text. The 2013–2014 table layout has no
    /// entry: the main-content model finds its text (<c>&lt;br&gt;&lt;br&gt;</c> runs in one paragraph)
    /// beside the 其他重點新聞 side box, its tool row and its visible date line (cna-html-2014-table-layout).
    /// </summary>
    public static readonly ImmutableArray<PageLayout> Layouts =
    [
        new("2016–", "div.centralContent") { Headline = "div.centralContent > h1", Time = "div.centralContent .updatetime > span" },
    ];

    public static readonly Site Site = new()
    {
        Code = Code,
        Hosts = ["cna.com.tw"],
        Labels = ["中央社", "中央通訊社", "cna"],
        IdPattern = Id(),
        UtcOffset = PageLocale.TaiwanTime,
        DatelineAgencies = ["中央社", "中央通訊社"],
        DatelineExpected = true,
        SiteNames = ["中央社", "CNA"],
        PostRules = PostRules,
        PageRules = PageRules,
        Layouts = Layouts,
    };

    // 2013–2014 article URLs carry a page suffix: /news/aloc/201404120056-1.aspx.
    [GeneratedRegex(@"cna\.com\.tw/[^?#\s]{0,200}?/(?<id>[0-9]{8,14})(?:-[0-9]{1,2})?(?:\.aspx|/|$|\?)", RegexOptions.IgnoreCase)]
    private static partial Regex Id();
}
