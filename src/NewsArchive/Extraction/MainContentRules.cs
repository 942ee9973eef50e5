using System.Collections.Immutable;
using NewsArchive.Html;

namespace NewsArchive.Extraction;

/// <summary>
/// The rules a page's article is read with when the main-content model found it (a layout nobody
/// described), after the site's own and before the generic furniture pass.
/// </summary>
public static class MainContentRules
{
    /// <summary>A region inside the article's block that the model judged furniture (<see cref="ArticleScope.Furniture"/>).</summary>
    public static readonly ElementSignal FurnitureRegion = new(
        "region named as furniture inside the article's block",
        view => view.Index.IsScopeFurniture(view.Element));

    public static readonly ImmutableArray<HtmlRule> Html =
    [
        HtmlRule.Remove(FurnitureRegion, "comment threads, sidebars and related-story boxes inside the article's block, named so by class, id or role"),
    ];

    /// <summary>A site's rules with the model's after them, before the generic pass.</summary>
    public static HtmlSiteRules With(HtmlSiteRules site) => site with { Before = Html };
}
