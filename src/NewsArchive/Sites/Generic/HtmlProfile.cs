using NewsArchive.Detection;
using NewsArchive.Profiles;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// <c>html</c>: a saved article page from a site no format knows. It answers
/// <see cref="DetectionConfidence.Weak"/> so a site's own page format wins whenever one fits.
/// </summary>
public sealed class HtmlProfile(PageSite site) : IFormatProfile
{
    /// <summary>The format with the site's own tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public HtmlProfile()
        : this(GenericSite.Page)
    {
    }

    public string Name => "html";

    public ContainerKind Container => ContainerKind.HtmlPage;

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage ? DetectionConfidence.Weak : DetectionConfidence.None;

    public ProfileResult Parse(SourceDocument document, ParseContext context) => PageArticleReader.Read(document, site);
}
