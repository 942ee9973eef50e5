using NewsArchive.Detection;
using NewsArchive.Parsing;
using NewsArchive.Profiles;

namespace NewsArchive.Sites.Udn;

/// <summary><c>udn-html</c>: a saved udn.com or global.udn.com article page, any era (<see cref="UdnSite.Layouts"/>).</summary>
public sealed class UdnHtmlProfile(PageSite site) : IFormatProfile
{
    /// <summary>The format with the site's own tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public UdnHtmlProfile()
        : this(UdnSite.Page)
    {
    }

    public string Name => "udn-html";

    public ContainerKind Container => ContainerKind.HtmlPage;

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage && SourceSites.FromUrl(document.Page.Metadata.Url) == UdnSite.Code
            ? DetectionConfidence.Strong
            : DetectionConfidence.None;

    public ProfileResult Parse(SourceDocument document, ParseContext context) => PageArticleReader.Read(document, site);
}
