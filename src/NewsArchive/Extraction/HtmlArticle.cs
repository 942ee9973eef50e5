using System.Collections.Immutable;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// What the HTML of an article body holds once boilerplate is gone, with the rules that fired and
/// what each removed (<see cref="RuleHits"/>).
/// </summary>
internal sealed record HtmlArticle(
    ImmutableArray<string> Paragraphs,
    ImmutableArray<string> Tags,
    ImmutableArray<RelatedLink> Related,
    ImmutableArray<ArticleImage> Images,
    string? FirstHeading,
    ImmutableArray<string> Warnings)
{
    /// <summary>Authors named by an author line at the top of the body (not by a dateline).</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    public ImmutableArray<RuleHit> RuleHits { get; init; } = [];

    /// <summary>The lines above the text that a paragraph pass took for no text (a date line, a byline's parts), as they were.</summary>
    public ImmutableArray<string> Leading { get; init; } = [];
}
