using System.Collections.Immutable;
using NewsArchive.Parsing;

namespace NewsArchive.Html;

/// <summary>
/// A site's HTML rule tables, applied before the generic furniture pass (<see cref="FurnitureRules"/>):
/// element rules (what is boilerplate, where the article's keywords, further reading and captions sit)
/// and paragraph rules. Selectors are AngleSharp CSS selectors, parsed when the table is built.
/// </summary>
public sealed record HtmlSiteRules
{
    /// <summary>Element rules, tried in order; the first that matches an element decides.</summary>
    public ImmutableArray<HtmlRule> Elements { get; init; } = [];

    /// <summary>Whole paragraphs that are not article text on this site.</summary>
    public ImmutableArray<LineRule> Paragraphs { get; init; } = [];
}
