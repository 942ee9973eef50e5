using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Parsing;

namespace NewsArchive.Html;

/// <summary>
/// The generic furniture pass: rules that hold for every HTML body, whatever the site, applied after
/// the site's own table. Element rules are tried in order on each element the article walk meets (the
/// first that matches decides); paragraph rules run on the text the walk read. Each entry is pinned by
/// a golden case of its own, and by cases from several site families where it can reach real text.
/// </summary>
public static partial class FurnitureRules
{
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
        HtmlRule.Remove("[class*=paywall], [class*=Paywall]", "paywall notices (a saved page that shows one warns that its text is cut)"),
        HtmlRule.RemovePopUp("dialog, [role='dialog'], [role='alertdialog'], [role='tooltip'], [aria-modal='true']", "dialogs and tooltips"),
        HtmlRule.RemovePopUp(FurnitureSignals.PopUpBox, "pop-up boxes: a small box with a close control (關閉, ×)"),
        HtmlRule.Remove(FurnitureSignals.LandmarkOutsideText, "navigation, sidebars and footers (nav, aside, footer, ARIA landmarks)"),
        HtmlRule.Remove(FurnitureSignals.UnlikelyRegion, "advertising and recommendation slots named by class or id"),
        HtmlRule.Remove(".share, .shares, .share-bar, .share-buttons, .social-share, .sharing, .fb-like", "share buttons"),
        HtmlRule.Remove(FurnitureSignals.IconImage, "logos and icons are not article images"),
        HtmlRule.Remove(FurnitureSignals.CallToActionBox, "call-to-action boxes: a logo or an invitation to follow, and a link out"),
        HtmlRule.TakeRelated(FurnitureSignals.BareLinkList, "lists of bare links: related stories without a heading"),
        HtmlRule.Remove(FurnitureSignals.LinkDenseBlock, "link-dense blocks: navigation and link lists"),
        HtmlRule.Remove(FurnitureSignals.TrailingGalleryItem, "image galleries after the end of the text (related pictures)"),
        HtmlRule.Remove(FurnitureSignals.GalleryHeading, "gallery headings (相關圖集)"),
        HtmlRule.TakeFigure(FurnitureSignals.GalleryItem, "image-and-caption gallery items inside the text"),
        HtmlRule.TakeFigure("figure", "figures: an image and its figcaption"),
        HtmlRule.Caption("figcaption, small, .caption, .image-caption", "caption elements after an image"),
        HtmlRule.Caption(FurnitureSignals.CaptionBlock, "a short line in a plain block right after an image"),
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

    /// <summary>Paragraphs that are never article text, whatever the site.</summary>
    public static readonly ImmutableArray<LineRule> Paragraphs =
    [
        TimeStamp,
        LineRule.Drop(CopyrightLine(), "copyright notice"),
        LineRule.Drop(ReprintNoticeLine(), "reprint notice (未經授權，不得轉載)"),
        LineRule.Drop(EmbedCreditLine(), "影片來源 credits of removed video embeds"),
        LineRule.Drop(EmbedFallbackLine(), "fallback lines of embedded Instagram and Threads posts (View this post on Instagram)"),
        LineRule.Drop(EmbedFallbackCreditLine(), "fallback credit lines of embedded posts (— Name (@handle) date)"),
        LineRule.Drop(ScraperArtifactLine(), "lone scraper artifacts (null)"),
        LineRule.Drop(FollowPromptLine(),
            "invitations to follow the outlet elsewhere"),
        LineRule.DropTrailing(SourceLine(), "来源 source line closing the body"),
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
}
