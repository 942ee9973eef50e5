using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// Where one era's page layout of a site keeps its parts. The article element holds the text; the
/// headline, time and byline elements are read into fields before the text is (the site's rule table
/// removes them from the text).
/// </summary>
internal sealed record PageLayout(string Era, string Root)
{
    public string? Headline { get; init; }

    public string? Time { get; init; }

    public string? Byline { get; init; }
}

/// <summary>What a visible byline says: the outlet, the dateline it ends with, the reporters.</summary>
internal sealed record BylineFields(string? Agency, Records.Dateline? Dateline, ImmutableArray<string> Authors);

/// <summary>What a format of the saved-page container needs to know about its site.</summary>
internal sealed record PageSite
{
    /// <summary>The site's code (<c>cna</c>), or null for the generic format, which takes it from the URL.</summary>
    public string? Code { get; init; }

    private readonly HtmlSiteRules rules = new();
    private HtmlSiteRules? modelRules;

    public required HtmlSiteRules Rules
    {
        get => rules;
        init
        {
            rules = value;
            modelRules = null;
        }
    }

    /// <summary>The site's rules with the main-content model's after them, for an article the model found.</summary>
    internal HtmlSiteRules ModelRules => modelRules ??= Extraction.MainContentRules.With(rules);

    /// <summary>The site's layouts, newest first; the first whose article element the page has is used.</summary>
    public ImmutableArray<PageLayout> Layouts { get; init; } = [];

    /// <summary>The site opens every story with a dateline, so a missing one is worth a warning.</summary>
    public bool DatelineExpected { get; init; }

    /// <summary>Reads the layout's visible byline text with the site's byline grammar, or null when it is not one.</summary>
    public Func<string, BylineFields?>? Byline { get; init; }

    /// <summary>Names the site's page titles end with when the head has no <c>og:site_name</c>.</summary>
    public ImmutableArray<string> SiteNames { get; init; } = [];
}
