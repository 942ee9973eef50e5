using System.Collections.Frozen;
using System.Runtime.InteropServices;
using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// One pass over a whole page's body, as a reader sees it: every element's visible text (its shape,
/// link text, links, images, form controls, embeds, list items), and the page cut into paragraphs
/// the way the article reader cuts it (every block element and every <c>&lt;br&gt;</c> ends one), each
/// with the block that holds it. Text that is never shown (scripts, styles, templates, hidden
/// elements) is not measured. The walk keeps its own stack, so no nesting overflows it.
/// </summary>
internal sealed class PageMeasure
{
    /// <summary>Elements whose content is never shown as text; embeds among them are counted.</summary>
    private static readonly FrozenSet<string> Unrendered = new[]
    {
        "script", "style", "template", "noscript", "svg", "math", "head", "title", "iframe", "object", "embed", "video",
        "audio", "canvas", "select", "textarea", "map",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Embeds = new[] { "iframe", "object", "embed", "video", "audio" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Controls = new[] { "input", "button", "select", "textarea" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<IElement, int> indexOf;

    public PageMeasure(IElement body)
    {
        indexOf = new Dictionary<IElement, int>(256, ReferenceEqualityComparer.Instance);
        Body = body;
        Walk(body);
    }

    public IElement Body { get; }

    /// <summary>Every rendered element of the body, in document order (the body first).</summary>
    public List<ElementMeasure> Elements { get; } = new(256);

    /// <summary>The paragraphs of the page, in document order.</summary>
    public List<MeasuredParagraph> Paragraphs { get; } = new(128);

    public bool TryGetIndex(IElement element, out int index) => indexOf.TryGetValue(element, out index);

    /// <summary>Whether the element at <paramref name="index"/> is below the one at <paramref name="ancestor"/>.</summary>
    public bool IsBelow(int ancestor, int index) => index > ancestor && index < Elements[ancestor].End;

    public ref ElementMeasure this[int index] => ref CollectionsMarshal.AsSpan(Elements)[index];

    private void Walk(IElement body)
    {
        var work = new Stack<(INode Node, bool Exit)>(64);
        var open = new List<int>(32);
        var blocks = new List<int>(32);
        var paragraph = default(TextShape);
        var paragraphLinks = 0;
        var linkDepth = 0;

        Enter(body, -1);
        work.Push((body, true));
        PushChildren(work, body);
        try
        {
            Loop();
        }
        finally
        {
            MarkUnlikely();
        }

        void Loop()
        {
            while (work.Count > 0)
            {
                var (node, exit) = work.Pop();
                if (exit)
                {
                    var index = open[^1];
                    open.RemoveAt(open.Count - 1);
                    ref var closing = ref this[index];
                    closing.End = Elements.Count;
                    if (closing.IsBlock)
                    {
                        Flush();
                        blocks.RemoveAt(blocks.Count - 1);
                    }

                    if (closing.Element.LocalName == "a")
                    {
                        linkDepth--;
                    }

                    if (closing.Parent >= 0)
                    {
                        this[closing.Parent].Add(closing);
                    }

                    continue;
                }

                if (node.NodeType == NodeType.Text)
                {
                    var shape = TextShape.Of(node.TextContent);
                    if (shape.Chars == 0)
                    {
                        continue;
                    }

                    paragraph += shape;
                    ref var owner = ref this[open[^1]];
                    owner.Text += shape;
                    if (linkDepth > 0)
                    {
                        paragraphLinks += shape.Chars;
                        owner.LinkChars += shape.Chars;
                    }

                    continue;
                }

                if (node is not IElement element)
                {
                    continue;
                }

                var name = element.LocalName;
                ref var parent = ref this[open[^1]];
                if (Controls.Contains(name))
                {
                    parent.Controls++;
                }

                if (Unrendered.Contains(name) || IsHidden(element))
                {
                    if (Embeds.Contains(name))
                    {
                        parent.Embeds++;
                    }

                    continue;
                }

                switch (name)
                {
                    case "br":
                        Flush();
                        continue;
                    case "img":
                        parent.Images++;
                        continue;
                    case "hr" or "wbr":
                        continue;
                }

                var isBlock = BlockTextExtractor.IsBlock(name);
                if (isBlock)
                {
                    Flush();
                    this[blocks[^1]].HasBlockChild = true;
                }

                var entered = Enter(element, open[^1]);
                ref var measure = ref this[entered];
                measure.NamedUnlikely = ClassHints.IsUnlikelyRegion(element);
                // A block named both ways (entry-author-bio) is the furniture its name says.
                measure.HoldsArticleHint = !measure.NamedUnlikely && ClassHints.IsStrongArticleHint(element);
                switch (name)
                {
                    case "a" when HtmlAttributes.Get(element, "href") is { } href:
                        measure.Links = 1;
                        measure.EmptyLinks = 0;
                        if (href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href == "#")
                        {
                            measure.ScriptLinks = 1;
                        }

                        linkDepth++;
                        break;
                    case "a":
                        linkDepth++;
                        break;
                    case "p":
                        measure.ParagraphElements = 1;
                        break;
                    case "li" or "dt" or "dd":
                        measure.ListItems = 1;
                        break;
                }

                if (isBlock)
                {
                    blocks.Add(entered);
                }

                work.Push((element, true));
                PushChildren(work, element);
            }
        }

        // The body's own closing flushed the last paragraph.
        void Flush()
        {
            if (paragraph.Chars > 0)
            {
                var container = blocks[^1];
                this[container].OwnParagraphs++;
                Paragraphs.Add(new MeasuredParagraph(container, paragraph, paragraphLinks));
            }

            paragraph = default;
            paragraphLinks = 0;
        }

        int Enter(IElement element, int parentIndex)
        {
            var index = Elements.Count;
            Elements.Add(new ElementMeasure { Element = element, Parent = parentIndex, IsBlock = parentIndex < 0 || BlockTextExtractor.IsBlock(element.LocalName) });
            indexOf[element] = index;
            open.Add(index);
            if (parentIndex < 0)
            {
                blocks.Add(index);
            }

            return index;
        }
    }

    /// <summary>
    /// Which elements are in a region that never holds the article: named so (<see cref="ClassHints.IsUnlikelyRegion"/>),
    /// or inside one. A region that holds a block named as the article's (<c>entry-content</c>,
    /// <c>articleBody</c>) is a layout's column whose class mentions its sidebar, not furniture; the body never is.
    /// </summary>
    private void MarkUnlikely()
    {
        var elements = CollectionsMarshal.AsSpan(Elements);
        for (var i = 1; i < elements.Length; i++)
        {
            ref var element = ref elements[i];
            element.Unlikely = elements[element.Parent].Unlikely || element.NamedUnlikely && !element.HoldsArticleHint;
        }
    }

    /// <summary>Hidden from every reader: the <c>hidden</c> attribute, <c>aria-hidden</c>, <c>display: none</c>.</summary>
    internal static bool IsHidden(IElement element)
    {
        if (HtmlAttributes.Has(element, "hidden") || HtmlAttributes.Get(element, "aria-hidden") == "true")
        {
            return true;
        }

        var style = HtmlAttributes.Get(element, "style");
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase));
    }

    private static void PushChildren(Stack<(INode Node, bool Exit)> work, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            work.Push((children[i], false));
        }
    }
}

