using NewsArchive.Detection;
using NewsArchive.Html;
using NewsArchive.Parsing;

namespace NewsArchive.Profiles;

/// <summary>
/// <c>jekyll</c>: any other Jekyll post (RTHK, DW, Kyodo, NHK, RFA, NYT, Al Jazeera, ...), HTML or
/// markdown body, read by generic rules. It answers <see cref="DetectionConfidence.Weak"/> so a
/// site-specific profile wins whenever one fits.
/// </summary>
public sealed class JekyllProfile : IFormatProfile
{
    internal static readonly HtmlSiteRules Rules = new()
    {
        Boilerplate =
        [
            HtmlRule.Remove("footer, nav, aside", "page footers, navigation and sidebars"),
            HtmlRule.Remove("#zoomattribute, .copyright", "image zoom widget and photo credit"),
            HtmlRule.Remove("time, address", "byline widgets (author and time stamp)"),
            HtmlRule.Remove(".share, .social-share, .share-buttons, .related-links", "share and link widgets"),
        ],
        ReadMoreHeadings = ["阅读更多", "閱讀更多", "延伸閱讀", "延伸阅读", "相關新聞", "相关新闻", "相關報導", "相关报道", "推薦閱讀", "推荐阅读"],
        LooseImageCaptions = HtmlRule.Remove("small, figcaption, .lead_image_caption, .image-caption, .caption", "image captions"),
        ParagraphRules =
        [
            LineRule.Drop(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$", "bare time stamp"),
            LineRule.Drop(@"^(?:©|\(c\)|Copyright\b).{0,200}(?:版权|版權|著作权|著作權|All rights reserved)", "copyright notice"),
        ],
    };

    public string Name => "jekyll";

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Post is null ? DetectionConfidence.None : DetectionConfidence.Weak;

    public ProfileResult Parse(SourceDocument document, ParseContext context) =>
        JekyllArticleReader.Read(document, context, Rules);
}
