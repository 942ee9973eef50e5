using NewsArchive.Detection;
using NewsArchive.Parsing;
using NewsArchive.Profiles;

namespace NewsArchive.Sites.Cna;

/// <summary><c>cna-html</c>: a saved cna.com.tw article page, any era (<see cref="CnaSite.Layouts"/>).</summary>
public sealed class CnaHtmlProfile : IFormatProfile
{
    public string Name => "cna-html";

    public ContainerKind Container => ContainerKind.HtmlPage;

    public DetectionConfidence Detect(SourceDocument document) =>
        document.Container == ContainerKind.HtmlPage && SourceSites.FromUrl(document.Page.Metadata.Url) == CnaSite.Code
            ? DetectionConfidence.Strong
            : DetectionConfidence.None;

    public ProfileResult Parse(SourceDocument document, ParseContext context) => PageArticleReader.Read(document, CnaSite.Page);
}
