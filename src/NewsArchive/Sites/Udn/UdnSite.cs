using System.Collections.Immutable;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Udn;

/// <summary>
/// UDN (聯合新聞網, udn.com, global.udn.com 轉角國際) saved pages: the article element's furniture and
/// the layouts by era. The visible byline (<c>聯合報／記者…／台北即時報導</c>) is read with
/// <see cref="UdnBylineParser"/>, as in a page dump.
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

    public static readonly PageSite Page = new()
    {
        Code = Code,
        Rules = PageRules,
        Layouts = Layouts,
        SiteNames = ["聯合新聞網", "udn", "轉角國際"],
        Byline = text => UdnBylineParser.TryParse(text, out var byline)
            ? new BylineFields(byline.Agency, byline.Dateline, byline.Authors)
            : null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:延伸閱讀|相關新聞|推薦閱讀|udn討論區|FB留言|商品推薦)$")]
    private static partial System.Text.RegularExpressions.Regex FurtherReadingLine();
}
