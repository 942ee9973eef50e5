using System.Collections.Immutable;

namespace NewsArchive.Containers;

/// <summary>
/// What a saved page says about itself in its <c>&lt;head&gt;</c>: the JSON-LD <c>NewsArticle</c> first,
/// then Open Graph and <c>article:</c> properties, then plain <c>&lt;meta&gt;</c> names and the
/// <c>&lt;title&gt;</c>. Values are as the page wrote them (dates unparsed, titles with any site suffix).
/// </summary>
internal sealed record PageMetadata
{
    public static readonly PageMetadata Empty = new();

    /// <summary>The headline: JSON-LD <c>headline</c>, <c>og:title</c>, or the <c>&lt;title&gt;</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Whether <see cref="Title"/> is the bare headline (JSON-LD) rather than a page title that may carry the site's name.</summary>
    public bool TitleIsHeadline { get; init; }

    /// <summary>JSON-LD <c>headline</c>, its character references read.</summary>
    public string? Headline { get; init; }

    /// <summary><c>og:title</c> as written (often with the site's name after it).</summary>
    public string? OgTitle { get; init; }

    /// <summary><c>twitter:title</c> as written.</summary>
    public string? TwitterTitle { get; init; }

    /// <summary>The <c>&lt;title&gt;</c>, trimmed.</summary>
    public string? DocumentTitle { get; init; }

    /// <summary>Author names the <c>&lt;meta&gt;</c> tags give (<c>author</c>, <c>article:author</c> when not a URL, <c>dc.creator</c>): people or the outlet.</summary>
    public ImmutableArray<string> MetaAuthors { get; init; } = [];

    /// <summary>The page's language (<c>&lt;html lang&gt;</c>, <c>og:locale</c>): <c>zh-Hant-TW</c>, <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary>The canonical link, <c>og:url</c> or JSON-LD <c>url</c>.</summary>
    public string? Url { get; init; }

    /// <summary>Every publication time the page states, best first (JSON-LD, <c>article:published_time</c>, <c>pubdate</c>, <c>date</c>).</summary>
    public ImmutableArray<string> PublishedCandidates { get; init; } = [];

    /// <summary>Author names from JSON-LD (people, not organisations).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>Keywords: <c>article:tag</c>, <c>news_keywords</c>, <c>keywords</c>, JSON-LD <c>keywords</c>; first list found.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary><c>og:site_name</c>, else the JSON-LD publisher's name.</summary>
    public string? SiteName { get; init; }

    /// <summary>JSON-LD <c>isAccessibleForFree</c> is false: the page says the article is behind a paywall.</summary>
    public bool NotFree { get; init; }
}
