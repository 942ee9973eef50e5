using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Parsing;
using NewsArchive.Records;

namespace NewsArchive.Html;

/// <summary>
/// Reads an article body's HTML with AngleSharp (a real HTML5 parser: a <c>&lt;div&gt;</c> inside a
/// <c>&lt;p&gt;</c> closes it, as in a browser). A single walk over the DOM sets boilerplate aside, takes
/// the keywords, further-reading links and images out, and reads what is left as paragraphs.
/// </summary>
public static class HtmlArticleReader
{
    private static readonly HtmlRule Headings = HtmlRule.Remove("h1, h2, h3, h4, h5, h6, strong, b, .title", "read-more headings");
    private static readonly HtmlRule Lists = HtmlRule.Remove("ul, ol", "lists");

    public static HtmlArticle Read(HtmlParser parser, string html, HtmlSiteRules rules, string? baseUrl) =>
        Read(parser, html.AsMemory(), rules, baseUrl);

    /// <summary>Reads a body that is a slice of a larger text (a post after its front matter), without copying it.</summary>
    public static HtmlArticle Read(HtmlParser parser, ReadOnlyMemory<char> html, HtmlSiteRules rules, string? baseUrl)
    {
        ImmutableArray<string> warnings = [];
        if (TryFindCutOffTag(html.Span, out var cut))
        {
            // A download cut off inside a tag: the partial tag is not text (a lone '<' would be).
            html = html[..cut];
            warnings = ["HTML is cut off inside a tag; the text before the cut is kept"];
        }

        var document = parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document;
        var walk = new ArticleWalk(rules, baseUrl);

        // One walk: the block walker asks the classifier about every element it meets, in document
        // order; the classifier takes keywords, further reading and images out and answers whether the
        // element's text is skipped.
        var paragraphs = BlockTextExtractor.Extract(root, walk.Classify);
        if (!rules.ParagraphRules.IsEmpty)
        {
            paragraphs = [.. paragraphs.Where(p => !rules.ParagraphRules.Any(r => r.Matches(p)))];
        }

        return new HtmlArticle(paragraphs, walk.Tags.ToImmutable(), walk.Related.ToImmutable(), walk.Images.ToImmutable(), walk.FirstHeading, warnings);
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
    private sealed class ArticleWalk(HtmlSiteRules rules, string? baseUrl)
    {
        private readonly HashSet<IElement> setAside = new(ReferenceEqualityComparer.Instance);
        private readonly Lazy<Uri?> baseUri = new(() => baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) ? parsed : null, LazyThreadSafetyMode.None);

        public ImmutableArray<string>.Builder Tags { get; } = ImmutableArray.CreateBuilder<string>();

        public ImmutableArray<RelatedLink>.Builder Related { get; } = ImmutableArray.CreateBuilder<RelatedLink>();

        public ImmutableArray<ArticleImage>.Builder Images { get; } = ImmutableArray.CreateBuilder<ArticleImage>();

        public string? FirstHeading { get; private set; }

        /// <summary>True when the element and everything in it are not article text.</summary>
        public bool Classify(IElement element)
        {
            if (setAside.Count > 0 && setAside.Contains(element))
            {
                return true;
            }

            var facts = new ElementFacts(element);
            if (MatchesAny(rules.Boilerplate, element, facts) || MatchesAny(CommonRules.Html, element, facts))
            {
                return true;
            }

            if (rules.TagBlocks?.Matches(element, facts) == true)
            {
                foreach (var link in Descendants(element).Where(e => e.LocalName == "a"))
                {
                    var tag = BlockTextExtractor.TextOf(link).TrimStart('#', '＃').Trim();
                    if (tag.Length > 0)
                    {
                        Tags.Add(tag);
                    }
                }

                return true;
            }

            if (rules.RelatedBlocks?.Matches(element, facts) == true)
            {
                AddLinks(element, rules.RelatedBlockHeadings, baseUri, Related);
                return true;
            }

            switch (facts.LocalName)
            {
                case "figure":
                    AddFigure(element, baseUri, Images);
                    return true;
                case "img":
                    AddLooseImage(element, rules.LooseImageCaptions, baseUri, Images, setAside);
                    return true;
                case "h1" when FirstHeading is null:
                    FirstHeading = BlockTextExtractor.TextOf(element);
                    break;
            }

            if (!rules.ReadMoreHeadings.IsEmpty && Headings.Matches(element, facts)
                && rules.ReadMoreHeadings.Contains(BlockTextExtractor.TextOf(element), StringComparer.Ordinal)
                && FindReadMoreList(element) is { } list)
            {
                AddLinks(list, null, baseUri, Related);
                setAside.Add(list);
                return true;
            }

            return false;
        }
    }

    private static bool MatchesAny(ImmutableArray<HtmlRule> rules, IElement element, in ElementFacts facts)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(element, facts))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddLinks(IElement block, HtmlRule? exclude, Lazy<Uri?> baseUri, ImmutableArray<RelatedLink>.Builder related)
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
        var caption = captionElement is null ? null : BlockTextExtractor.TextOf(captionElement);
        if (string.IsNullOrEmpty(caption))
        {
            caption = img is not null && HtmlAttributes.Get(img, "alt") is { Length: > 0 } alt ? TextNormalizer.Normalize(alt) : null;
        }

        if (url is not null || caption is not null)
        {
            images.Add(new ArticleImage(url, string.IsNullOrEmpty(caption) ? null : caption));
        }
    }

    private static void AddLooseImage(IElement img, HtmlRule? captions, Lazy<Uri?> baseUri, ImmutableArray<ArticleImage>.Builder images, HashSet<IElement> skipped)
    {
        if (HtmlAttributes.Get(img, "width") == "1" || HtmlAttributes.Get(img, "height") == "1")
        {
            return;
        }

        var url = ImageUrl(img, baseUri);
        string? caption = null;
        if (captions is not null && FindCaption(img, captions) is { } captionElement)
        {
            caption = BlockTextExtractor.TextOf(captionElement);
            skipped.Add(captionElement);
        }

        if (url is not null)
        {
            images.Add(new ArticleImage(url, string.IsNullOrEmpty(caption) ? null : caption));
        }
    }

    /// <summary>
    /// The caption of an image outside a figure: the next element after it, or after its parent when the
    /// image closes its parent (<c>&lt;img&gt;&lt;div&gt;&lt;small&gt;caption&lt;/small&gt;&lt;/div&gt;</c>).
    /// </summary>
    private static IElement? FindCaption(IElement img, HtmlRule captions)
    {
        for (var anchor = img; anchor is not null; anchor = anchor.ParentElement)
        {
            var next = anchor.NextElementSibling;
            if (next is not null)
            {
                if (captions.Matches(next))
                {
                    return next;
                }

                var inner = next.FirstElementChild;
                if (inner is not null && next.ChildElementCount == 1 && captions.Matches(inner) && TextNormalizer.IsBlank(next.TextContent.Replace(inner.TextContent, string.Empty, StringComparison.Ordinal)))
                {
                    return inner;
                }

                return null;
            }

            if (anchor.ParentElement is { } parent && parent.LocalName is "a" or "picture" or "span" or "div" or "p" && parent.LastElementChild == anchor)
            {
                continue;
            }

            return null;
        }

        return null;
    }

    private static IElement? FindReadMoreList(IElement heading)
    {
        for (var sibling = heading.NextElementSibling; sibling is not null; sibling = sibling.NextElementSibling)
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

        if (SourceSites.TryGetHost(href, out _))
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

    private static IEnumerable<IElement> Descendants(IElement root, HtmlRule? exclude = null)
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
