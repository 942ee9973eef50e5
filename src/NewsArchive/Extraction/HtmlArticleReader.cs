using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Decoding;
using NewsArchive.Input;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// Reads an article body's HTML with AngleSharp (a real HTML5 parser: a <c>&lt;div&gt;</c> inside a
/// <c>&lt;p&gt;</c> closes it, as in a browser). A single walk over the DOM sets boilerplate aside, takes
/// the keywords, further-reading links and images out, and reads what is left as paragraphs.
/// </summary>
internal static class HtmlArticleReader
{
    private static readonly HtmlSelector Lists = HtmlSelector.Parse("ul, ol");

    /// <summary>How many wrappers up from an image its caption is looked for (<c>&lt;a&gt;&lt;picture&gt;&lt;img&gt;</c> is two).</summary>
    private const int MaxCaptionClimb = 4;

    /// <summary>How many blank elements (spacers, empty wrappers) may stand between a read-more heading and its list.</summary>
    private const int MaxReadMoreGap = 16;

    public static HtmlArticle Read(HtmlParser parser, string html, HtmlSiteRules rules, string? baseUrl) =>
        Read(parser, html.AsMemory(), rules, baseUrl);

    /// <summary>Reads a body that is a slice of a larger text (a post after its front matter), without copying it.</summary>
    public static HtmlArticle Read(HtmlParser parser, ReadOnlyMemory<char> html, HtmlSiteRules rules, string? baseUrl)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (TryFindCutOffTag(html.Span, out var cut))
        {
            // A download cut off inside a tag: the partial tag is not text (a lone '<' would be).
            html = html[..cut];
            warnings.Add("HTML is cut off inside a tag; the text before the cut is kept");
        }

