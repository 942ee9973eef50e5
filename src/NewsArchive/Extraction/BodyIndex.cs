using System.Collections.Frozen;
using AngleSharp.Dom;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// What a body's elements hold, measured in one pass before the article walk so the generic
/// furniture signals can ask about a whole block when they meet it: its visible text, how much of
/// that is link text, its links, outbound links and images, and how much text follows it. Also finds
/// image galleries (runs of image-and-caption blocks) and whether one closes the body.
/// Text is counted in non-space characters; text that is never rendered (scripts, styles, templates,
/// <c>noscript</c> parsed as raw text, SVG) does not count.
/// </summary>
internal sealed class BodyIndex
{
    /// <summary>Elements whose content a reader never sees as text.</summary>
    private static readonly FrozenSet<string> Unrendered = new[]
    {
        "script", "style", "template", "noscript", "textarea", "svg", "math", "head", "title",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that name a picture gallery in its heading.</summary>
    private static readonly string[] GalleryWords =
    [
        "圖集", "图集", "組圖", "组图", "圖輯", "图辑", "相簿", "相關圖片", "相关图片", "更多圖片", "更多图片", "gallery", "pictures", "photos",
    ];

    /// <summary>A gallery item's caption is at most this long (a paragraph of the text is not a caption).</summary>
    internal const int MaxGalleryCaption = 400;

    private readonly Dictionary<IElement, BlockStats> stats;
    private readonly HashSet<IElement> galleryItems = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IElement> trailingGalleryItems = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IElement> galleryHeadings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, bool> holdsSiteTake = new(ReferenceEqualityComparer.Instance);
    private readonly List<IElement> imageParents = [];
    private readonly Dictionary<IElement, Siblings> siblings = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<INode> siblingsRead = new(ReferenceEqualityComparer.Instance);
    private readonly HtmlRule[] siteTakeRules;
    private readonly ArticleScope scope;

    /// <summary>The elements that hold a text block below them (null when all of the root is text).</summary>
    private readonly HashSet<IElement>? holders;

    /// <summary>The elements beside the text blocks: neither one, nor inside one, nor holding one.</summary>
    private readonly HashSet<IElement> besideText = new(ReferenceEqualityComparer.Instance);

    /// <param name="root">The body.</param>
    /// <param name="articleUrl">The article's URL, to tell links out from links within the site.</param>
    /// <param name="markupLength">The length of the body's markup, to size the table of elements once.</param>
    /// <param name="siteTakeRules">
    /// The site's rules that take tags, related links or figures out: a generic rule must not remove a
    /// block that holds what one of them would take (a read-more list inside a link-dense box).
    /// </param>
    /// <param name="scope">When given, the blocks of the root that hold the article's text, and the regions the main-content model judged furniture.</param>
    public BodyIndex(INode root, string? articleUrl, HtmlRule[]? siteTakeRules = null, int markupLength = 0, ArticleScope? scope = null)
    {
        this.scope = scope ?? ArticleScope.Whole;
        if (this.scope.Text is { } text)
        {
            holders = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
            foreach (var block in text)
            {
                for (var parent = block.ParentElement; parent is not null && parent != root && holders.Add(parent); parent = parent.ParentElement)
                {
                }
            }
        }

        // About one element per 40 characters of news markup; a table sized once is not copied as it grows.
        stats = new Dictionary<IElement, BlockStats>(Math.Clamp(markupLength / 40, 16, 1 << 16), ReferenceEqualityComparer.Instance);
        ArticleSite = LinkHosts.SiteOfUrl(articleUrl);
        this.siteTakeRules = siteTakeRules ?? [];
        TotalChars = Measure(root);
        FindGalleries();
    }

    /// <summary>The registrable site of the article's URL (<c>cna.com.tw</c>), or null when unknown.</summary>
    public string? ArticleSite { get; }

    /// <summary>All visible non-space characters of the body.</summary>
    public int TotalChars { get; }

    /// <summary>Visible non-space characters outside links, in the whole body (with a scope, in its text blocks).</summary>
    public int TotalNonLinkChars { get; private set; }

    public BlockStats this[IElement element] => stats.TryGetValue(element, out var found) ? found : default;

    /// <summary>Visible characters after the element ends, in document order.</summary>
    public int CharsAfter(IElement element) => TotalChars - this[element].End;

    /// <summary>An element beside the article's text blocks, whose text is not the article's (<see cref="ArticleScope.Text"/>).</summary>
    public bool IsBesideText(IElement element) => besideText.Count > 0 && besideText.Contains(element);

    /// <summary>A region the main-content model judged furniture (<see cref="ArticleScope.Furniture"/>).</summary>
    public bool IsScopeFurniture(IElement element) => scope.Furniture.Count > 0 && scope.Furniture.Contains(element);

    /// <summary>One block of a run of two or more image-and-caption blocks.</summary>
    public bool IsGalleryItem(IElement element) => galleryItems.Contains(element);

    /// <summary>A gallery item of a run that nothing textual follows: the body's text has ended.</summary>
    public bool IsTrailingGalleryItem(IElement element) => trailingGalleryItems.Contains(element);

    /// <summary>The short heading right before a gallery run (<c>相關圖集</c>, <c>Related pictures</c>).</summary>
    public bool IsGalleryHeading(IElement element) => galleryHeadings.Contains(element);

    /// <summary>The element after this one among its parent's children, or null.</summary>
    /// <remarks>
    /// AngleSharp finds a sibling by scanning the parent's children from the first, so asking for the
    /// sibling of each of many children costs the square of their number; here each parent's children
    /// are read once, when one of them is first asked about.
    /// </remarks>
    public IElement? NextElementSibling(IElement element) => SiblingsOf(element).Next;

    /// <summary>The element before this one among its parent's children, or null.</summary>
    public IElement? PreviousElementSibling(IElement element) => SiblingsOf(element).Previous;

    private Siblings SiblingsOf(IElement element)
    {
        if (siblings.TryGetValue(element, out var known))
        {
            return known;
        }

        if (element.Parent is not { } parent || !siblingsRead.Add(parent))
        {
            return default;
        }

        IElement? previous = null;
        foreach (var child in parent.ChildNodes)
        {
            if (child is not IElement current)
            {
                continue;
            }

            if (previous is not null)
            {
                siblings[previous] = siblings.GetValueOrDefault(previous) with { Next = current };
            }

            siblings[current] = new Siblings(previous, null);
            previous = current;
        }

        return siblings.GetValueOrDefault(element);
    }

    /// <summary>
    /// Whether the element holds, below it, something a site rule takes (tags, related links, figures).
    /// Asked only where a generic rule matched, so it is worked out then, once per element: each
    /// subtree is searched at most once, since a search records its answer for every element it passes.
    /// </summary>
    public bool HoldsSiteTake(IElement element)
    {
        if (siteTakeRules.Length == 0)
        {
            return false;
        }

        if (holdsSiteTake.TryGetValue(element, out var known))
        {
            return known;
        }

        var found = false;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement inner && (MatchesSiteTake(inner) || HoldsSiteTake(inner)))
            {
                found = true;
                break;
            }
        }

