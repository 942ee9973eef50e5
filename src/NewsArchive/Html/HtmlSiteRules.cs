using System.Collections.Immutable;
using NewsArchive.Parsing;

namespace NewsArchive.Html;

/// <summary>
/// A site's HTML rule table: what is boilerplate, and where the article's own keywords, further-reading
/// lists and image captions sit. Selectors are AngleSharp CSS selectors, parsed when the table is built.
/// </summary>
public sealed record HtmlSiteRules
{
    /// <summary>Blocks that are neither text nor metadata (carousels, subscription boxes, ...).</summary>
    public ImmutableArray<HtmlRule> Boilerplate { get; init; } = [];

    /// <summary>Blocks holding the article's keyword links; each link's text (without <c>#</c>) is a tag.</summary>
    public HtmlRule? TagBlocks { get; init; }

    /// <summary>The article's own further-reading blocks; each link in them is a related entry.</summary>
    public HtmlRule? RelatedBlocks { get; init; }

    /// <summary>Parts of a related block that head it rather than being an entry (a topic link).</summary>
    public HtmlRule? RelatedBlockHeadings { get; init; }

    /// <summary>Heading texts that introduce a further-reading list (<c>延伸閱讀</c>, <c>阅读更多</c>).</summary>
    public ImmutableArray<string> ReadMoreHeadings { get; init; } = [];

    /// <summary>Elements that caption an image standing outside a <c>figure</c> when they follow it.</summary>
    public HtmlRule? LooseImageCaptions { get; init; }

    /// <summary>Whole paragraphs that are not article text (a bare timestamp, a share prompt).</summary>
    public ImmutableArray<LineRule> ParagraphRules { get; init; } = [];
}
