using System.Collections.Immutable;

namespace NewsArchive.Records;

/// <summary>One article, schema v1 (see README "Record fields"). Every property is always written.</summary>
public sealed record ArticleRecord
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string Format { get; init; }
    public required string Path { get; init; }
    public required string? Url { get; init; }
    public required string Title { get; init; }
    public required string? Published { get; init; }
    public required string? Agency { get; init; }
    public required Dateline? Dateline { get; init; }
    public required ImmutableArray<string> Authors { get; init; }
    public required ImmutableArray<string> Editors { get; init; }
    public required ImmutableArray<string> Translators { get; init; }
    public required ImmutableArray<string> Paragraphs { get; init; }
    public required string Text { get; init; }
    public required ImmutableArray<string> Tags { get; init; }
    public required ImmutableArray<RelatedLink> Related { get; init; }
    public required ImmutableArray<ArticleImage> Images { get; init; }
    public required FrontMatter? FrontMatter { get; init; }
    public required ImmutableArray<string> Warnings { get; init; }

    /// <summary>Where the article sits in a file that holds many (a WARC record's offset, a WACZ entry and offset); null for a plain file.</summary>
    public string? Member { get; init; }

    /// <summary>When the page was captured (a WARC record's <c>WARC-Date</c>), ISO 8601 UTC; null when the container does not say.</summary>
    public string? Fetched { get; init; }
}

/// <summary>The place, day of month and kind of a dateline such as <c>（中央社明斯克19日綜合外電報導）</c>.</summary>
public sealed record Dateline(string? Location, int? Day, string? Kind);

public sealed record RelatedLink(string Title, string? Url);

public sealed record ArticleImage(string? Url, string? Caption);
