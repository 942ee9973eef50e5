using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// A site's HTML rule tables, applied before the generic furniture pass (<see cref="FurnitureRules"/>):
/// element rules (what is boilerplate, where the article's keywords, further reading and captions sit)
/// and paragraph rules. Selectors are AngleSharp CSS selectors, parsed when the table is built.
/// </summary>
internal sealed record HtmlSiteRules
{
    private readonly ImmutableArray<HtmlRule> elements = [];

    /// <summary>Element rules, tried in order; the first that matches an element decides.</summary>
    public ImmutableArray<HtmlRule> Elements
    {
        get => elements;
        init
        {
            elements = value;
            TakeRules = [.. value.Where(r => r is TakeTagsRule or TakeRelatedRule or TakeRelatedListRule or TakeFigureRule)];
            WalkRules = [.. value.Where(r => r is not CaptionRule)];
            CaptionRules = [.. value.AddRange(FurnitureRules.Html).OfType<CaptionRule>()];
        }
    }

    /// <summary>The element rules that take something out (tags, related links, figures), worked out once.</summary>
    internal HtmlRule[] TakeRules { get; private init; } = [];

    /// <summary>The site's rules the article walk tries on every element (all but captions).</summary>
    internal HtmlRule[] WalkRules { get; private init; } = [];

    /// <summary>The site's caption rules, then the generic ones: what may caption an image outside a figure.</summary>
    internal CaptionRule[] CaptionRules { get; private init; } = [.. FurnitureRules.Html.OfType<CaptionRule>()];

    /// <summary>The generic rules the article walk tries on every element after the site's (all but captions).</summary>
    internal static HtmlRule[] GenericWalkRules { get; } = [.. FurnitureRules.Html.Where(r => r is not CaptionRule)];

    /// <summary>
    /// Rules that hold for every site the walk tries after the site's own, before the generic furniture
    /// pass: a saved page's main-content model's. Like the generic rules, they do not remove a block
    /// that holds what a site rule takes out.
    /// </summary>
    public ImmutableArray<HtmlRule> Before
    {
        get => before;
        init
        {
            before = value;
            AfterSiteWalkRules = value.IsDefaultOrEmpty ? GenericWalkRules : [.. value.Where(r => r is not CaptionRule), .. GenericWalkRules];
        }
    }

    private readonly ImmutableArray<HtmlRule> before = [];

    /// <summary>The rules tried after the site's: <see cref="Before"/>, then the generic pass's.</summary>
    internal HtmlRule[] AfterSiteWalkRules { get; private init; } = GenericWalkRules;

    /// <summary>Whole paragraphs that are not article text on this site.</summary>
    public ImmutableArray<LineRule> Paragraphs { get; init; } = [];

    /// <summary>
    /// Paragraph passes run after the line rules, in order, on what they left: rules that need each
    /// paragraph's kind of block, link text or place among the others (a saved page's main-content model's).
    /// </summary>
    public ImmutableArray<ParagraphPassRule> ParagraphPasses { get; init; } = [];
}
