using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Udn;

/// <summary>
/// UDN (聯合新聞網, udn.com, global.udn.com 轉角國際): saved pages (the article element's furniture and
/// the layouts by era) and plain-text dumps of them (their line tables). The byline
/// (<c>聯合報／記者…／台北即時報導</c>) is read with <see cref="UdnBylineParser"/> in both.
/// </summary>
internal static partial class UdnSite
{
    public const string Code = "udn";

    public static readonly HtmlSiteRules PageRules = new()
    {
        Paragraphs =
        [
            LineRule.EndOfBody(FurtherReadingLine(), "延伸閱讀 / 相關新聞 / udn討論區 headings as paragraphs: the text has ended"),
        ],
        Elements =
        [
            HtmlRule.Remove(".article-content__subinfo, #story_bady_info", "byline box: time and byline are read into fields, follow tags dropped"),
            HtmlRule.Remove(".article-content__info, .article-content__plugins", "breadcrumb, 聽新聞 audio player and like buttons"),
            HtmlRule.TakeTags("section.keywords, #tags, #story_tags", "keyword and tag links"),
            HtmlRule.TakeRelated("#story_also, .story_also, section.more-news, section.related-news", "推薦閱讀 / 延伸閱讀 / 相關新聞 further reading", exclude: ".context-box__header"),
            HtmlRule.Remove("#story_foot, .story_foot, .social_bar, .article-content__ads--bd, .udn-ads, .inline-ads",
                "作者文章 author box, share bar, ad slots and promo links"),
            HtmlRule.Remove("#story_body .area", "收看更多文章 follow-our-page promo box (global.udn.com)"),
        ],
    };

    /// <summary>
    /// Layouts, newest first: udn.com from 2020 (<c>section.article-content__wrapper</c>: the
    /// <c>article.article-content</c> text, its cover figure and its 延伸閱讀 / 相關新聞 boxes), global.udn.com and
    /// udn.com 2018–2019 (<c>#story_body</c> and <c>#story_body_content</c>). Older pages (the
    /// 2013–2014 Big5 layout) have no layout here: the main-content model finds the article and its
    /// byline (udn-html-2013-big5-http-equiv, udn-html-2014-big5).
    /// </summary>
    public static readonly ImmutableArray<PageLayout> Layouts =
    [
        new("2020–", "section.article-content__wrapper")
        {
            Headline = "h1.article-content__title",
            Time = "time.article-content__time",
            Byline = ".article-content__author",
        },
        new("2016–2019 and global.udn.com", "#story_body, #story_body_content")
        {
            Headline = "#story_body h1, #story_body_content h1",
            Time = ".story_bady_info_author > span, .story_bady_info_author",
            Byline = ".story_bady_info_author > a",
        },
    ];

    /// <summary>Lines that show a text dump is a UDN page; a byline plus one of them is conclusive.</summary>
    private static readonly ImmutableArray<string> PageMarkers =
    [
        "udn討論區", "聯合新聞網", "則留言", "轉角國際", "udn Global", "延伸閱讀", "相關新聞", "推薦閱讀", "商品推薦", "快訊", "聽新聞", "聯合線上公司", "udn",
    ];

    /// <summary>A dump's lines where the page leaves the article for good: promos, comments, site-wide lists, footer.</summary>
    private static readonly ImmutableArray<EndOfPageRule> PageEndLines =
    [
        LineRule.EndOfPage(ProductPromoLine(), "商品推薦 product promos"),
        LineRule.EndOfPage(CommentAreaLine(), "udn討論區 comment area (N 則留言, FB留言, 規範)"),
        LineRule.EndOfPage(SponsoredLine(), "贊助廣告 sponsored links"),
        LineRule.EndOfPage(SiteListsLine(), "site-wide article lists (熱門新聞, 猜你喜歡)"),
    ];

    /// <summary>Lines that end the body but not the further-reading lists after it.</summary>
    private static readonly ImmutableArray<EndOfBodyRule> BodyEndLines =
    [
        LineRule.EndOfBody(FollowPagePromoLine(), "收看更多文章 follow-our-page promo"),
    ];

