using NewsArchive.Detection;
using NewsArchive.Html;
using NewsArchive.Parsing;

namespace NewsArchive.Profiles;

/// <summary>
/// <c>cna-jekyll</c>: a Jekyll post whose body is a CNA (中央社) article page's HTML, from any of the
/// scrapers seen: <c>from:</c> or <c>link:</c>, quoted or bare titles, with or without the
/// <c>&lt;!--epoch--&gt;</c> + markdown title header, carousels and subscription boxes still in.
/// </summary>
public sealed class CnaJekyllProfile : IFormatProfile
{
    internal static readonly HtmlSiteRules Rules = new()
    {
        Elements =
        [
            HtmlRule.Remove(".bottomBox, .topNews, .topNewsTitle, .owl-carousel, .topicItem", "聚焦新聞 carousel"),
            HtmlRule.Remove(".SubscriptionInner, .subscriInnTitle, .subsinput, .endMsg", "訂閱電子報 e-paper subscription box"),
            HtmlRule.Remove(".paragraph.adGroup, .ad", "advertising slots"),
            HtmlRule.Remove(".shareBar, .shareGroup", "share buttons"),
            HtmlRule.TakeTags(".articlekeywordGroup, .keywordTag", "#keyword links"),
            HtmlRule.TakeRelated(".moreArticle, .insertGroup", "延伸閱讀 further-reading blocks and in-body read-more boxes", exclude: ".moreArticle-title"),
            HtmlRule.TakeRelatedList(FurnitureSignals.HeadingText("延伸閱讀", "相關新聞", "相關報導"), "延伸閱讀 heading over a list of links"),
            HtmlRule.Caption(".picinfo", "picinfo photo captions"),
        ],
    };

    public string Name => "cna-jekyll";

    public ContainerKind Container => ContainerKind.JekyllPost;

    public DetectionConfidence Detect(SourceDocument document)
    {
        var post = document.Post;
        if (post is null)
        {
            return DetectionConfidence.None;
        }

        var url = JekyllFields.Url(post.FrontMatter);
        if (SourceSites.FromUrl(url) == "cna")
        {
            return DetectionConfidence.Strong;
        }

        if (url is null && JekyllFields.Source(post.FrontMatter, null) == "cna")
        {
            return DetectionConfidence.Strong;
        }

        JekyllFields.SkipTitleHeader(post.BodySpan, out _, out var headerUrl);
        return url is null && SourceSites.FromUrl(headerUrl) == "cna" ? DetectionConfidence.Strong : DetectionConfidence.None;
    }

    public ProfileResult Parse(SourceDocument document, ParseContext context) =>
        JekyllArticleReader.Read(document, context, Rules, site: "cna", datelineExpected: true);
}
