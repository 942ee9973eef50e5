using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// A test on one element for rules that a CSS selector cannot express: the link density of a block,
/// a short box beside a logo, an image gallery. Signals are defined by the library
/// (<see cref="FurnitureSignals"/>); each has a name that says what it looks for.
/// </summary>
internal sealed class ElementSignal
{
    private readonly Func<ElementView, bool> test;

    internal ElementSignal(string name, Func<ElementView, bool> test)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        this.test = test;
    }

    public string Name { get; }

    internal bool Test(in ElementView view) => test(view);

    public override string ToString() => Name;
}

/// <summary>
/// One element as the rules see it: the element, its name, id and class read once, and what
/// <see cref="BodyIndex"/> measured of it, looked up once per element however many rules ask.
/// </summary>
internal readonly struct ElementView
{
    internal ElementView(IElement element, BodyIndex index)
    {
        Element = element;
        Facts = new ElementFacts(element);
        Stats = index[element];
        Index = index;
    }

    internal IElement Element { get; }

    internal ElementFacts Facts { get; }

    internal BlockStats Stats { get; }

    internal BodyIndex Index { get; }

    internal string Name => Facts.LocalName;
}

/// <summary>
/// One entry of an HTML rule table: what elements it matches (a CSS selector or an
/// <see cref="ElementSignal"/>), what it does with them (its kind, a type of its own) and why.
/// Selectors are parsed when the table is built; an empty or invalid one throws then.
/// </summary>
internal abstract class HtmlRule : IRule
{
    private readonly HtmlSelector? selector;
    private readonly ElementSignal? signal;

    private protected HtmlRule(HtmlSelector? selector, ElementSignal? signal, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        this.selector = selector;
        this.signal = signal;
        Reason = reason;
    }

    public string Kind => GetType().Name[..^"Rule".Length];

    public string Reason { get; }

    /// <summary>The CSS selector, or null for a rule that tests a signal.</summary>
    public HtmlSelector? Selector => selector;

    /// <summary>The selector text or the signal's name.</summary>
    public string Match => selector?.Text ?? signal!.Name;

    /// <summary>Elements matching this are not article text (carousels, subscription boxes, scripts).</summary>
    public static RemoveRule Remove(string selector, string reason) => new(HtmlSelector.Parse(selector), null, reason);

    public static RemoveRule Remove(ElementSignal signal, string reason) => new(null, signal, reason);

    /// <summary>
    /// Pop-ups set inside a sentence (a glossary box): removed, and the sentence the HTML parser split
    /// around them is mended, since a block inside a <c>&lt;p&gt;</c> closes it.
    /// </summary>
    public static RemovePopUpRule RemovePopUp(string selector, string reason) => new(HtmlSelector.Parse(selector), null, reason);

    public static RemovePopUpRule RemovePopUp(ElementSignal signal, string reason) => new(null, signal, reason);

    /// <summary>Blocks of the article's keyword links: each link's text, without <c>#</c>, is a tag.</summary>
    public static TakeTagsRule TakeTags(string selector, string reason) => new(HtmlSelector.Parse(selector), null, reason);

    public static TakeTagsRule TakeTags(ElementSignal signal, string reason) => new(null, signal, reason);

    /// <summary>
    /// The article's own further-reading blocks: each link in them is a related entry, except inside
    /// parts matching <paramref name="exclude"/> (a block's topic heading).
    /// </summary>
    public static TakeRelatedRule TakeRelated(string selector, string reason, string? exclude = null) =>
        new(HtmlSelector.Parse(selector), null, reason, exclude is null ? null : HtmlSelector.Parse(exclude));

    public static TakeRelatedRule TakeRelated(ElementSignal signal, string reason) => new(null, signal, reason, null);

    /// <summary>A heading the signal recognises (<c>延伸閱讀</c>): the list right after it holds related entries.</summary>
    public static TakeRelatedListRule TakeRelatedList(ElementSignal heading, string reason) => new(heading, reason);

    /// <summary>An element that, standing right after an image outside a figure, is that image's caption.</summary>
    public static CaptionRule Caption(string selector, string reason) => new(HtmlSelector.Parse(selector), null, reason);

    public static CaptionRule Caption(ElementSignal signal, string reason) => new(null, signal, reason);

    /// <summary>A block that is one image and its caption: an article image, not text.</summary>
    public static TakeFigureRule TakeFigure(string selector, string reason) => new(HtmlSelector.Parse(selector), null, reason);

    public static TakeFigureRule TakeFigure(ElementSignal signal, string reason) => new(null, signal, reason);

    internal bool Matches(in ElementView view) =>
        selector?.Matches(view.Element, view.Facts) ?? signal!.Test(view);

    public override string ToString() => $"{Kind}({Match}): {Reason}";
}

internal sealed class RemoveRule : HtmlRule
{
    internal RemoveRule(HtmlSelector? selector, ElementSignal? signal, string reason)
        : base(selector, signal, reason)
    {
    }
}

internal sealed class RemovePopUpRule : HtmlRule
{
    internal RemovePopUpRule(HtmlSelector? selector, ElementSignal? signal, string reason)
        : base(selector, signal, reason)
    {
    }
}

internal sealed class TakeTagsRule : HtmlRule
{
    internal TakeTagsRule(HtmlSelector? selector, ElementSignal? signal, string reason)
        : base(selector, signal, reason)
    {
    }
}

internal sealed class TakeRelatedRule : HtmlRule
{
    internal TakeRelatedRule(HtmlSelector? selector, ElementSignal? signal, string reason, HtmlSelector? exclude)
        : base(selector, signal, reason) => Exclude = exclude;

    /// <summary>Parts of a matched block that head it rather than being an entry.</summary>
    public HtmlSelector? Exclude { get; }
}

internal sealed class TakeRelatedListRule : HtmlRule
{
    internal TakeRelatedListRule(ElementSignal heading, string reason)
        : base(null, heading, reason)
    {
    }
}

internal sealed class CaptionRule : HtmlRule
{
    internal CaptionRule(HtmlSelector? selector, ElementSignal? signal, string reason)
        : base(selector, signal, reason)
    {
    }
}

internal sealed class TakeFigureRule : HtmlRule
{
    internal TakeFigureRule(HtmlSelector? selector, ElementSignal? signal, string reason)
        : base(selector, signal, reason)
    {
    }
}
