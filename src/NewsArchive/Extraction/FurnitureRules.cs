using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NewsArchive.Extraction;

/// <summary>
/// The generic furniture pass: rules that hold for every HTML body, whatever the site, applied after
/// the site's own table. Element rules are tried in order on each element the article walk meets (the
/// first that matches decides); paragraph rules run on the text the walk read. Each entry is pinned by
/// a golden case of its own, and by cases from several site families where it can reach real text.
/// </summary>
internal static partial class FurnitureRules
{
    /// <summary>An image's credit line after it: part of that image's caption, after a loose image or a figure.</summary>
    public static readonly CaptionRule ImageCredit = HtmlRule.Caption(FurnitureSignals.ImageCreditLine, "an image's credit line after it (图像来源，…, 圖片來源：…, Image source, …)");

    public static readonly ImmutableArray<HtmlRule> Html =
    [
        HtmlRule.Remove("script, noscript, template", "scripts"),
        HtmlRule.Remove("style, link, meta", "style sheets and page metadata"),
        HtmlRule.Remove("svg, math", "SVG icons"),
        HtmlRule.Remove("iframe, object, embed, video, audio, canvas", "embedded players and frames"),
        HtmlRule.Remove(
            "blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.text-post-media, blockquote.tiktok-embed, .fb-post, .fb-video",
            "embedded social-media posts"),
        HtmlRule.Remove("form, input, button, select, textarea, label", "forms and buttons"),
        HtmlRule.Remove("[hidden], [style*='display: none'], [style*='display:none']", "hidden elements"),
        HtmlRule.Remove("[aria-hidden='true']", "aria-hidden: hidden from readers"),
        HtmlRule.Remove(
            ".sr-only, .sr-only-focusable, .visually-hidden, .visuallyhidden, .screen-reader-text, .screen-reader-only, .screenreader-only, .sr-text, .a11y-hidden, .u-visually-hidden, .hidden-visually, .element-invisible, .offscreen, .vh",
            "screen-reader-only text (sr-only, visually-hidden): read to the blind, never shown"),
        HtmlRule.Remove("[class*=paywall], [class*=Paywall]", "paywall notices (a saved page that shows one warns that its text is cut)"),
        HtmlRule.RemovePopUp("dialog, [role='dialog'], [role='alertdialog'], [role='tooltip'], [aria-modal='true']", "dialogs and tooltips"),
        HtmlRule.RemovePopUp(FurnitureSignals.PopUpBox, "pop-up boxes: a small box with a close control (關閉, ×)"),
        HtmlRule.Remove(FurnitureSignals.LandmarkOutsideText, "navigation, sidebars and footers (nav, aside, footer, ARIA landmarks)"),
        HtmlRule.Remove(FurnitureSignals.UnlikelyRegion, "advertising and recommendation slots named by class or id"),
        HtmlRule.Remove(".share, .shares, .share-bar, .share-buttons, .social-share, .sharing, .fb-like", "share buttons"),
        HtmlRule.Remove(FurnitureSignals.IconImage, "logos and icons are not article images"),
        HtmlRule.Remove(FurnitureSignals.AdvertisingImage, "advertising placeholder images (ad300x250.jpg, /ads/) are not article images"),
        HtmlRule.Remove(FurnitureSignals.CallToActionBox, "call-to-action boxes: a logo or an invitation to follow, and a link out"),
        HtmlRule.TakeRelated(FurnitureSignals.BareLinkList, "lists of bare links: related stories without a heading"),
        HtmlRule.Remove(FurnitureSignals.LinkDenseBlock, "link-dense blocks: navigation and link lists"),
        HtmlRule.Remove(FurnitureSignals.TrailingGalleryItem, "image galleries after the end of the text (related pictures)"),
        HtmlRule.Remove(FurnitureSignals.GalleryHeading, "gallery headings (相關圖集)"),
        HtmlRule.TakeFigure(FurnitureSignals.GalleryItem, "image-and-caption gallery items inside the text"),
        HtmlRule.TakeFigure("figure", "figures: an image and its figcaption"),
        HtmlRule.Caption("figcaption, small, .caption, .image-caption", "caption elements after an image"),
        HtmlRule.Caption(FurnitureSignals.CaptionBlock, "a short line in a plain block right after an image"),
        ImageCredit,
    ];

