using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace NewsArchive.Html;

/// <summary>
/// One boilerplate rule for HTML bodies: elements matching a CSS selector are not article text.
/// The selector is parsed once, when the rule table is built; an empty or invalid one throws then.
/// </summary>
public sealed class HtmlRule
{
    private static readonly CssSelectorParser SelectorParser = new();

    private readonly SelectorPrefilter prefilter;

    private HtmlRule(string selectorText, ISelector selector, string reason)
    {
        SelectorText = selectorText;
        Selector = selector;
        Reason = reason;
        prefilter = SelectorPrefilter.Parse(selectorText);
    }

    public string SelectorText { get; }

    public string Reason { get; }

    internal ISelector Selector { get; }

    public static HtmlRule Remove(string selector, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var parsed = SelectorParser.ParseSelector(selector)
            ?? throw new ArgumentException($"invalid CSS selector '{selector}'", nameof(selector));
        return new HtmlRule(selector, parsed, reason);
    }

    public bool Matches(IElement element) => Matches(element, new ElementFacts(element));

    /// <summary>As <see cref="Matches(IElement)"/>, with the element's name, id and class read once by the caller.</summary>
    internal bool Matches(IElement element, in ElementFacts facts) => prefilter.MayMatch(element, facts) && Selector.Match(element, scope: null);

    /// <summary>The prefilter alone: false only for elements the selector cannot match.</summary>
    internal bool MayMatch(IElement element) => prefilter.MayMatch(element, new ElementFacts(element));
}
