using NewsArchive.Extraction;

namespace NewsArchive.Sites.Udn;

/// <summary><c>udn-html</c>: a saved udn.com or global.udn.com article page, any era (<see cref="UdnSite.Layouts"/>).</summary>
internal sealed class UdnHtmlProfile(PageSite site) : PageFormat(site)
{
    /// <summary>The format with the site's own tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public UdnHtmlProfile()
        : this(UdnSite.Page)
    {
    }

    public override string Name => "udn-html";
}
