using NewsArchive.Containers;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// <c>jekyll</c>: any other Jekyll post (RTHK, DW, Kyodo, NHK, RFA, NYT, Al Jazeera, ...), HTML or
/// markdown body, read by generic rules. It answers <see cref="DetectionConfidence.Weak"/> so a
/// site-specific profile wins whenever one fits.
/// </summary>
internal sealed class JekyllProfile(HtmlSiteRules rules) : IFormatProfile
{
    internal static readonly HtmlSiteRules Rules = new()
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

    /// <summary>The format with its own rules; a test builds it with a rule left out, to show each rule is needed.</summary>
    public JekyllProfile()
        : this(Rules)
    {
    }

    public string Name => "jekyll";

    public ContainerKind Container => ContainerKind.JekyllPost;

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Post is null ? DetectionConfidence.None : DetectionConfidence.Weak;

    public ProfileResult Parse(SourceDocument document, ParseContext context) =>
        JekyllArticleReader.Read(document, context, rules);

    public ArticleHeader ReadHeader(SourceDocument document) => JekyllArticleReader.ReadHeader(document);
}
