using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Containers;

namespace NewsArchive.Extraction;

/// <summary>
/// Everything the pipeline knows of one publisher, in one value: who it is (code, hosts, labels, id
/// and article URL patterns, time zone), how its stories are written (dateline agencies, byline
/// grammar, the names its titles end with), and how each container it reads is cleaned (rule tables,
/// page layouts by era, a text dump's line tables). A site reads the containers it has tables for,
/// and its formats are those containers paired with it (<see cref="Formats"/>). One site per folder
/// under <c>Sites/</c>; shared grammar takes these tables as parameters.
/// </summary>
internal sealed record Site
{
    /// <summary>
    /// The record's <c>source</c> (<c>cna</c>), and the first part of its formats' names
    /// (<c>cna-html</c>); null for the generic site, whose sources come from each page's URL or labels
    /// and whose formats are named by the container alone (<c>html</c>).
    /// </summary>
    public string? Code { get; init; }

    /// <summary>The hosts of the site's pages; a subdomain of one is the site's too.</summary>
    public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>What a front matter, a byline or a category calls the site (<c>中央社</c>, <c>聯合報</c>).</summary>
    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>The native article id in the site's URLs (named group <c>id</c>), or null: such records get a content id.</summary>
    public Regex? IdPattern { get; init; }

    /// <summary>An article URL of the site, as it appears in a text (a dump's share links), or null.</summary>
    public Regex? ArticleUrl { get; init; }

    /// <summary>The site's time zone: a time the site writes without an offset is read in it, and every time is given in it. Null: times stay as written.</summary>
    public TimeSpan? UtcOffset { get; init; }

    /// <summary>Agencies whose bracketed dateline opens a story (<c>（中央社記者…台北23日電）</c>).</summary>
    public ImmutableArray<string> DatelineAgencies { get; init; } = [];

    /// <summary>The brackets the site sets its datelines in (<see cref="DatelineTables.Parentheses"/> unless it says otherwise).</summary>
    public ImmutableArray<(char Open, char Close)> DatelineBrackets { get; init; } = DatelineTables.Parentheses;

    /// <summary>The site opens every story with a dateline, so a missing one is worth a warning.</summary>
    public bool DatelineExpected { get; init; }

    /// <summary>Names the site's page titles end with when the head has no <c>og:site_name</c>.</summary>
    public ImmutableArray<string> SiteNames { get; init; } = [];

    /// <summary>Reads a visible byline with the site's byline grammar, or null when the text is not one.</summary>
    public Func<string, SiteByline?>? Byline { get; init; }

    /// <summary>The rules for a Jekyll post's body; null when the site reads no posts.</summary>
    public HtmlSiteRules? PostRules { get; init; }

    /// <summary>The rules for a saved page's article element; null when the site reads no saved pages.</summary>
    public HtmlSiteRules? PageRules
    {
        get => pageRules;
        init
        {
            pageRules = value;
            modelRules = null;
        }
    }

    private readonly HtmlSiteRules? pageRules;
    private HtmlSiteRules? modelRules;

    /// <summary>The page rules with the main-content model's after them, for an article the model found.</summary>
    internal HtmlSiteRules ModelRules => modelRules ??= MainContentRules.With(PageRules ?? new HtmlSiteRules());

    /// <summary>The saved page's layouts, newest first; the first whose article element the page has is used.</summary>
    public ImmutableArray<PageLayout> Layouts { get; init; } = [];

    /// <summary>The line tables for a plain-text dump of the site's pages; null when the site reads no dumps.</summary>
    public TextDumpTables? TextDump { get; init; }

    /// <summary>The containers the site has tables for, in the order of <see cref="ContainerKind"/>.</summary>
    public IEnumerable<ContainerKind> Containers
    {
        get
        {
            if (PostRules is not null)
            {
                yield return ContainerKind.JekyllPost;
            }

            if (PageRules is not null)
            {
                yield return ContainerKind.HtmlPage;
            }

            if (TextDump is not null)
            {
                yield return ContainerKind.TextDump;
            }
        }
    }

    /// <summary>The site's formats: each container it reads, paired with it and the catalog's directory.</summary>
    public IEnumerable<IFormat> Formats(SiteDirectory directory) =>
        Containers.Select<ContainerKind, IFormat>(container => container switch
        {
            ContainerKind.JekyllPost => new JekyllFormat(this, directory),
            ContainerKind.HtmlPage => new PageFormat(this, directory),
            _ => new TextDumpFormat(this),
        });

    /// <summary>The record's <c>format</c> for a container of this site: <c>cna-jekyll</c>, or <c>jekyll</c> for the generic site.</summary>
    public string FormatName(ContainerKind container)
    {
        var suffix = container switch
        {
            ContainerKind.JekyllPost => "jekyll",
            ContainerKind.HtmlPage => "html",
            _ => "text",
        };
        return Code is null ? suffix : $"{Code}-{suffix}";
    }

    /// <summary>Whether <paramref name="host"/> (lower case) is one of the site's, or under one.</summary>
    public bool OwnsHost(string host)
    {
        foreach (var known in Hosts)
        {
            if (host == known || host.EndsWith(known, StringComparison.Ordinal) && host.Length > known.Length && host[^(known.Length + 1)] == '.')
            {
                return true;
            }
        }

        return false;
    }
}

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

/// <summary>
/// What a site's byline says: the outlet, the dateline it ends with, the reporters, and, when the
/// byline carries it (a dump's <c>2023-08-28 21:50 聯合報／…</c>), the date and time as written.
/// </summary>
internal sealed record SiteByline(string? Agency, Records.Dateline? Dateline, ImmutableArray<string> Authors)
{
    public string? Date { get; init; }

    public string? Time { get; init; }
}
