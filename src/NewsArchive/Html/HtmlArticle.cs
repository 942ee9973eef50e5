using System.Collections.Immutable;
using NewsArchive.Records;

namespace NewsArchive.Html;

/// <summary>What the HTML of an article body holds once boilerplate is gone.</summary>
public sealed record HtmlArticle(
    ImmutableArray<string> Paragraphs,
    ImmutableArray<string> Tags,
    ImmutableArray<RelatedLink> Related,
    ImmutableArray<ArticleImage> Images,
    string? FirstHeading,
    ImmutableArray<string> Warnings);
