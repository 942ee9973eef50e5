using NewsArchive.Containers;

namespace NewsArchive.Extraction;

/// <summary>
/// The Jekyll-post container read with a site's body rules (<see cref="JekyllArticleReader"/>). A
/// site claims a post whose URL (front matter, or the markdown title header's link) is on one of its
/// hosts, or, with no URL, whose labels name it; the generic site claims every post, weakly, so that
/// a site's own format wins whenever one fits.
/// </summary>
internal sealed class JekyllFormat(Site site, SiteDirectory directory) : IFormat
{
    public string Name { get; } = site.FormatName(ContainerKind.JekyllPost);

    public ContainerKind Container => ContainerKind.JekyllPost;

    public Site Site => site;

    public DetectionConfidence Detect(SourceDocument document)
    {
        if (document.Post is not { } post)
        {
            return DetectionConfidence.None;
        }

        if (site.Code is null)
        {
            return DetectionConfidence.Weak;
        }

        var head = document.PostHead!;
        if (directory.FromUrl(head.Url) == site.Code)
        {
            return DetectionConfidence.Strong;
        }

        if (head.Url is null && JekyllFields.Source(post.FrontMatter, null, directory) == site.Code)
        {
            return DetectionConfidence.Strong;
        }

        return head.Url is null && directory.FromUrl(head.HeaderUrl) == site.Code ? DetectionConfidence.Strong : DetectionConfidence.None;
    }

    public FormatResult Read(SourceDocument document, ParseContext context, Func<ArticleHeader, bool>? wanted) =>
        JekyllArticleReader.Read(document, context, site, directory, wanted);
}
