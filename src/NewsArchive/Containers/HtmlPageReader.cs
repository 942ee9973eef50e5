using System.Collections.Immutable;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsArchive.Containers;

/// <summary>A saved HTML page, parsed once: its DOM and what its head says about it.</summary>
internal sealed record HtmlPage(IHtmlDocument Document, PageMetadata Metadata, int SourceLength)
{
    /// <summary>The page was not parsed: its markup nests deeper than <see cref="HtmlNestingGuard.MaxDepth"/>.</summary>
    public bool TooDeep { get; init; }
}

/// <summary>
/// Reads the container of a saved page: parses the markup (AngleSharp, as a browser does) and
/// reads the head's metadata. Which element holds the article is a site's business, not the
/// container's.
/// </summary>
internal static class HtmlPageReader
{
    /// <summary>JSON-LD blocks larger than this are not read (a page's article metadata is a few KB).</summary>
    private const int MaxJsonLdChars = 512 * 1024;

    /// <summary>How deep into a JSON-LD graph an article object is looked for.</summary>
    private const int MaxJsonLdDepth = 8;

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private static readonly string[] ArticleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage"];

    public static HtmlPage Read(HtmlParser parser, string text)
    {
        if (HtmlNestingGuard.IsTooDeep(text))
        {
            // The parser's cost grows with the square of the depth: such a page is refused unparsed.
            return new HtmlPage(parser.ParseDocument(string.Empty), PageMetadata.Empty, 0) { TooDeep = true };
        }

        var document = parser.ParseDocument(text);
        return new HtmlPage(document, ReadMetadata(document), text.Length);
    }

    public static PageMetadata ReadMetadata(IDocument document)
    {
        var meta = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var content = element.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            // <meta name="pubdate" property="article:published_time" itemprop="datePublished"> is all three.
            foreach (var key in new[] { element.GetAttribute("property"), element.GetAttribute("name"), element.GetAttribute("itemprop") })
            {
                if (!string.IsNullOrWhiteSpace(key))
                {
                    if (!meta.TryGetValue(key.Trim(), out var values))
                    {
                        meta[key.Trim()] = values = [];
                    }

                    values.Add(content.Trim());
                }
            }
        }

        var article = JsonLdArticle(document);
        string? First(string key) => meta.TryGetValue(key, out var values) ? values[0] : null;

        var canonical = document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href");
        var published = ImmutableArray.CreateBuilder<string>();
        AddIfPresent(published, article?.Published);
        foreach (var key in PublishedKeys)
        {
            if (meta.TryGetValue(key, out var values))
            {
                foreach (var value in values)
                {
                    AddIfPresent(published, value);
                }
            }
        }

        var tags = meta.TryGetValue("article:tag", out var articleTags)
            ? [.. articleTags]
            : SplitKeywords(First("news_keywords") ?? First("keywords") ?? article?.Keywords);

        var documentTitle = string.IsNullOrWhiteSpace(document.Title) ? null : document.Title.Trim();
        var metaAuthors = ImmutableArray.CreateBuilder<string>();
        foreach (var key in AuthorKeys)
        {
            if (meta.TryGetValue(key, out var values))
            {
                foreach (var value in values.Where(v => !v.Contains("://", StringComparison.Ordinal)))
                {
                    AddIfPresent(metaAuthors, value);
                }
            }
        }

