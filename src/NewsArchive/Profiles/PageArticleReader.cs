using System.Collections.Immutable;
using AngleSharp.Dom;
using NewsArchive.Detection;
using NewsArchive.Extraction;
using NewsArchive.Html;
using NewsArchive.Parsing;

namespace NewsArchive.Profiles;

/// <summary>
/// Reads a saved page with a site's knowledge: the article element of the site's layout (or, for a
/// layout nobody described, the element that holds the most paragraph text), the head's metadata
/// for title, URL, time and keywords, the visible headline, time and byline where the head says
/// nothing, and the body through the site's rules and the generic furniture pass.
/// </summary>
public static class PageArticleReader
{
    /// <summary>Separators between a page title's headline and the site's name.</summary>
    private static readonly string[] TitleSeparators = [" | ", "｜", " - ", " – ", " — ", "_"];

    /// <summary>A paywall's notice, on any site: the page says its text is cut.</summary>
    private const string PaywallNotice = "[class*=paywall], [class*=Paywall]";

    public const string CutWarning = "the page shows only the start of the article (an expired or paywalled story): the text is cut";

    public static ProfileResult Read(SourceDocument document, PageSite site)
    {
        var page = document.Page;
        if (page.TooDeep)
        {
            return ProfileResult.Failed($"HTML is nested more than {HtmlNestingGuard.MaxDepth} elements deep");
        }

        var metadata = page.Metadata;
        var (layout, root, scope) = FindRoot(page.Document, site.Layouts);
        if (root is null)
        {
            return ProfileResult.Failed("no article element in the page");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        var url = metadata.Url;
        var source = site.Code ?? SourceSites.FromUrl(url) ?? SourceSites.FromUnknownHost(url) ?? "web";
        // The headline, time and byline are fields: all read first, then taken out of the article element.
        var fieldElements = new List<IElement>();
        var headline = Take(page.Document, layout?.Headline ?? "h1", fieldElements);
        var title = metadata.TitleIsHeadline ? metadata.Title : headline ?? StripSiteNames(metadata.Title, [metadata.SiteName, .. site.SiteNames]);
        if (string.IsNullOrWhiteSpace(title))
        {
            return ProfileResult.Failed("an HTML page without a title (no <title>, og:title, JSON-LD headline or <h1>)");
        }

        var published = Published(metadata.PublishedCandidates, Take(page.Document, layout?.Time, fieldElements), SourceSites.IsTaiwanese(source));
        var byline = Take(page.Document, layout?.Byline, fieldElements);
        foreach (var element in fieldElements.Where(e => e != root && root.Contains(e)))
        {
            element.Remove();
        }
        var cut = metadata.NotFree || page.Document.QuerySelector(PaywallNotice) is not null;

        var article = HtmlArticleReader.Read(root, page.SourceLength, scope is null ? site.Rules : site.ModelRules, url, scope);
        warnings.AddRange(article.Warnings);
        if (cut)
        {
            warnings.Add(CutWarning);
        }

        if (article.Paragraphs.IsEmpty && !cut)
        {
            return ProfileResult.Failed("no article text in the page");
        }

        var paragraphs = article.Paragraphs;
        var visible = byline is not null && site.Byline is { } grammar ? grammar(byline) : null;
        if (visible is null && site.Byline is { } lineGrammar && !paragraphs.IsEmpty && lineGrammar(paragraphs[0]) is { } opening)
        {
            // A layout nobody described: the byline is the text's first line (udn-html-2014-big5).
            visible = opening;
            paragraphs = paragraphs.RemoveAt(0);
        }

        var credits = BodyCredits.Read(paragraphs, article.Authors.AddRange(visible?.Authors ?? []), site.DatelineExpected && visible?.Dateline is null, warnings);
        var authors = credits.Authors.IsEmpty ? metadata.Authors : credits.Authors;
        return ProfileResult.Success(new ArticleDraft
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
            Tags = article.Tags.IsEmpty ? metadata.Tags : article.Tags,
            // A page's own list of related stories may name the page itself.
            Related = [.. article.Related.Where(link => !SameArticle(link.Url, url, source))],
            Images = article.Images,
            Warnings = warnings.ToImmutable(),
            RuleHits = article.RuleHits,
        });
    }

    /// <summary>Whether a link is to the page's own article: the same page, or the same native id under another section's path.</summary>
    internal static bool SameArticle(string? link, string? url, string source) =>
        SamePage(link, url) || SourceSites.NativeId(source, link) is { } id && id == SourceSites.NativeId(source, url);

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

    /// <summary>The text of the first element <paramref name="selector"/> matches; the element is added to <paramref name="taken"/>.</summary>
    private static string? Take(IDocument document, string? selector, List<IElement> taken)
    {
        if (selector is null || document.QuerySelector(selector) is not { } element)
        {
            return null;
        }

        taken.Add(element);
        var text = TextNormalizer.Normalize(element.TextContent);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The first stated time that reads as a date; the visible one when the head states none.</summary>
    private static string? Published(ImmutableArray<string> candidates, string? visible, bool taiwanese)
    {
        foreach (var candidate in candidates)
        {
            if (PublishedDateParser.TryParse(candidate, taiwanese, out var iso, out _))
            {
                return iso;
            }
        }

        return visible is not null && PublishedDateParser.TryParse(visible, taiwanese, out var shown, out _) ? shown : null;
    }

    /// <summary>A page title without the site's name after it: <c>Headline | Section | Site</c> gives <c>Headline</c>.</summary>
    internal static string? StripSiteNames(string? title, IEnumerable<string?> siteNames)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return title;
        }

        foreach (var name in siteNames)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            foreach (var separator in TitleSeparators)
            {
                var at = title.IndexOf(separator, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                // Headline | Section | Site, or Site | Headline.
                if (title.AsSpan(at).Contains(name.AsSpan().Trim(), StringComparison.Ordinal))
                {
                    return title[..at].Trim();
                }

                if (title.AsSpan(0, at).Contains(name.AsSpan().Trim(), StringComparison.Ordinal))
                {
                    return title[(title.LastIndexOf(separator, StringComparison.Ordinal) + separator.Length)..].Trim();
                }
            }
        }

        return title.Trim();
    }
}
