using NewsArchive.Extraction;

namespace NewsArchive.Sites.Cna;

/// <summary><c>cna-html</c>: a saved cna.com.tw article page, any era (<see cref="CnaSite.Layouts"/>).</summary>
internal sealed class CnaHtmlProfile(PageSite site) : PageFormat(site)
{
    /// <summary>The format with the site's own tables; a test builds it with a rule left out, to show each rule is needed.</summary>
    public CnaHtmlProfile()
        : this(CnaSite.Page)
    {
    }

    public override string Name => "cna-html";
}