        return new PageMetadata
        {
            Title = article?.Headline ?? First("og:title") ?? documentTitle,
            TitleIsHeadline = article?.Headline is not null,
            Headline = article?.Headline,
            OgTitle = First("og:title"),
            TwitterTitle = First("twitter:title"),
            DocumentTitle = documentTitle,
            Url = Absolute(canonical) ?? Absolute(First("og:url")) ?? Absolute(article?.Url),
            PublishedCandidates = published.ToImmutable(),
            Authors = article?.Authors ?? [],
            MetaAuthors = metaAuthors.ToImmutable(),
            Tags = tags,
            SiteName = First("og:site_name") ?? article?.Publisher,
            NotFree = article?.NotFree ?? false,
            Language = Language(document, First("og:locale")),
        };
    }

    /// <summary>Meta names and properties that state when an article was published, best first.</summary>
    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "date.available", "date",
        "og:published_time", "DC.date.issued", "dc.date", "DC.date", "sailthru.date", "parsely-pub-date", "article.published",
        "dateCreated", "citation_publication_date",
    ];

    /// <summary>Meta names and properties that name an article's author (a URL, as <c>article:author</c> often holds, is not a name).</summary>
    private static readonly string[] AuthorKeys = ["author", "article:author", "dc.creator", "DC.creator", "parsely-author", "sailthru.author", "byl"];

    /// <summary>The page's language: <c>&lt;html lang&gt;</c>, else <c>og:locale</c>, else the Content-Language header a page repeats in its head.</summary>
    private static string? Language(IDocument document, string? locale)
    {
        var lang = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang");
        if (!string.IsNullOrWhiteSpace(lang))
        {
            return lang.Trim();
        }

        if (!string.IsNullOrWhiteSpace(locale))
        {
            return locale.Trim().Replace('_', '-');
        }

        var header = document.QuerySelector("meta[http-equiv='content-language' i]")?.GetAttribute("content");
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    private static void AddIfPresent(ImmutableArray<string>.Builder values, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !values.Contains(value.Trim()))
        {
            values.Add(value.Trim());
        }
    }

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static ImmutableArray<string> SplitKeywords(string? keywords) =>
        keywords is null ? [] : [.. keywords.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private sealed record JsonLdFields(string? Headline, string? Url, string? Published, ImmutableArray<string> Authors, string? Keywords, bool NotFree, string? Publisher);

    /// <summary>The first article object in the page's JSON-LD blocks (top level, in an array or in an <c>@graph</c>).</summary>
    private static JsonLdFields? JsonLdArticle(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var text = script.TextContent;
            if (text.Length > MaxJsonLdChars)
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text, JsonOptions);
                if (FindArticle(json.RootElement, 0) is { } article)
                {
                    return article;
                }
            }
            catch (JsonException)
            {
                // A broken block is not the page's metadata; the meta tags still are.
            }
        }

        return null;
    }

    private static JsonLdFields? FindArticle(JsonElement element, int depth)
    {
        if (depth > MaxJsonLdDepth)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (IsArticleType(element) && element.TryGetProperty("headline", out _))
        {
            return new JsonLdFields(
                Decoded(Text(element, "headline")),
                Text(element, "url") ?? IdOf(element, "mainEntityOfPage"),
                Text(element, "datePublished"),
                Names(element),
                Keywords(element),
                element.TryGetProperty("isAccessibleForFree", out var free) && (free.ValueKind == JsonValueKind.False || free.ValueKind == JsonValueKind.String && free.GetString() is "False" or "false"),
                element.TryGetProperty("publisher", out var publisher) && publisher.ValueKind == JsonValueKind.Object ? Text(publisher, "name") : null);
        }

        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, depth + 1) : null;
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString(), StringComparer.Ordinal),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString(), StringComparer.Ordinal)),
            _ => false,
        };
    }

    /// <summary>A JSON-LD string with the HTML character references some pages leave in it (<c>&amp;#8220;</c>, <c>&amp;nbsp;</c>) read.</summary>
    private static string? Decoded(string? text) =>
        text is not null && text.Contains('&', StringComparison.Ordinal) && text.Contains(';', StringComparison.Ordinal)
            ? System.Net.WebUtility.HtmlDecode(text).Replace('\u00A0', ' ').Trim()
            : text;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? IdOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "@id") ?? Text(value, "url"),
            _ => null,
        };
    }

    private static ImmutableArray<string> Names(JsonElement element)
    {
        if (!element.TryGetProperty("author", out var author))
        {
            return [];
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var item in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray() : Enumerable.Repeat(author, 1))
        {
            // People only: an organisation named as author (聯合新聞網, 中央通訊社) is the publisher.
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object when !item.TryGetProperty("@type", out var type) || type.ValueKind == JsonValueKind.String && type.GetString() == "Person" => Text(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(name) && !names.Contains(name.Trim()))
            {
                names.Add(name.Trim());
            }
        }

        return names.ToImmutable();
    }

    private static string? Keywords(JsonElement element)
    {
        if (!element.TryGetProperty("keywords", out var keywords))
        {
            return null;
        }

        return keywords.ValueKind switch
        {
            JsonValueKind.String => keywords.GetString(),
            JsonValueKind.Array => string.Join(',', keywords.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString())),
            _ => null,
        };
    }
}
