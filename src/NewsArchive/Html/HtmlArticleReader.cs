using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Parsing;
using NewsArchive.Records;

namespace NewsArchive.Html;

/// <summary>
/// Reads an article body's HTML with AngleSharp (a real HTML5 parser: a <c>&lt;div&gt;</c> inside a
/// <c>&lt;p&gt;</c> closes it, as in a browser). One walk over the DOM sets boilerplate aside and takes the
/// keywords, further-reading links and images out; the block walker then reads what is left as paragraphs.
/// </summary>
public static class HtmlArticleReader
{
    private static readonly HtmlRule Headings = HtmlRule.Remove("h1, h2, h3, h4, h5, h6, strong, b, .title", "read-more headings");
    private static readonly HtmlRule Lists = HtmlRule.Remove("ul, ol", "lists");

    public static HtmlArticle Read(HtmlParser parser, string html, HtmlSiteRules rules, string? baseUrl)
    {
        ImmutableArray<string> warnings = [];
        if (TryFindCutOffTag(html, out var cut))
        {
            // A download cut off inside a tag: the partial tag is not text (a lone '<' would be).
            html = html[..cut];
            warnings = ["HTML is cut off inside a tag; the text before the cut is kept"];
        }

        var document = parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document;
        var skipped = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        var tags = ImmutableArray.CreateBuilder<string>();
        var related = ImmutableArray.CreateBuilder<RelatedLink>();
        var images = ImmutableArray.CreateBuilder<ArticleImage>();
        var baseUri = baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsedBase) ? parsedBase : null;
        string? firstHeading = null;

        var stack = new Stack<INode>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            if (stack.Pop() is not IElement element || skipped.Contains(element))
            {
                continue;
            }

            if (MatchesAny(rules.Boilerplate, element) || MatchesAny(CommonRules.Html, element))
            {
                skipped.Add(element);
                continue;
            }

            if (rules.TagBlocks?.Matches(element) == true)
            {
                foreach (var link in Descendants(element).Where(e => e.LocalName == "a"))
                {
                    var tag = BlockTextExtractor.TextOf(link).TrimStart('#', '＃').Trim();
                    if (tag.Length > 0)
                    {
                        tags.Add(tag);
                    }
                }

                skipped.Add(element);
                continue;
            }

            if (rules.RelatedBlocks?.Matches(element) == true)
            {
                AddLinks(element, rules.RelatedBlockHeadings, baseUri, related);
                skipped.Add(element);
                continue;
            }

            if (element.LocalName == "figure")
            {
                AddFigure(element, baseUri, images);
                skipped.Add(element);
                continue;
            }

            if (element.LocalName == "img")
            {
                AddLooseImage(element, rules.LooseImageCaptions, baseUri, images, skipped);
                continue;
            }

            if (Headings.Matches(element) && rules.ReadMoreHeadings.Contains(BlockTextExtractor.TextOf(element), StringComparer.Ordinal)
                && FindReadMoreList(element) is { } list)
            {
                AddLinks(list, null, baseUri, related);
                skipped.Add(element);
                skipped.Add(list);
                continue;
            }

            if (firstHeading is null && element.LocalName == "h1")
            {
                firstHeading = BlockTextExtractor.TextOf(element);
            }

            PushChildren(stack, element);
        }

        var paragraphs = BlockTextExtractor.Extract(root, skipped.Contains);
        if (!rules.ParagraphRules.IsEmpty)
        {
            paragraphs = [.. paragraphs.Where(p => !rules.ParagraphRules.Any(r => r.Matches(p)))];
        }

        return new HtmlArticle(paragraphs, tags.ToImmutable(), related.ToImmutable(), images.ToImmutable(), firstHeading, warnings);
    }

    /// <summary>
    /// A download cut off mid-tag ends with a <c>&lt;</c> that no <c>&gt;</c> closes and that starts a
    /// tag (a letter, <c>/</c> or <c>!</c> follows it, or nothing does).
    /// </summary>
    internal static bool TryFindCutOffTag(string html, out int start)
    {
        var end = html.AsSpan().TrimEnd();
        start = end.LastIndexOf('<');
        if (start < 0 || start < end.LastIndexOf('>'))
        {
            return false;
        }

        return start + 1 == end.Length || char.IsAsciiLetter(end[start + 1]) || end[start + 1] is '/' or '!';
    }

    private static bool MatchesAny(ImmutableArray<HtmlRule> rules, IElement element)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(element))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddLinks(IElement block, HtmlRule? exclude, Uri? baseUri, ImmutableArray<RelatedLink>.Builder related)
    {
        foreach (var link in Descendants(block, exclude).Where(e => e.LocalName == "a"))
        {
            var title = BlockTextExtractor.TextOf(link);
            if (title.Length > 0)
            {
                related.Add(new RelatedLink(title, Resolve(link.GetAttribute("href"), baseUri)));
            }
        }
    }

    private static void AddFigure(IElement figure, Uri? baseUri, ImmutableArray<ArticleImage>.Builder images)
    {
        var img = Descendants(figure).FirstOrDefault(e => e.LocalName == "img");
        var source = Descendants(figure).FirstOrDefault(e => e.LocalName == "source");
        var url = ImageUrl(img, baseUri) ?? (source is null ? null : FirstSrcset(source.GetAttribute("srcset") ?? source.GetAttribute("data-srcset"), baseUri));
        var captionElement = Descendants(figure).FirstOrDefault(e => e.LocalName == "figcaption");
        var caption = captionElement is null ? null : BlockTextExtractor.TextOf(captionElement);
        if (string.IsNullOrEmpty(caption))
        {
            caption = img?.GetAttribute("alt") is { Length: > 0 } alt ? TextNormalizer.Normalize(alt) : null;
        }

        if (url is not null || caption is not null)
        {
            images.Add(new ArticleImage(url, string.IsNullOrEmpty(caption) ? null : caption));
        }
    }

    private static void AddLooseImage(IElement img, HtmlRule? captions, Uri? baseUri, ImmutableArray<ArticleImage>.Builder images, HashSet<IElement> skipped)
    {
        if (img.GetAttribute("width") == "1" || img.GetAttribute("height") == "1")
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

    private static string? ImageUrl(IElement? img, Uri? baseUri)
    {
        if (img is null)
        {
            return null;
        }

        foreach (var attribute in (ReadOnlySpan<string>)["src", "data-src", "data-original", "data-lazy-src"])
        {
            var value = img.GetAttribute(attribute);
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return Resolve(value, baseUri);
            }
        }

        return FirstSrcset(img.GetAttribute("srcset") ?? img.GetAttribute("data-srcset"), baseUri);
    }

    private static string? FirstSrcset(string? srcset, Uri? baseUri)
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
    internal static string? Resolve(string? href, Uri? baseUri)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme is "http" or "https"))
        {
            return href;
        }

        if (baseUri is not null && Uri.TryCreate(baseUri, href, out var combined))
        {
            return combined.ToString();
        }

        return href;
    }

    private static IEnumerable<IElement> Descendants(IElement root, HtmlRule? exclude = null)
    {
        var stack = new Stack<IElement>();
        for (var i = root.Children.Length - 1; i >= 0; i--)
        {
            stack.Push(root.Children[i]);
        }

        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (exclude?.Matches(element) == true)
            {
                continue;
            }

            yield return element;
            for (var i = element.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(element.Children[i]);
            }
        }
    }

    private static void PushChildren(Stack<INode> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(children[i]);
        }
    }
}