/// <summary>What one element of a page holds, itself and its descendants together.</summary>
internal struct ElementMeasure
{
    public IElement Element;
    public int Parent;

    /// <summary>The index after the element's last descendant: its descendants are the elements between.</summary>
    public int End;
    public bool IsBlock;

    /// <summary>The element is, or is inside, a region that never holds the article (<see cref="ClassHints.IsUnlikelyRegion"/>).</summary>
    public bool Unlikely;

    /// <summary>The element's own tag, class, id or role names a region that never holds the article.</summary>
    public bool NamedUnlikely;

    /// <summary>The element or one below it says it is an article (<see cref="ClassHints.IsStrongArticleHint"/>).</summary>
    public bool HoldsArticleHint;

    /// <summary>A block element among its descendants (a container, not a paragraph).</summary>
    public bool HasBlockChild;

    /// <summary>Paragraphs whose nearest block is this element.</summary>
    public int OwnParagraphs;

    public TextShape Text;
    public int LinkChars;
    public int Links;

    /// <summary>Links to a script or to nowhere (<c>javascript:</c>, <c>#</c>): controls, not links.</summary>
    public int ScriptLinks;

    /// <summary>Links without visible text (an icon, an image).</summary>
    public int EmptyLinks;
    public int Images;
    public int Controls;
    public int Embeds;
    public int ListItems;
    public int ParagraphElements;

    public readonly int Chars => Text.Chars;

    public readonly double LinkDensity => Text.Chars == 0 ? 0 : (double)LinkChars / Text.Chars;

    /// <summary>Adds a closed child's counts to this element's.</summary>
    public void Add(in ElementMeasure child)
    {
        // A link is empty when, closed, it holds no visible text.
        var emptyLink = child.Element.LocalName == "a" && child.Links == 1 && child.Text.Chars == 0 ? 1 : 0;
        Text += child.Text;
        LinkChars += child.LinkChars;
        Links += child.Links;
        ScriptLinks += child.ScriptLinks;
        EmptyLinks += child.EmptyLinks + emptyLink;
        Images += child.Images;
        Controls += child.Controls;
        Embeds += child.Embeds;
        ListItems += child.ListItems;
        ParagraphElements += child.ParagraphElements;
        HoldsArticleHint |= child.HoldsArticleHint;
    }
}

/// <summary>One paragraph of a page: the block that holds it, its text's shape, and how much of it is link text.</summary>
internal readonly record struct MeasuredParagraph(int Container, TextShape Shape, int LinkChars)
{
    public double LinkDensity => Shape.Chars == 0 ? 0 : (double)LinkChars / Shape.Chars;
}
