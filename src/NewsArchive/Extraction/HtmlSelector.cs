using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// A CSS selector from one of our own tables, parsed once when the table is built (an empty or invalid
/// one throws then), with a cheap prefilter so the full match runs only where it can succeed.
/// </summary>
internal sealed class HtmlSelector
{
    private static readonly CssSelectorParser SelectorParser = new();

    private readonly ISelector selector;
    private readonly SelectorPrefilter prefilter;

    private HtmlSelector(string text, ISelector selector)
    {
        Text = text;
        this.selector = selector;
        prefilter = SelectorPrefilter.Parse(text);
    }

    public string Text { get; }

    /// <summary>The parsed selector, matched without the prefilter.</summary>
    internal ISelector Compiled => selector;

    public static HtmlSelector Parse(string selector)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        var parsed = SelectorParser.ParseSelector(selector)
            ?? throw new ArgumentException($"invalid CSS selector '{selector}'", nameof(selector));
        return new HtmlSelector(selector, parsed);
    }

    public bool Matches(IElement element) => Matches(element, new ElementFacts(element));

    /// <summary>As <see cref="Matches(IElement)"/>, with the element's name, id and class read once by the caller.</summary>
    internal bool Matches(IElement element, in ElementFacts facts) => prefilter.MayMatch(element, facts) && selector.Match(element, scope: null);

    /// <summary>The prefilter alone: false only for elements the selector cannot match.</summary>
    internal bool MayMatch(IElement element) => prefilter.MayMatch(element, new ElementFacts(element));

    public override string ToString() => Text;
}