        var document = parser.ParseDocument(html);
        return Read((INode?)document.Body ?? document, html.Length, rules, baseUrl, warnings);
    }

    /// <summary>
    /// Reads the article under <paramref name="root"/> of a document already parsed: a saved page's
    /// article element, whose site found it. <paramref name="sourceLength"/> bounds the walk's work.
    /// </summary>
    /// <param name="root">The article element.</param>
    /// <param name="sourceLength">The length of the page's markup, which bounds the walk's work.</param>
    /// <param name="rules">The site's rules.</param>
    /// <param name="baseUrl">The article's URL, against which links are resolved.</param>
    /// <param name="scope">
    /// When given, what the main-content model decided: the children of <paramref name="root"/> that are
    /// the article (the root's other children are not read and not measured, since they were never the
    /// article's) and the regions inside it that are furniture.
    /// </param>
    public static HtmlArticle Read(INode root, int sourceLength, HtmlSiteRules rules, string? baseUrl, ArticleScope? scope = null) =>
        Read(root, sourceLength, rules, baseUrl, ImmutableArray.CreateBuilder<string>(), scope ?? ArticleScope.Whole);

    private static HtmlArticle Read(INode root, int sourceLength, HtmlSiteRules rules, string? baseUrl, ImmutableArray<string>.Builder warnings, ArticleScope? scope = null)
    {
        scope ??= ArticleScope.Whole;
        var index = new BodyIndex(root, baseUrl, rules.TakeRules, sourceLength, scope);
        var log = new RuleLog();
        var walk = new ArticleWalk(rules, index, log, baseUrl);

        // One walk: the block walker asks the classifier about every element it meets, in document
        // order; the classifier takes keywords, further reading and images out and answers whether the
        // element's text is skipped.
        var marks = new ParagraphMarks { TrackStyle = !rules.ParagraphPasses.IsEmpty };
        var paragraphs = BlockTextExtractor.Extract(root, walk.Classify, marks);

        // Pull quotes first, while paragraph indexes still say which were headings and quotations: a
        // subhead that quotes the text is a heading, and of two equal copies the quotation goes.
        // Where each paragraph kept came from, so a pass after the others still knows its kind of block
        // (kept only where passes will ask: the other paragraphs are many and asked nothing).
        var passes = rules.ParagraphPasses;
        var origin = passes.IsEmpty ? null : new List<int>(Enumerable.Range(0, paragraphs.Length));
        var repeats = FurnitureRules.PullQuotes.FindRepeats(paragraphs, marks.Headings, marks.Quoted);
        if (!repeats.IsEmpty)
        {
            foreach (var i in repeats)
            {
                log.RemovedParagraph(FurnitureRules.PullQuotes, TextNormalizer.CountVisible(paragraphs[i]));
            }

            var dropped = repeats.ToHashSet();
            paragraphs = [.. paragraphs.Where((_, i) => !dropped.Contains(i))];
            origin = origin is null ? null : [.. origin.Where((_, i) => !dropped.Contains(i))];
        }

        var authors = ImmutableArray<string>.Empty;
        if (FurnitureRules.Byline.TryTake(paragraphs, out var bylineAuthors, out var taken))
        {
            authors = bylineAuthors;
            paragraphs = paragraphs.RemoveRange(0, taken);
            origin?.RemoveRange(0, taken);
            log.Fired(FurnitureRules.Byline);
        }

        var kept = origin is null ? null : new List<int>(paragraphs.Length);
        paragraphs = ParagraphFilter.Apply(paragraphs, rules.Paragraphs, FurnitureRules.Paragraphs, FurnitureRules.MaxFurnitureParagraphChars, log, kept);
        var leading = ImmutableArray<string>.Empty;
        if (origin is not null)
        {
            origin = [.. kept!.Select(i => origin[i])];
            paragraphs = RunPasses(passes, paragraphs, origin, marks, log, out leading);
        }

        var hits = log.ToImmutable();
        if (LossAccounting.Warning(hits, index.TotalNonLinkChars) is { } loss)
        {
            warnings.Add(loss);
        }

        return new HtmlArticle(paragraphs, walk.Tags.ToImmutable(), walk.Related.ToImmutable(), walk.Images.ToImmutable(), walk.FirstHeading, warnings.ToImmutable())
        {
            Authors = authors,
            RuleHits = hits,
            Leading = leading,
        };
    }

    /// <summary>
    /// Runs the paragraph passes in order on what the line rules left, each paragraph seen with its
    /// kind of block (<paramref name="origin"/> maps it back to the marks); every paragraph dropped is
    /// logged with its length. <paramref name="leading"/> receives the lines above the text an edge pass dropped.
    /// </summary>
    private static ImmutableArray<string> RunPasses(ImmutableArray<ParagraphPassRule> passes, ImmutableArray<string> paragraphs, List<int> origin, ParagraphMarks marks, RuleLog log, out ImmutableArray<string> leading)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (var pass in passes)
        {
            var views = new ParagraphView[paragraphs.Length];
            for (var i = 0; i < views.Length; i++)
            {
                var from = origin[i];
                views[i] = new ParagraphView(
                    paragraphs[i], TextNormalizer.CountVisible(paragraphs[i]), from < marks.LinkChars.Count ? marks.LinkChars[from] : 0,
                    marks.Headings.Contains(from), marks.Bold.Contains(from), marks.Quoted.Contains(from));
            }

            var drop = pass.Drop(views);
            if (drop.IsEmpty)
            {
                continue;
            }

            var gone = new HashSet<int>(drop);
            foreach (var i in drop)
            {
                log.RemovedParagraph(pass, views[i].Chars);
                if (pass is DropEdgesRule && i == lines.Count)
                {
                    // The lines above the text: a page's byline and date line may stand there.
                    lines.Add(paragraphs[i]);
                }
            }

            paragraphs = [.. paragraphs.Where((_, i) => !gone.Contains(i))];
            var kept = origin.Where((_, i) => !gone.Contains(i)).ToList();
            origin.Clear();
            origin.AddRange(kept);
        }

        leading = lines.ToImmutable();
        return paragraphs;
    }

    /// <summary>A cut-off download ends with a <c>&lt;</c> that starts a tag no <c>&gt;</c> closes.</summary>
    internal static bool TryFindCutOffTag(ReadOnlySpan<char> html, out int start)
    {
        var end = html.TrimEnd();
        start = end.LastIndexOf('<');
        if (start < 0 || start < end.LastIndexOf('>'))
        {
            return false;
        }

        return start + 1 == end.Length || char.IsAsciiLetter(end[start + 1]) || end[start + 1] is '/' or '!';
    }

    /// <summary>The state of one walk over a body: what was taken out, and what is set aside.</summary>
    private sealed class ArticleWalk
    {
        private readonly HashSet<IElement> setAside = new(ReferenceEqualityComparer.Instance);
        private readonly Lazy<Uri?> baseUri;
        private readonly BodyIndex index;
        private readonly RuleLog log;
        private readonly HtmlRule[] siteRules;
        private readonly HtmlRule[] genericRules;
        private readonly CaptionRule[] captionRules;

        public ArticleWalk(HtmlSiteRules rules, BodyIndex index, RuleLog log, string? baseUrl)
        {
            this.index = index;
            this.log = log;
            baseUri = new(() => baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) ? parsed : null, LazyThreadSafetyMode.None);
            siteRules = rules.WalkRules;
            genericRules = rules.AfterSiteWalkRules;
            captionRules = rules.CaptionRules;
        }

        public ImmutableArray<string>.Builder Tags { get; } = ImmutableArray.CreateBuilder<string>();

        public ImmutableArray<RelatedLink>.Builder Related { get; } = ImmutableArray.CreateBuilder<RelatedLink>();

        public ImmutableArray<ArticleImage>.Builder Images { get; } = ImmutableArray.CreateBuilder<ArticleImage>();

        public string? FirstHeading { get; private set; }

        /// <summary>What the walk does with the element: read it, or skip it with everything inside.</summary>
        public WalkDecision Classify(IElement element)
        {
            if (setAside.Count > 0 && setAside.Contains(element))
            {
                return WalkDecision.Skip;
            }

            var beside = index.IsBesideText(element);

            var view = new ElementView(element, index);
            foreach (var rule in siteRules)
            {
                if (rule.Matches(view) && Apply(rule, view) is { } decision)
                {
                    return decision;
                }
            }

            // The site's rules come first: a generic rule does not remove a block holding what one of
            // them takes out, it lets the walk reach it. Most elements match no generic rule, so that
            // is asked only once one matches.
            var holdsSiteTake = (bool?)null;
            foreach (var rule in genericRules)
            {
                if (!rule.Matches(view))
                {
                    continue;
                }

                holdsSiteTake ??= index.HoldsSiteTake(element);
                if (holdsSiteTake.Value)
                {
                    break;
                }

                if (Apply(rule, view) is { } decision)
                {
                    return decision;
                }
            }

            switch (view.Name)
            {
                case "img":
                    AddLooseImage(element);
                    return WalkDecision.Skip;
                case "h1" when FirstHeading is null:
                    FirstHeading = BlockTextExtractor.TextOf(element);
                    break;
            }

            return beside ? WalkDecision.Harvest : WalkDecision.Read;
        }

        /// <summary>Does what a matching rule's kind says; null when it turns out not to apply.</summary>
        private WalkDecision? Apply(HtmlRule rule, in ElementView view)
        {
            var element = view.Element;
            switch (rule)
            {
                case RemoveRule or RemovePopUpRule when index.IsBesideText(element):
                    // Beside the article's text nothing is read, so nothing is lost.
                    log.Fired(rule);
                    return WalkDecision.Skip;
                case RemoveRule:
                    log.Removed(rule, view.Stats.NonLinkChars, view.Stats.Paragraphs);
                    return WalkDecision.Skip;
                case RemovePopUpRule:
                    log.Removed(rule, view.Stats.NonLinkChars, view.Stats.Paragraphs);
                    return WalkDecision.SkipAndMend;
                case TakeTagsRule:
                    foreach (var link in Descendants(element).Where(e => e.LocalName == "a"))
                    {
                        var tag = BlockTextExtractor.TextOf(link).TrimStart('#', '＃').Trim();
                        if (tag.Length > 0)
                        {
                            Tags.Add(tag);
                        }
                    }

                    log.Fired(rule);
                    return WalkDecision.Skip;
                case TakeRelatedRule related:
                    AddLinks(element, related.Exclude, baseUri, Related);
                    log.Fired(rule);
                    return WalkDecision.Skip;
                case TakeRelatedListRule:
                    if (FindReadMoreList(element, index) is not { } list)
                    {
                        return null;
                    }

                    AddLinks(list, null, baseUri, Related);
                    setAside.Add(list);
                    log.Fired(rule);
                    return WalkDecision.Skip;
                case TakeFigureRule:
                    AddFigure(element, baseUri, Images);
                    log.Fired(rule);
                    TakeCreditAfter(element);
                    return WalkDecision.Skip;
                default:
                    return null;
            }
        }

        /// <summary>An image credit line right after a figure (<c>图像来源，Getty Images</c>) is part of that image's caption.</summary>
        private void TakeCreditAfter(IElement figure)
        {
            if (Images.Count == 0 || index.NextElementSibling(figure) is not { } next || !FurnitureSignals.ImageCreditLine.Test(new ElementView(next, index)))
            {
                return;
            }

            var image = Images[^1];
            var credit = BlockTextExtractor.TextOf(next);
            Images[^1] = image with { Caption = string.IsNullOrEmpty(image.Caption) ? credit : image.Caption + " " + credit };
            setAside.Add(next);
            log.Fired(FurnitureRules.ImageCredit);
        }

        private void AddLooseImage(IElement img)
        {
            if (HtmlAttributes.Get(img, "width") == "1" || HtmlAttributes.Get(img, "height") == "1")
            {
                return;
            }

            var url = ImageUrl(img, baseUri);
            string? caption = null;
            if (FindCaption(img) is { } found)
            {
                caption = BlockTextExtractor.TextOf(found.Element);
                setAside.Add(found.Element);
                log.Fired(found.Rule);
            }

            if (url is not null)
            {
                Images.Add(new ArticleImage(url, string.IsNullOrEmpty(caption) ? null : caption));
            }
        }

        /// <summary>
        /// The caption of an image outside a figure: the next element after it, or after its parent when the
        /// image closes its parent (<c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c>).
        /// </summary>
        private (IElement Element, CaptionRule Rule)? FindCaption(IElement img)
        {
            // The climb stops a few wrappers up: a caption stands beside its image, not pages away,
            // and an image deep in empty wrappers must not cost a walk to the root.
            var climbed = 0;
            for (var anchor = img; anchor is not null && climbed++ <= MaxCaptionClimb; anchor = anchor.ParentElement)
            {
                var next = index.NextElementSibling(anchor);
                if (next is not null)
                {
                    if (MatchCaption(next) is { } rule)
                    {
                        return (next, rule);
                    }

                    // A wrapper around one caption element and nothing else: <div><small>caption</small></div>.
                    var inner = next.FirstElementChild;
                    if (inner is not null && next.ChildElementCount == 1 && index[next].Chars == index[inner].Chars && MatchCaption(inner) is { } innerRule)
                    {
                        return (inner, innerRule);
                    }

                    return null;
                }

                // No element follows: the image (or its wrapper) closes its parent.
                if (anchor.ParentElement is { LocalName: "a" or "picture" or "span" or "div" or "p" })
                {
                    continue;
                }

                return null;
            }

            return null;
        }

        private CaptionRule? MatchCaption(IElement candidate)
        {
            var view = new ElementView(candidate, index);
            foreach (var rule in captionRules)
            {
                if (rule.Matches(view))
                {
                    return rule;
                }
            }

            return null;
        }
    }

    private static void AddLinks(IElement block, HtmlSelector? exclude, Lazy<Uri?> baseUri, ImmutableArray<RelatedLink>.Builder related)
    {
        foreach (var link in Descendants(block, exclude).Where(e => e.LocalName == "a"))
        {
            var title = BlockTextExtractor.TextOf(link);
            if (title.Length > 0)
            {
                related.Add(new RelatedLink(title, Resolve(HtmlAttributes.Get(link, "href"), baseUri)));
            }
        }
    }

    private static void AddFigure(IElement figure, Lazy<Uri?> baseUri, ImmutableArray<ArticleImage>.Builder images)
    {
        var img = Descendants(figure).FirstOrDefault(e => e.LocalName == "img");
        var source = Descendants(figure).FirstOrDefault(e => e.LocalName == "source");
        var url = ImageUrl(img, baseUri) ?? (source is null ? null : FirstSrcset(HtmlAttributes.Get(source, "srcset") ?? HtmlAttributes.Get(source, "data-srcset"), baseUri));
        var captionElement = Descendants(figure).FirstOrDefault(e => e.LocalName == "figcaption");
        // A gallery item has no figcaption: its own text is the caption.
        var caption = captionElement is not null ? BlockTextExtractor.TextOf(captionElement)
            : figure.LocalName == "figure" ? null : BlockTextExtractor.TextOf(figure);
        if (string.IsNullOrEmpty(caption))
        {
            caption = img is not null && HtmlAttributes.Get(img, "alt") is { Length: > 0 } alt ? TextNormalizer.Normalize(alt) : null;
        }

        if (url is not null || caption is not null)
        {
            images.Add(new ArticleImage(url, string.IsNullOrEmpty(caption) ? null : caption));
        }
    }

    /// <summary>The list a read-more heading introduces: the first list among the next few elements, past blank ones only.</summary>
    private static IElement? FindReadMoreList(IElement heading, BodyIndex index)
    {
        var looked = 0;
        for (var sibling = index.NextElementSibling(heading); sibling is not null && looked++ < MaxReadMoreGap; sibling = index.NextElementSibling(sibling))
        {
            if (Lists.Matches(sibling))
            {
                return sibling;
            }

            if (!TextNormalizer.IsBlank(sibling.TextContent))
            {
                return null;
            }
        }

        return null;
    }

    private static string? ImageUrl(IElement? img, Lazy<Uri?> baseUri)
    {
        if (img is null)
        {
            return null;
        }

        foreach (var attribute in (ReadOnlySpan<string>)["src", "data-src", "data-original", "data-lazy-src"])
        {
            var value = HtmlAttributes.Get(img, attribute);
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return Resolve(value, baseUri);
            }
        }

        return FirstSrcset(HtmlAttributes.Get(img, "srcset") ?? HtmlAttributes.Get(img, "data-srcset"), baseUri);
    }

    private static string? FirstSrcset(string? srcset, Lazy<Uri?> baseUri)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        var first = srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var url = first?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return url is null ? null : Resolve(url, baseUri);
    }

    /// <summary>An absolute URL for an href (relative ones against the article URL), or null for scripts and anchors.</summary>
    internal static string? Resolve(string? href, Lazy<Uri?>? baseUri)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (UrlHost.TryGetHost(href, out _))
        {
            // Already absolute (nearly every link on these pages): no Uri needed.
            return href;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme is "http" or "https"))
        {
            return href;
        }

        var resolvedBase = baseUri?.Value;
        if (resolvedBase is not null && Uri.TryCreate(resolvedBase, href, out var combined))
        {
            return combined.ToString();
        }

        return href;
    }

    private static IEnumerable<IElement> Descendants(IElement root, HtmlSelector? exclude = null)
    {
        var stack = new Stack<IElement>();
        PushChildElements(stack, root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (exclude?.Matches(element) == true)
            {
                continue;
            }

            yield return element;
            PushChildElements(stack, element);
        }
    }

    /// <summary>
    /// The element children, last first, read from the child node list: AngleSharp's <c>Children</c>
    /// collection enumerates the children again for its length and for every index.
    /// </summary>
    private static void PushChildElements(Stack<IElement> stack, IElement parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }
}