    /// <summary>Lines that are never text, wherever they stand.</summary>
    private static readonly ImmutableArray<DropRule> NoiseLines =
    [
        LineRule.Drop(ShareButtonLine(),
            "share and font-size buttons (用LINE傳送, +, A-A+)"),
        LineRule.Drop(CommentFormLine(), "comment form: 發布 button and policy bullets"),
        LineRule.Drop(FormFieldLine(), "form fields and image placeholders"),
        LineRule.Drop(AudioPlayerLine(), "聽新聞 audio player"),
    ];

    /// <summary>
    /// A page dump's tables: the article's own further-reading lists (延伸閱讀 and 推薦閱讀 list titles,
    /// 相關新聞 pairs each title with a teaser or date line) and the line rules.
    /// </summary>
    public static readonly TextDumpTables TextDump = new()
    {
        PageMarkers = PageMarkers,
        RelatedSections =
        [
            new("延伸閱讀", RelatedEntries.Titles),
            new("推薦閱讀", RelatedEntries.Titles),
            new("相關新聞", RelatedEntries.TitleTeaserPairs),
        ],
        PageEnd = PageEndLines,
        BodyEnd = BodyEndLines,
        Noise = NoiseLines,
    };

    public static readonly Site Site = new()
    {
        Code = Code,
        Hosts = ["udn.com"],
        Labels = ["聯合新聞網", "聯合報", "經濟日報", "udn"],
        IdPattern = Id(),
        ArticleUrl = StoryUrl(),
        UtcOffset = PageLocale.TaiwanTime,
        SiteNames = ["聯合新聞網", "udn", "轉角國際"],
        Byline = text => UdnBylineParser.TryParse(text, out var byline) ? byline : null,
        PageRules = PageRules,
        Layouts = Layouts,
        TextDump = TextDump,
    };

    [GeneratedRegex(@"^(?:延伸閱讀|相關新聞|推薦閱讀|udn討論區|FB留言|商品推薦)$")]
    private static partial Regex FurtherReadingLine();

    // Since 2015 /news/story/7324/7601234; before, /NEWS/DOMESTIC/DOM3/8512345.shtml.
    [GeneratedRegex(@"/story/[0-9]{1,12}/(?<id>[0-9]{1,15})|/NEWS/[A-Z0-9_/]{1,60}/(?<id>[0-9]{5,12})\.shtml", RegexOptions.IgnoreCase)]
    private static partial Regex Id();

    [GeneratedRegex(@"https?://(?:[a-z0-9-]{1,63}\.){0,6}udn\.com/[^\s]{0,300}?/story/[0-9]{1,12}/[0-9]{1,15}")]
    private static partial Regex StoryUrl();

    [GeneratedRegex(@"^商品推薦$")]
    private static partial Regex ProductPromoLine();

    [GeneratedRegex(@"^(?:udn討論區|(?:共\s*)?[0-9]+\s*則留言|FB留言|規範)$")]
    private static partial Regex CommentAreaLine();

    [GeneratedRegex(@"^贊助廣告$")]
    private static partial Regex SponsoredLine();

    [GeneratedRegex(@"^(?:作者文章|最新文章|熱門新聞|猜你喜歡|你可能也會喜歡|看更多|回應|More)$")]
    private static partial Regex SiteListsLine();

    [GeneratedRegex(@"^收看更多文章")]
    private static partial Regex FollowPagePromoLine();

    [GeneratedRegex(@"(?i)^(?:•\s*)?(?:facebook|twitter|whatsapp|line|plurk|email|telegram|分享|複製連結|列印|字級|收藏|訂閱|(?:用|以)?(?:line|fb|facebook|臉書)(?:傳送|分享)|分享(?:到|至)\S{1,12}|\+|＋|A\s*-\s*A\s*\+|A\+\s*A-|﹒|‧)$")]
    private static partial Regex ShareButtonLine();

    [GeneratedRegex(@"^(?:發布|•\s.*)$")]
    private static partial Regex CommentFormLine();

    [GeneratedRegex(@"^\[[^\]]*\]$")]
    private static partial Regex FormFieldLine();

    [GeneratedRegex(@"^(?:聽新聞|[0-9]{1,2}:[0-9]{2} / [0-9]{1,2}:[0-9]{2}|Your browser does not support.*)$")]
    private static partial Regex AudioPlayerLine();
}