    /// <summary>A paragraph that is only a time stamp (<c>2024-11-09T08:25:51.905Z</c>): a byline widget's.</summary>
    public static readonly DropRule TimeStamp =
        LineRule.Drop(TimeStampLine(), "bare time stamp");

    /// <summary>A name beside a bare time stamp at the top of the body: the author line (DW posts).</summary>
    public static readonly TakeBylineRule Byline = new("author line beside a time stamp at the top of the body", TimeStamp);

    /// <summary>A paragraph that repeats a sentence of a longer one: a pull quote.</summary>
    public static readonly DropRepeatedRule PullQuotes = new("pull quotes repeating a sentence of the text");

    /// <summary>
    /// The generic paragraph rules look at paragraphs up to this long: furniture lines are short, and
    /// the longest pattern (a copyright notice) stays under it.
    /// </summary>
    public const int MaxFurnitureParagraphChars = 150;

    /// <summary>
    /// A notice that the story shown is cut: expired (<c>您所瀏覽的新聞已過查詢時效</c>), for subscribers
    /// only, removed. The notice is not text, and the record says its text is cut.
    /// </summary>
    public static readonly DropRule CutNotice = LineRule.Drop(
        CutNoticeLine(), "notices that the story is cut: expired, for subscribers only, removed (已過查詢時效)",
        "時效", "期限", "期間", "下架", "刪除", "移除", "不再提供", "過期", "閱讀", "觀看", "瀏覽", "ubscri", "ign in", "og in", "embers");

    /// <summary>Paragraphs that are never article text, whatever the site.</summary>
    public static readonly ImmutableArray<LineRule> Paragraphs =
    [
        TimeStamp,
        CutNotice,
        LineRule.Drop(CopyrightLine(), "copyright notice"),
        LineRule.Drop(ReprintNoticeLine(), "reprint notice (未經授權，不得轉載)"),
        LineRule.Drop(EmbedCreditLine(), "影片來源 credits of removed video embeds"),
        LineRule.Drop(EmbedFallbackLine(), "fallback lines of embedded Instagram and Threads posts (View this post on Instagram)"),
        LineRule.Drop(EmbedFallbackCreditLine(), "fallback credit lines of embedded posts (— Name (@handle) date)"),
        LineRule.Drop(ScraperArtifactLine(), "lone scraper artifacts (null)"),
        LineRule.Drop(FollowPromptLine(),
            "invitations to follow the outlet elsewhere"),
        LineRule.DropTrailing(SourceLine(), "来源 source line closing the body"),
        LineRule.Drop(ScreenReaderLine(), "screen-reader announcements left as lines (list of 4 items, end of list)", "list", "List", "列表"),
        LineRule.Drop(WidgetFragmentLine(), "fragments of a byline widget (Role,)"),
        LineRule.Drop(FurnitureSignals.ImageCreditPattern(), "image credit lines whose image is gone (图像来源，…)", "来源", "來源", "提供", "ource", "redit"),
    ];

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex TimeStampLine();

    [GeneratedRegex(@"^(?:©|\(c\)|Copyright\b).{0,120}(?:版权|版權|著作权|著作權|All rights reserved)")]
    private static partial Regex CopyrightLine();