        holdsSiteTake[element] = found;
        return found;
    }

    private bool MatchesSiteTake(IElement element)
    {
        var view = new ElementView(element, this);
        foreach (var rule in siteTakeRules)
        {
            if (rule.Matches(view))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks the tree once, in document order, with its own stacks.</summary>
    private int Measure(INode root)
    {
        var frames = new List<Frame>(32);
        var work = new Stack<(INode Node, bool Exit)>(64);
        var position = 0;
        var nonLink = 0;
        var linkDepth = 0;
        // Inside a text block (or with no blocks named, everywhere) text is the article's; beside one it is not.
        var textDepth = scope.Text is null ? 1 : 0;
        if (root is IElement)
        {
            work.Push((root, false));
        }
        else
        {
            PushChildren(work, root);
        }

        while (work.Count > 0)
        {
            var (node, exit) = work.Pop();
            if (exit)
            {
                var frame = frames[^1];
                frames.RemoveAt(frames.Count - 1);
                var element = frame.Element;
                var result = frame.Stats with { End = position };
                if (element.LocalName == "a" && result is { Links: 1, Chars: 0 })
                {
                    // A link with nothing to read: an icon, an image, a share button.
                    result = result with { EmptyLinks = result.EmptyLinks + 1 };
                }

                stats[element] = result;
                if (element.LocalName == "a")
                {
                    linkDepth--;
                }

                if (frame.Text)
                {
                    textDepth--;
                }

                if (frames.Count > 0)
                {
                    ref var parent = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frames)[^1];
                    parent.Stats = parent.Stats.Add(result, BlockTextExtractor.IsBlock(element.LocalName) && result.Chars > 0);
                    if (result.Images > 0 && ++parent.ImageChildren == 2)
                    {
                        imageParents.Add(parent.Element);
                    }
                }

                continue;
            }

            if (node.NodeType == NodeType.Text)
            {
                var count = TextNormalizer.CountVisible(node.TextContent);
                if (count == 0)
                {
                    continue;
                }

                position += count;
                if (linkDepth == 0 && textDepth > 0)
                {
                    nonLink += count;
                }

                if (frames.Count > 0)
                {
                    ref var frame = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frames)[^1];
                    frame.Stats = frame.Stats with
                    {
                        Chars = frame.Stats.Chars + count,
                        LinkChars = frame.Stats.LinkChars + (linkDepth > 0 ? count : 0),
                    };
                }

                continue;
            }

            if (node is not IElement child)
            {
                continue;
            }

            var name = child.LocalName;
            var own = default(BlockStats);
            if (name == "img")
            {
                own = own with { Images = 1 };
            }
            else if (name == "a" && HtmlAttributes.Get(child, "href") is { } href)
            {
                own = own with { Links = 1, OutboundLinks = LinkHosts.IsOutbound(href, ArticleSite) ? 1 : 0, ScriptLinks = IsScriptLink(href) ? 1 : 0 };
            }
            else if (name is "input" or "button" or "select")
            {
                own = own with { Controls = 1 };
            }

            if (Unrendered.Contains(name))
            {
                stats[child] = own with { End = position };
                continue;
            }

            if (name == "a")
            {
                linkDepth++;
            }

            var isText = scope.Text is { } text && text.Contains(child);
            if (isText)
            {
                textDepth++;
            }
            else if (textDepth == 0 && holders is not null && !holders.Contains(child))
            {
                besideText.Add(child);
            }

            frames.Add(new Frame { Element = child, Stats = own, Text = isText });
            work.Push((child, true));
            PushChildren(work, child);
        }

        TotalNonLinkChars = nonLink;
        return position;
    }

    /// <summary>Finds runs of two or more image-and-caption blocks among the children of elements holding two or more images.</summary>
    private void FindGalleries()
    {
        var run = new List<IElement>();
        foreach (var parent in imageParents)
        {
            var children = parent.ChildNodes;
            run.Clear();
            IElement? beforeRun = null;
            IElement? lastElement = null;
            for (var i = 0; i <= children.Length; i++)
            {
                var node = i < children.Length ? children[i] : null;
                if (node is IElement element && IsImageAndCaption(element))
                {
                    if (run.Count == 0)
                    {
                        beforeRun = lastElement;
                    }

                    run.Add(element);
                    lastElement = element;
                    continue;
                }

                if (node is not null && node.NodeType == NodeType.Text && TextNormalizer.IsBlank(node.TextContent))
                {
                    continue;
                }

                if (node is IElement { LocalName: "br" } br)
                {
                    lastElement = br;
                    continue;
                }

                CloseRun(run, beforeRun);
                run.Clear();
                lastElement = node as IElement ?? lastElement;
            }
        }
    }

    /// <param name="run">The run's blocks.</param>
    /// <param name="beforeRun">The element right before the run's first block, which may be its heading.</param>
    private void CloseRun(List<IElement> run, IElement? beforeRun)
    {
        if (run.Count < 2)
        {
            return;
        }

        var trailing = CharsAfter(run[^1]) == 0;
        foreach (var item in run)
        {
            galleryItems.Add(item);
            if (trailing)
            {
                trailingGalleryItems.Add(item);
            }
        }

        if (beforeRun is { } heading && IsShortHeading(heading))
        {
            galleryHeadings.Add(heading);
        }
    }

    /// <summary>A block that is one image and at most a short caption: no paragraphs of its own.</summary>
    private bool IsImageAndCaption(IElement element)
    {
        if (!BlockTextExtractor.IsBlock(element.LocalName) && element.LocalName != "a")
        {
            return false;
        }

        var block = this[element];
        return block.Images == 1 && block.Chars <= MaxGalleryCaption && block.TextBlocks <= 1;
    }

    /// <summary>A short heading that names a gallery (<c>相關圖集：…</c>, <c>Related pictures</c>).</summary>
    private bool IsShortHeading(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "div" or "strong" or "b"
        && this[element] is { Chars: > 0 and <= 40, Images: 0 }
        && GalleryWords.Any(word => element.TextContent.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>A link that goes nowhere but runs a script or stays on the page (<c>javascript:</c>, <c>#</c>): a control.</summary>
    internal static bool IsScriptLink(string href)
    {
        var trimmed = href.AsSpan().Trim();
        return trimmed.IsEmpty || trimmed[0] == '#' || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    private static void PushChildren(Stack<(INode Node, bool Exit)> work, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            work.Push((children[i], false));
        }
    }

    private readonly record struct Siblings(IElement? Previous, IElement? Next);

    private struct Frame
    {
        public IElement Element;
        public BlockStats Stats;
        public int ImageChildren;

        /// <summary>The element is one of the scope's text blocks.</summary>
        public bool Text;
    }
}

/// <summary>What one element holds: visible characters (non-space), in links, links, outbound links, images.</summary>
internal readonly record struct BlockStats
{
    public int Chars { get; init; }

    public int LinkChars { get; init; }

    public int Links { get; init; }

    public int OutboundLinks { get; init; }

    /// <summary>Links that run a script or stay on the page (<c>javascript:</c>, <c>#</c>): controls.</summary>
    public int ScriptLinks { get; init; }

    /// <summary>Links with no visible text (an icon, an image).</summary>
    public int EmptyLinks { get; init; }

    /// <summary>Form controls: inputs, buttons, selects.</summary>
    public int Controls { get; init; }

    public int Images { get; init; }

    /// <summary>Block elements inside that hold text (a paragraph of text, a caption block).</summary>
    public int TextBlocks { get; init; }

    /// <summary>Where the element ends: the visible characters up to its end, in document order.</summary>
    public int End { get; init; }

    public int NonLinkChars => Chars - LinkChars;

    /// <summary>How many paragraphs of text the element holds: its text blocks, or one when its text is loose.</summary>
    public int Paragraphs => TextBlocks > 0 ? TextBlocks : Chars > 0 ? 1 : 0;

    /// <summary>The share of the text that is link text (0 for an element with no text).</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    public BlockStats Add(BlockStats child, bool childIsTextBlock) => this with
    {
        Chars = Chars + child.Chars,
        LinkChars = LinkChars + child.LinkChars,
        Links = Links + child.Links,
        OutboundLinks = OutboundLinks + child.OutboundLinks,
        ScriptLinks = ScriptLinks + child.ScriptLinks,
        EmptyLinks = EmptyLinks + child.EmptyLinks,
        Controls = Controls + child.Controls,
        Images = Images + child.Images,
        TextBlocks = TextBlocks + child.TextBlocks + (childIsTextBlock ? 1 : 0),
    };
}
