using System.Collections.Immutable;
using AngleSharp.Dom;
using NewsArchive.Containers;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Reads a saved page with a site's knowledge: the article element of the site's layout (or, for a
/// layout nobody described, the block the main-content model finds), the head's metadata
/// for title, URL, time and keywords, the visible headline, time and byline where the head says
/// nothing, and the body through the site's rules and the generic furniture pass.
/// </summary>
internal static class PageArticleReader
{
    /// <summary>A paywall's notice, on any site: the page says its text is cut.</summary>
    private const string PaywallNotice = "[class*=paywall], [class*=Paywall]";

    public const string CutWarning = "the page shows only the start of the article (an expired or paywalled story): the text is cut";

    /// <summary>How many opening paragraphs a byline is looked for in.</summary>
    private const int BylineParagraphs = 3;

    /// <param name="document">The saved page.</param>
    /// <param name="site">The site whose tables read it (the generic site for a page no site claims).</param>
    /// <param name="directory">Every known site: the source of a page the generic site reads, and the agencies of datelines.</param>
    /// <param name="wanted">What the caller wants, asked of the header (the site's code) before the page is read, or null.</param>
    public static FormatResult Read(SourceDocument document, Site site, SiteDirectory directory, Func<ArticleHeader, bool>? wanted)
    {
        // A site's page is that site's record; its time needs the page's metadata and layout, read with the article.
        if (FormatResult.Refused(wanted, site.Code is { } code ? new ArticleHeader { Source = code } : ArticleHeader.Unknown))
        {
            return FormatResult.Skipped;
        }

        var page = document.Page;
        if (page.TooDeep)
        {
            return FormatResult.Failed($"HTML is nested more than {HtmlNestingGuard.MaxDepth} elements deep");
        }

        if (PageKind.NotAnArticle(page.Document) is { } kind)
        {
            return FormatResult.Failed($"no article text in the page: {kind}");
        }

        var metadata = page.Metadata;
        var (layout, root, scope) = FindRoot(page.Document, site.Layouts);
        if (root is null)
        {
            return FormatResult.Failed("no article element in the page");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        var url = metadata.Url;
        var source = site.Code ?? directory.CodeOf(url) ?? "web";
        var zone = directory.UtcOffsetOf(source) ?? PageLocale.ZoneOf(url, metadata.Language);
        var siteNames = PageTitle.SiteNames(metadata, site.SiteNames, SiteDirectory.FromUnknownHost(url));
        var rules = site.PageRules ?? new HtmlSiteRules();

        // The headline, time and byline are fields: all read first, then taken out of the article element.
        var fieldElements = new List<IElement>();
        string? title;
        IElement? headline;
        if (layout is not null)
        {
            headline = layout.Headline is { } selector ? page.Document.QuerySelector(selector) : page.Document.QuerySelector("h1");
            var shown = headline is null ? null : TextNormalizer.Normalize(headline.TextContent);
            title = metadata.TitleIsHeadline ? metadata.Title : string.IsNullOrWhiteSpace(shown) ? PageTitle.StripSiteNames(metadata.Title ?? string.Empty, siteNames) : shown;
        }
        else
        {
            var headings = Headings(page.Document, root);
            title = PageTitle.Choose(metadata, [.. headings.Select(h => h.Text)], siteNames);
            var key = title is null ? null : PageTitle.Key(title);
            headline = headings.FirstOrDefault(h => key is not null && PageTitle.Key(h.Text) is var k && k.Length > 0 && (k == key || key.Contains(k, StringComparison.Ordinal) || k.Contains(key, StringComparison.Ordinal))).Element;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return FormatResult.Failed("an HTML page without a title (no <title>, og:title, JSON-LD headline or <h1>)");
        }

        if (headline is not null)
        {
            fieldElements.Add(headline);
        }

        var firstText = scope?.Text is { Count: > 0 } text ? FirstInDocument(text) : root;
        var header = PageHeader.Lines(headline, firstText, root);
        var time = layout?.Time is { } timeSelector ? page.Document.QuerySelector(timeSelector) : null;
        if (time is not null)
        {
            fieldElements.Add(time);
        }

        var stated = ImmutableArray.CreateRange([.. metadata.PublishedCandidates, .. TimeValues(root)]);
        var shownTime = time is null ? null : TextNormalizer.Normalize(time.TextContent);
        var bylineElement = layout?.Byline is { } bylineSelector ? page.Document.QuerySelector(bylineSelector) : null;
        if (bylineElement is not null)
        {
            fieldElements.Add(bylineElement);
        }

        var bylineText = bylineElement is null ? null : TextNormalizer.Normalize(bylineElement.TextContent);
        foreach (var element in fieldElements.Where(e => e != root && root.Contains(e)))
        {
            element.Remove();
        }

        var article = HtmlArticleReader.Read(root, page.SourceLength, scope is null ? rules : site.ModelRules, url, scope);
        if (article.Paragraphs.IsEmpty && scope is not null && page.Document.Body is { } body && body != root)
        {
            // The model's block held nothing the rules kept: the whole body, read with the site's and the
            // generic rules, is the article before no record is.
            var whole = HtmlArticleReader.Read(body, page.SourceLength, rules, url);
            if (!whole.Paragraphs.IsEmpty)
            {
                article = whole;
                warnings.Add("the main-content model found no text in the block it chose: the whole page was read");
            }
        }

        warnings.AddRange(article.Warnings);
        var cut = metadata.NotFree || page.Document.QuerySelector(PaywallNotice) is not null
            || article.RuleHits.Any(h => ReferenceEquals(h.Rule, FurnitureRules.CutNotice));
        if (cut)
        {
            warnings.Add(CutWarning);
        }

        if (article.Paragraphs.IsEmpty && !cut)
        {
            return FormatResult.Failed($"no article text in the page: {PageKind.Describe(page.Document)}");
        }

        var published = PagePublished.Choose(
            stated,
            [.. shownTime is null ? [] : new[] { shownTime }, .. header, .. article.Leading],
            zone,
            out var timeWarning);
        if (timeWarning is not null)
        {
            warnings.Add(timeWarning);
        }

        var paragraphs = article.Paragraphs;
        var visible = bylineText is null ? null : ReadByline(site, directory.Datelines, bylineText);
        if (visible is null)
        {
            foreach (var line in header.Concat(article.Leading))
            {
                if (ReadByline(site, directory.Datelines, line) is { } fromHeader)
                {
                    visible = fromHeader;
                    break;
                }
            }
        }

        if (visible is null)
        {
            for (var i = 0; i < Math.Min(paragraphs.Length, BylineParagraphs); i++)
            {
                if (ReadByline(site, directory.Datelines, paragraphs[i]) is { } opening)
                {
                    // The byline is a line of the text's top (a layout nobody described, udn-html-2014-big5): a field, not text.
                    visible = opening;
                    paragraphs = paragraphs.RemoveAt(i);
                    break;
                }
            }
        }

        var credits = BodyCredits.Read(paragraphs, article.Authors.AddRange(visible?.Authors ?? []), directory.Datelines, site.DatelineExpected && visible?.Dateline is null, warnings);
        var authors = credits.Authors.IsEmpty ? StatedAuthors(metadata, [.. site.SiteNames, .. metadata.SiteName is { } name ? new[] { name } : []]) : credits.Authors;
        return FormatResult.Success(new ArticleDraft
        {
            Source = source,
            Url = url,
            Title = title,
            Published = published,
            Agency = credits.Agency ?? visible?.Agency,
            Dateline = credits.Dateline ?? visible?.Dateline,
            Authors = [.. authors.Distinct(StringComparer.Ordinal)],
            Editors = credits.Editors,
            Translators = credits.Translators,
            Paragraphs = paragraphs,
            // A head's keywords may open with the site's own name: that is no keyword of the article.
            Tags = article.Tags.IsEmpty ? [.. metadata.Tags.Where(tag => !IsSite(tag, siteNames))] : article.Tags,
            // A page's own list of related stories may name the page itself.
            Related = [.. article.Related.Where(link => !SameArticle(link.Url, url, source, directory))],
            Images = article.Images,
            Warnings = warnings.ToImmutable(),
            RuleHits = article.RuleHits,
        });
    }

    /// <summary>A byline in the site's own grammar, else in the shared one.</summary>
    private static SiteByline? ReadByline(Site site, DatelineTables datelines, string line)
    {
        if (site.Byline is { } grammar && grammar(line) is { } own)
        {
            return own;
        }

        return BylineParser.TryParse(line, datelines, out var byline) && (!byline.Authors.IsEmpty || byline.Desk is not null || byline.Agency is not null)
            ? new SiteByline(byline.Agency, byline.Dateline, byline.Authors)
            : null;
    }

    /// <summary>The people the head names as authors: JSON-LD's, else the meta tags' that are people's names and not the site's.</summary>
    private static ImmutableArray<string> StatedAuthors(Containers.PageMetadata metadata, IReadOnlyList<string> siteNames)
    {
        var people = metadata.Authors.Where(a => !IsSite(a, siteNames)).ToImmutableArray();
        return !people.IsEmpty ? people : [.. metadata.MetaAuthors.Where(a => BylineParser.IsPersonName(a) && !IsSite(a, siteNames))];
    }

    /// <summary>Whether a name is the site's own (an author field that names the outlet, a keyword that is the site's name).</summary>
    private static bool IsSite(string name, IReadOnlyList<string> siteNames) =>
        siteNames.Any(site => PageTitle.Key(site) is { Length: > 1 } key && PageTitle.Key(name) is var own && (own == key || own.Length >= 4 && key.Contains(own, StringComparison.Ordinal) || key.Length >= 4 && own.Contains(key, StringComparison.Ordinal)));

    /// <summary>
    /// The headings a title may come from: the article element's own (<c>h1</c>, then <c>h2</c>), then the
    /// page's other <c>h1</c>s that are not in a region named as furniture.
    /// </summary>
    private static List<(IElement Element, string Text)> Headings(IDocument document, IElement root)
    {
        var headings = new List<(IElement, string)>();
        void Add(IElement element)
        {
            var text = TextNormalizer.Normalize(element.TextContent);
            if (text.Length > 0 && headings.Count < 24 && !headings.Any(h => h.Item1 == element))
            {
                headings.Add((element, text));
            }
        }

        foreach (var element in root.QuerySelectorAll("h1"))
        {
            Add(element);
        }

        foreach (var element in root.QuerySelectorAll("h2"))
        {
            Add(element);
        }

        foreach (var element in document.QuerySelectorAll("h1"))
        {
            if (!InFurniture(element))
            {
                Add(element);
            }
        }

        return headings;
    }

    private static bool InFurniture(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (ClassHints.IsUnlikelyRegion(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>datetime</c> of the article element's first <c>&lt;time&gt;</c> elements: what the page states in its text.</summary>
    private static IEnumerable<string> TimeValues(IElement root) =>
        root.QuerySelectorAll("time[datetime]").Take(3).Select(t => t.GetAttribute("datetime") ?? string.Empty).Where(v => v.Length > 0);

    /// <summary>The element of a set that comes first in the document.</summary>
    private static IElement FirstInDocument(IReadOnlySet<IElement> elements)
    {
        IElement? first = null;
        foreach (var element in elements)
        {
            // CompareDocumentPosition says where the argument stands relative to the element it is asked of.
            if (first is null || first.CompareDocumentPosition(element).HasFlag(DocumentPositions.Preceding))
            {
                first = element;
            }
        }

        return first!;
    }

    /// <summary>Whether a link is to the page's own article: the same page, or the same native id under another section's path.</summary>
    internal static bool SameArticle(string? link, string? url, string source, SiteDirectory directory) =>
        SamePage(link, url) || directory.NativeId(source, link) is { } id && id == directory.NativeId(source, url);

    /// <summary>Whether two URLs name the same page, whatever their query (a tracking parameter) or fragment.</summary>
    internal static bool SamePage(string? first, string? second) =>
        first is not null && second is not null
        && Uri.TryCreate(first, UriKind.Absolute, out var a) && Uri.TryCreate(second, UriKind.Absolute, out var b)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>
    /// The layout whose article element the page has; for a layout nobody described, the block the
    /// main-content model chooses (<see cref="MainContentModel"/>), with the siblings that continue it.
    /// </summary>
    internal static (PageLayout? Layout, IElement? Root, ArticleScope? Scope) FindRoot(IDocument document, ImmutableArray<PageLayout> layouts)
    {
        foreach (var layout in layouts)
        {
            if (document.QuerySelector(layout.Root) is { } element)
            {
                return (layout, element, null);
            }
        }

        if (document.Body is not { } body)
        {
            return (null, null, null);
        }

        return MainContentModel.Find(body) is { } content ? (null, content.Root, content.Scope) : (null, body, ArticleScope.Whole);
    }



}