    /// <summary>
    /// A site's notice that its content may not be reused: <c>本網站之文字…非經授權，不得轉載…</c>,
    /// <c>未經授權請勿轉載</c>. Whole short paragraphs only (the rule's length limit).
    /// </summary>
    [GeneratedRegex(@"^[^。！？]{0,40}(?:未經|非經|未经|非经)[^。！？]{0,12}(?:授權|同意|許可|授权|许可)[^。！？]{0,4}(?:不得|禁止|請勿|请勿|嚴禁|严禁)[^。！？]{0,8}(?:轉載|轉貼|重製|转载|转贴|重制|使用|利用)[^。！？]{0,40}[。！]?$")]
    private static partial Regex ReprintNoticeLine();

    [GeneratedRegex(@"^[（(]?(?:影片|影音|視頻|视频|影像|Video|video)\s*(?:來源|来源|提供|取自|出處|出处|credit|Credit|source|Source)\s*[:：].{1,60}$")]
    private static partial Regex EmbedCreditLine();

    [GeneratedRegex(@"^(?:View this post on Instagram|在 ?Instagram ?(?:查看|上查看)這則貼文|在 ?Instagram ?查看这则帖子|A post shared by .{1,80}|View on Threads|在 ?Threads ?(?:查看|上查看)|Post by @?\S{1,40}\s*View on Threads)$")]
    private static partial Regex EmbedFallbackLine();

    [GeneratedRegex(@"(?<=^.{1,60})(?:(?:在|於) ?Instagram ?(?:分享|發佈|发布)的(?:貼文|帖子).{0,40}|\(@\w{1,30}\) (?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{1,2}, [0-9]{4})$")]
    private static partial Regex EmbedFallbackCreditLine();

    [GeneratedRegex(@"^(?:null|undefined|NaN|None|nil|\[object Object\])$")]
    private static partial Regex ScraperArtifactLine();

    [GeneratedRegex(@"(?<=^.{0,30})(?:追蹤|追踪|關注|关注|訂閱|订阅|加入|按讚|follow|Follow|subscribe|Subscribe).{0,20}(?:Google ?(?:新聞|新闻|News)|LINE|Line|YouTube|Facebook|臉書|脸书|IG|Instagram|Telegram|Threads|Podcast|頻道|频道|粉絲專頁|粉丝专页|粉專|好友|帳號|账号|官方帳號).{0,20}$")]
    private static partial Regex FollowPromptLine();

    [GeneratedRegex(@"^(?:来源|來源|资料来源|資料來源|Source|消息來源)\s*[:：]\s*\S.{0,40}$")]
    private static partial Regex SourceLine();

    /// <summary>What a screen reader announces around a list: <c>list of 4 items</c>, <c>end of list</c>.</summary>
    [GeneratedRegex(@"^(?:[Ll]ist of [0-9]{1,3} items?|[Ee]nd of list|列表(?:，|,)?(?:共)?[0-9]{1,3}(?:项|項|个|個)|列表结束|列表結束)$")]
    private static partial Regex ScreenReaderLine();

    /// <summary>
    /// A word and a comma alone on a line: what is left of a byline widget whose label (<c>Role,</c>,
    /// <c>作者,</c>) stood beside a name in another element.
    /// </summary>
    [GeneratedRegex(@"^[\p{L}]{1,12}\s?[,，]$")]
    private static partial Regex WidgetFragmentLine();

    /// <summary>
    /// A notice about the page's rights or its comments, wherever it stands in a short paragraph:
    /// <c>※本文版權所有，非經授權，不得轉載。[ETtoday著作權聲明]※</c>, <c>留言請遵守留言規則</c>.
    /// </summary>
    [GeneratedRegex(@"版權所有|版权所有|著作權所有|著作权所有|著作權聲明|著作权声明|版權聲明|版权声明|(?:不得|禁止|請勿|请勿|嚴禁|严禁|謝絕|谢绝)(?:任意)?(?:轉載|转载|轉貼|转贴|轉發|转发|重製|重制|複製|复制)|All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED|^\W{0,3}(?:©|Copyright\b|\(c\) ?[0-9]{4})|(?:留言|評論|评论|回應|回应|發言|发言|討論區|讨论区)[^。！？]{0,12}(?:規則|规则|守則|守则|規範|规范|須知|须知|政策|條款|条款)|[Cc]omment(?:s|ing)? (?:[Pp]olicy|[Gg]uidelines|[Rr]ules)")]
    internal static partial Regex NoticeLine();

