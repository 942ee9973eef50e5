using NewsArchive.Containers;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Generic;

/// <summary>
/// <c>html</c>: a saved article page from a site no format knows. It answers
/// <see cref="DetectionConfidence.Weak"/> so a site's own page format wins whenever one fits.
/// </summary>
internal sealed class HtmlProfile(PageSite site) : PageFormat(site)
{
    /// <summary>The format with the generic tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public HtmlProfile()
        : this(GenericSite.Page)
    {
    }

    public override string Name => "html";

    public override DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage ? DetectionConfidence.Weak : DetectionConfidence.None;
}
