using System.Collections.Immutable;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>What a format read, before ids, joined text and de-duplication are worked out.</summary>
internal sealed class ArticleDraft
{
    public required string Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Published { get; init; }

    public string? Agency { get; init; }

    public Dateline? Dateline { get; init; }

    public ImmutableArray<string> Authors { get; init; } = [];

    public ImmutableArray<string> Editors { get; init; } = [];

    public ImmutableArray<string> Translators { get; init; } = [];

    public ImmutableArray<string> Paragraphs { get; init; } = [];

    public ImmutableArray<string> Tags { get; init; } = [];

    public ImmutableArray<RelatedLink> Related { get; init; } = [];

    public ImmutableArray<ArticleImage> Images { get; init; } = [];

    public FrontMatter? FrontMatter { get; init; }

    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>The rules that fired while reading the body, and what each removed.</summary>
    public ImmutableArray<RuleHit> RuleHits { get; init; } = [];
}
