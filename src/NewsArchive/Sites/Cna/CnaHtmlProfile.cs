using NewsArchive.Detection;
using NewsArchive.Parsing;
using NewsArchive.Profiles;

namespace NewsArchive.Sites.Cna;

/// <summary><c>cna-html</c>: a saved cna.com.tw article page, any era (<see cref="CnaSite.Layouts"/>).</summary>
public sealed class CnaHtmlProfile(PageSite site) : IFormatProfile
{
    /// <summary>The format with the site's own tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public CnaHtmlProfile()
        : this(CnaSite.Page)
    {
    }

    public string Name => "cna-html";

    public ContainerKind Container => ContainerKind.HtmlPage;

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage && SourceSites.FromUrl(document.Page.Metadata.Url) == CnaSite.Code
            ? DetectionConfidence.Strong
            : DetectionConfidence.None;

    public ProfileResult Parse(SourceDocument document, ParseContext context) => PageArticleReader.Read(document, site);
}
