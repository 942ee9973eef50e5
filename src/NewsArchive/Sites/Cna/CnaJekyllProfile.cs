using NewsArchive.Containers;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Cna;

/// <summary>
/// <c>cna-jekyll</c>: a Jekyll post whose body is a CNA (中央社) article page's HTML, from any of the
/// scrapers seen: <c>from:</c> or <c>link:</c>, quoted or bare titles, with or without the
/// <c>&lt;!--epoch--&gt;</c> + markdown title header, carousels and subscription boxes still in.
/// </summary>
internal sealed class CnaJekyllProfile(HtmlSiteRules rules) : IFormatProfile
{
    /// <summary>The format with CNA's own rules; a test builds it with a rule left out, to show each rule is needed.</summary>
    public CnaJekyllProfile()
        : this(CnaSite.PostRules)
    {
    }

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
        if (SourceSites.FromUrl(url) == CnaSite.Code)
        {
            return DetectionConfidence.Strong;
        }

        if (url is null && JekyllFields.Source(post.FrontMatter, null) == CnaSite.Code)
        {
            return DetectionConfidence.Strong;
        }

        JekyllFields.SkipTitleHeader(post.BodySpan, out _, out var headerUrl);
        return url is null && SourceSites.FromUrl(headerUrl) == CnaSite.Code ? DetectionConfidence.Strong : DetectionConfidence.None;
    }

    public ProfileResult Parse(SourceDocument document, ParseContext context) =>
        JekyllArticleReader.Read(document, context, rules, site: CnaSite.Code, datelineExpected: true);

    public ArticleHeader ReadHeader(SourceDocument document) => JekyllArticleReader.ReadHeader(document, site: CnaSite.Code);
}
