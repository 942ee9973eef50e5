using NewsArchive.Containers;

namespace NewsArchive.Extraction;

/// <summary>
/// A format of the saved-page container: a site's page, claimed when the page's own URL (canonical
/// link, <c>og:url</c>, JSON-LD) is on the site's host, and read by <see cref="PageArticleReader"/>
/// with the site's tables. A site's page format is this class with a name and the site's
/// <see cref="PageSite"/>.
/// </summary>
internal abstract class PageFormat(PageSite site) : IFormatProfile
{
    public abstract string Name { get; }

    public ContainerKind Container => ContainerKind.HtmlPage;

    public virtual DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage && site.Code is not null && SourceSites.FromUrl(document.Page.Metadata.Url) == site.Code
            ? DetectionConfidence.Strong
            : DetectionConfidence.None;

    public ProfileResult Parse(SourceDocument document, ParseContext context) => PageArticleReader.Read(document, site);

    /// <summary>A site's page is that site's record; its time needs the page's metadata and layout, read with the article.</summary>
    public ArticleHeader ReadHeader(SourceDocument document) => site.Code is { } code ? new ArticleHeader { Source = code } : ArticleHeader.Unknown;
}