    [GeneratedRegex(@"(?:已過|已超過|超過)[^。！？]{0,6}(?:查詢|瀏覽|閱覽|保存|刊登)?(?:時效|期限|期間)|(?:新聞|文章|內容|本文)[^。！？]{0,8}(?:已下架|已刪除|已移除|不再提供|已過期)|(?:訂閱|付費)(?:會員)?(?:後|才能|即可)[^。！？]{0,8}(?:閱讀|觀看|瀏覽)(?:全文|完整內容)?|(?:[Ss]ubscribe|[Ss]ign in|[Ll]og in) to (?:continue|read) (?:reading|the full (?:story|article))|[Tt]his (?:article|story|content) is (?:for|available to|only available to) (?:subscribers|members)")]
    private static partial Regex CutNoticeLine();

    /// <summary>An advertising label alone on a line, and the "continue reading" that follows a slot.</summary>
    [GeneratedRegex(@"^[\[［【(（]?\s*(?:(?:贊助商|赞助商)?(?:廣告|广告)|贊助|赞助|Advertisement|ADVERTISEMENT|Advertising|Sponsored|SPONSORED|Anzeige|Publicité|Publicidad|Pubblicità|Iklan|Реклама)?\s*[\]］】)）]?\s*(?:(?:請|请)?(?:繼續|继续)(?:往下|向下)?(?:閱讀|阅读|觀看|观看)[.。…]*|(?:Story )?[Cc]ontinues? (?:reading )?below(?: (?:the )?advertisement)?|Scroll (?:down )?to continue(?: reading)?)?\s*$")]
    internal static partial Regex AdvertisingLabelLine();

    /// <summary>A counter of readers or views alone on a line.</summary>
    [GeneratedRegex(@"^(?:[0-9][0-9,.]*\s*[KkMm萬万]?\s*(?:次)?(?:點閱|点阅|人氣|人气|瀏覽|浏览|閱讀|阅读|觀看|观看|views?|Views?|VIEWS|reads?)|(?:點閱|点阅|人氣|人气|瀏覽(?:數|次數)?|浏览(?:数|次数)?|閱讀(?:數|次數)?|阅读(?:数|次数)?|觀看次數|Views?)\s*[:：]?\s*[0-9][0-9,.]*\s*[KkMm萬万]?)$")]
    internal static partial Regex CounterLine();

    /// <summary>A line made only of widget labels: <c>字級</c>, <c>字級設定：小中大特</c>, <c>分享給朋友：</c>, <c>列印本頁 轉寄</c>.</summary>
    [GeneratedRegex(@"^(?:(?:字級(?:設定|大小)?|字體(?:大小)?|字体(?:大小)?|字型|[小中大特]|分享(?:給朋友|给朋友|到|至|本文|此文)?|列印(?:本頁|此頁)?|打印|轉寄(?:好友|本文)?|转寄|我要評比|我要评比|評分|评分|收藏|檢舉|友善列印|Share(?: this)?|Print|E-?mail|Tweet|Font size|A\+|A-)\s*[:：/|｜、]?\s*){1,8}$")]
    internal static partial Regex WidgetLabelLine();

    /// <summary>A promo for the outlet's social pages: <c>粉絲團</c>, <c>G+</c>, <c>按讚加入…</c>.</summary>
    [GeneratedRegex(@"^.{0,20}(?:按讚|按赞|點讚|点赞)(?:加入|追蹤|追踪|訂閱|订阅).{0,30}$|^.{0,30}(?:粉絲團|粉丝团|粉絲頁|粉丝页)[:：!！]?.{0,20}$|^\W{0,2}G\+\W{0,2}$")]
    internal static partial Regex SocialPromoLine();
}
