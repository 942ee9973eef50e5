using NewsArchive.Containers;

namespace NewsArchive.Extraction;

/// <summary>
/// The saved-page container read with a site's tables (<see cref="PageArticleReader"/>). A site
/// claims a page whose own URL (canonical link, <c>og:url</c>, JSON-LD, or the URL it was fetched
/// from) is on one of its hosts; the generic site claims every page, weakly, so that a site's own
/// format wins whenever one fits.
/// </summary>
internal sealed class PageFormat(Site site, SiteDirectory directory) : IFormat
{
    public string Name { get; } = site.FormatName(ContainerKind.HtmlPage);

    public ContainerKind Container => ContainerKind.HtmlPage;

    public Site Site => site;

    public DetectionConfidence Detect(SourceDocument document)
    {
        if (document.Container != ContainerKind.HtmlPage)
        {
            return DetectionConfidence.None;
        }

        if (site.Code is null)
        {
            return DetectionConfidence.Weak;
        }

        return directory.FromUrl(document.Page.Metadata.Url) == site.Code ? DetectionConfidence.Strong : DetectionConfidence.None;
    }

    public FormatResult Read(SourceDocument document, ParseContext context, Func<ArticleHeader, bool>? wanted) =>
        PageArticleReader.Read(document, site, directory, wanted);
}
