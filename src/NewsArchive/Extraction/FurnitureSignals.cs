using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// The tests behind the generic furniture rules (<see cref="FurnitureRules"/>): what holds for
/// page furniture on every site, read from an element's own markup and the measurements of
/// <see cref="BodyIndex"/>. Thresholds are named settings here, with what they were set for.
/// </summary>
internal static partial class FurnitureSignals
{
    /// <summary>A link-dense block keeps at most this many visible characters outside its links (jekyll-issue-8-page-regions-around-text).</summary>
    public const int LinkDenseMaxOwnText = 60;

    /// <summary>The share of a block's text inside links from which it is a list of links, not prose (jekyll-issue-8-page-regions-around-text).</summary>
    public const double LinkDenseMinDensity = 0.7;

    /// <summary>A call-to-action box (a logo, one line, a link out) is at most this long (cna-jekyll-issue-8-follow-us-box).</summary>
    public const int CallToActionMaxChars = 80;

    /// <summary>A short block whose text is at least this much links out (and no link within the site) is a link-out line (cna-jekyll-issue-8-follow-us-loose).</summary>
    public const double OutboundLineMinDensity = 0.8;

    /// <summary>A caption standing in a block after its image is at most this long (jekyll-issue-8-caption-div-after-image).</summary>
    public const int LooseCaptionMaxChars = 150;

    /// <summary>An image this small (width or height, in pixels) is a logo or an icon, not a photo (cna-jekyll-issue-8-follow-us-box).</summary>
    public const int IconMaxPixels = 100;

    /// <summary>
    /// A landmark or class-named region holding more than this share of the body's text is where the
    /// text is, not furniture beside it (some scrapers wrap a whole article in an <c>aside</c>;
    /// jekyll-issue-8-page-regions-around-text).
    /// </summary>
    public const double RegionMaxShareOfText = 0.4;

    /// <summary>A pop-up box holds at most this much text (a glossary entry, a notice; cna-jekyll-issue-8-glossary-popup).</summary>
    public const int PopUpMaxChars = 400;

    /// <summary>How many elements of a small box are searched for its close control.</summary>
    private const int PopUpScanLimit = 64;

    /// <summary>A row of page controls holds at most this much text: its label (<c>字級</c>, <c>分享給朋友：</c>).</summary>
    public const int WidgetMaxChars = 24;

    /// <summary>...and at least this many controls: links that run a script or hold no text, buttons, inputs.</summary>
    public const int WidgetMinControls = 2;

    /// <summary>A headline in a list of headlines is at least this long.</summary>
    public const int HeadlineMinChars = 6;

    /// <summary>Beside its headline a list item holds at most this much: a time, a category, a counter.</summary>
    public const int HeadlineItemMaxExtraChars = 24;

    /// <summary>A keyword line is at most this long.</summary>
    public const int TagLineMaxChars = 300;

    /// <summary>Labels that open a line of the article's keywords.</summary>
    private static readonly FrozenSet<string> TagLabels = new[]
    {
        "關鍵字", "关键字", "關鍵詞", "关键词", "標籤", "标签", "相關標籤", "相关标签", "熱門標籤", "主題", "Tags", "Tag", "TAGS", "tags",
        "Keywords", "Topics", "Filed under", "Filed Under",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The first characters of <see cref="TagLabels"/>.</summary>
    private static readonly FrozenSet<char> TagLabelStarts = TagLabels.Select(l => l[0]).ToFrozenSet();

    /// <summary>Words that invite the reader to follow, subscribe or download rather than read.</summary>
    internal static readonly ImmutableArray<string> CallToActionWords =
    [
        "追蹤", "追踪", "關注", "关注", "訂閱", "订阅", "加入", "按讚", "點讚", "下載", "下载", "立即", "點我", "點此",
        "follow", "subscribe", "download", "sign up", "join us",
    ];

    /// <summary>The text of a control that closes a pop-up.</summary>
    private static readonly FrozenSet<string> CloseControls = new[]
    {
        "關閉", "关闭", "關閉視窗", "close", "Close", "CLOSE", "×", "✕", "✖",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Class or id words of pop-up boxes.</summary>
    private static readonly SearchValues<string> PopUpClassWords = SearchValues.Create(["popup", "pop-up", "modal", "tooltip", "lightbox"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Class or id words of advertising, recommendation, comment and navigation regions: the kind of
    /// list Readability keeps for its unlikely candidates, kept to words that do not name article text.
    /// A region holding most of the body's text is kept whatever its name (<see cref="RegionMaxShareOfText"/>).
    /// </summary>
    private static readonly SearchValues<string> UnlikelyClassWords = SearchValues.Create(
        [
            "advert", "sponsor", "adsbygoogle", "ad-slot", "adslot", "ad-container", "recommend", "outbrain", "taboola",
            "related-", "-related", "newsletter", "promo", "subscribe", "sidebar", "comments", "comment-list", "disqus",
            "breadcrumb", "pagination",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> IconClassWords = SearchValues.Create(["logo", "icon", "badge", "avatar", "emoji"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CloseClassWords = SearchValues.Create(["close"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A close control's text is at most this long (<c>關閉視窗</c>).</summary>
    private const int MaxCloseControlChars = 5;

    private static readonly FrozenSet<string> LandmarkRoles = new[]
    {
        "navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar", "toolbar",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LinkBlockContainers = new[]
    {
        "div", "section", "p", "table", "tbody", "tr", "td", "ul", "ol", "dl", "header", "center", "span", "li",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary><c>nav</c>, <c>aside</c>, <c>footer</c> and ARIA landmark roles, outside the text.</summary>
    public static readonly ElementSignal LandmarkOutsideText = new("landmark region outside the text", view =>
        (view.Name is "nav" or "aside" or "footer" || HtmlAttributes.Get(view.Element, "role") is { } role && LandmarkRoles.Contains(role))
        && !HoldsTheText(view));

    /// <summary>Advertising and recommendation slots named by their class or id, outside the text.</summary>
    public static readonly ElementSignal UnlikelyRegion = new("advertising or recommendation region", view =>
        HasClassWord(view.Facts, UnlikelyClassWords) && !HoldsTheText(view));

    /// <summary>A block that is mostly links with little text of its own: navigation, link lists.</summary>
    public static readonly ElementSignal LinkDenseBlock = new("link-dense block", view =>
        view.Stats is { Links: >= 2 } stats && stats.LinkDensity >= LinkDenseMinDensity && stats.NonLinkChars <= LinkDenseMaxOwnText
        && LinkBlockContainers.Contains(view.Name) && view.Element.ParentElement is not null);

    /// <summary>
    /// A list whose items are each one link and nothing else (<c>&lt;li&gt;&lt;a&gt;title&lt;/a&gt;&lt;/li&gt;</c>):
    /// related stories listed without a heading.
    /// </summary>
    public static readonly ElementSignal BareLinkList = new("list of bare links", view =>
    {
        if (view.Name is not ("ul" or "ol") || view.Stats.Links == 0 || view.Stats.LinkChars != view.Stats.Chars)
        {
            return false;
        }

        var items = 0;
        foreach (var child in view.Element.ChildNodes)
        {
            if (child is IElement item)
            {
                if (item.LocalName != "li" || view.Index[item] is not { Links: 1, Chars: > 0 })
                {
                    return false;
                }

                items++;
            }
            else if (child.NodeType == NodeType.Text && !TextNormalizer.IsBlank(child.TextContent))
            {
                return false;
            }
        }

        return items > 0;
    });

    /// <summary>
    /// A short box with a link to another site and a logo or an invitation to follow: the "follow us on
    /// a news aggregator" box a template adds between paragraphs.
    /// </summary>
    public static readonly ElementSignal CallToActionBox = new("call-to-action box with a link out", view =>
    {
        var stats = view.Stats;
        if (stats.OutboundLinks == 0 || stats.Chars > CallToActionMaxChars || stats.TextBlocks > 3
            || view.Name is "body" or "html" or "figure" || !IsBoxElement(view.Name) || view.Element.ParentElement is null)
        {
            return false;
        }

        if (stats.Images > 0 && HasIcon(view.Element, view.Index))
        {
            return true;
        }

        // A link or span without a logo is part of a sentence, not a box beside it.
        if (view.Name is "a" or "span")
        {
            return false;
        }

        // A short line that is all a link out (the aggregator's address), or one that invites a follow.
        return stats.Links == stats.OutboundLinks && stats.LinkDensity >= OutboundLineMinDensity
            || ContainsCallToAction(view.Element.TextContent);
    });

    /// <summary>
    /// A row of page controls with at most a short label: a font-size switcher (<c>字級</c> and its
    /// icons), a share bar's <c>分享給朋友：</c> and its buttons, a print and forward row. Its text is
    /// short and no sentence, and it holds controls: links that run a script or show no text, buttons.
    /// </summary>
    public static readonly ElementSignal WidgetRow = new("row of page controls with a short label", view =>
    {
        var stats = view.Stats;
        if (stats.ScriptLinks + stats.EmptyLinks + stats.Controls < WidgetMinControls || stats.Chars > WidgetMaxChars
            || view.Element.ParentElement is null || !(IsBoxElement(view.Name) || view.Name is "td" or "tr" or "li" or "ul" or "ol" or "dl" or "header"))
        {
            return false;
        }

        // Every link that shows text is a control too: the row links nowhere a reader would go.
        return stats.Links - stats.EmptyLinks <= stats.ScriptLinks && !HasSentenceEnd(TextNormalizer.Normalize(view.Element.TextContent));
    });

    /// <summary>
    /// A list of headlines: two or more items, each one link of a headline's length with at most a time,
    /// a category or a counter beside it (a sidebar's latest news, a list of other stories).
    /// </summary>
    public static readonly ElementSignal HeadlineList = new("list of headlines with times or categories", view =>
    {
        var stats = view.Stats;
        if (stats.Links < 2 || stats.LinkChars * 2 < stats.Chars || view.Element.ParentElement is null
            || view.Name is not ("ul" or "ol" or "dl" or "div" or "section" or "table" or "tbody"))
        {
            return false;
        }

        var items = 0;
        foreach (var child in view.Element.ChildNodes)
        {
            if (child is IElement item)
            {
                var itemStats = view.Index[item];
                if (itemStats.Chars == 0)
                {
                    continue;
                }

                if (itemStats.Links != 1 || itemStats.LinkChars < HeadlineMinChars || itemStats.NonLinkChars > HeadlineItemMaxExtraChars)
                {
                    return false;
                }

                items++;
            }
            else if (child.NodeType == NodeType.Text && TextNormalizer.CountVisible(child.TextContent) > HeadlineItemMaxExtraChars)
            {
                return false;
            }
        }

        return items >= 2;
    });

    /// <summary>A line of the article's keywords: a label (<c>關鍵字：</c>, <c>Tags:</c>) and the keywords as links.</summary>
    public static readonly ElementSignal TagLine = new("keyword line: a label and the keywords as links", view =>
    {
        var stats = view.Stats;
        if (stats.Links == 0 || stats.Chars > TagLineMaxChars || view.Element.ParentElement is null
            || !(IsBoxElement(view.Name) || view.Name is "li" or "ul" or "dl" or "dd" or "td"))
        {
            return false;
        }

        // Most blocks open with a character no label opens with: they are out before their text is read.
        if (FirstVisibleChar(view.Element) is not { } first || !TagLabelStarts.Contains(first))
        {
            return false;
        }

        var label = LeadingText(view.Element).Trim().TrimEnd(':', '：', '|', '｜').Trim();
        return TagLabels.Contains(label) && stats.NonLinkChars <= label.Length + 2 * stats.Links + 4;
    });

    /// <summary>The element's first visible character, among its first few nodes; null when there is none there.</summary>
    internal static char? FirstVisibleChar(IElement element)
    {
        var node = element.FirstChild;
        var scanned = 0;
        while (node is not null && scanned++ < PopUpScanLimit)
        {
            if (node.NodeType == NodeType.Text)
            {
                var text = TextNormalizer.TrimAll(node.TextContent);
                if (!text.IsEmpty)
                {
                    return text[0];
                }
            }
            else if (node is IElement { FirstChild: { } child } inner && inner.LocalName is not ("script" or "style"))
            {
                node = child;
                continue;
            }

            while (node is not null && node.NextSibling is null && node != element)
            {
                node = node.Parent;
            }

            if (node is null || node == element)
            {
                return null;
            }

            node = node.NextSibling;
        }

        return null;
    }

    /// <summary>
    /// A block that opens with a read-more heading (one of <paramref name="headings"/>) and holds links
    /// after it, not in a list of their own: <c>&lt;p&gt;&lt;strong&gt;延伸閱讀&lt;/strong&gt;&lt;br&gt;▸ &lt;a&gt;…&lt;/a&gt;&lt;br&gt;▸ &lt;a&gt;…&lt;/a&gt;&lt;/p&gt;</c>.
    /// </summary>
    public static ElementSignal ReadMoreBlock(params string[] headings)
    {
        var set = headings.ToFrozenSet(StringComparer.Ordinal);
        return new ElementSignal($"block opening with {string.Join(" / ", headings)} and holding links", view =>
        {
            var stats = view.Stats;
            if (stats.Links == 0 || view.Element.ParentElement is null || view.Name is not ("p" or "div" or "section" or "td" or "li"))
            {
                return false;
            }

            var label = LeadingText(view.Element).Trim().TrimEnd(':', '：').Trim();
            return set.Contains(label) && stats.NonLinkChars <= label.Length + HeadlineItemMaxExtraChars && stats.LinkChars >= HeadlineMinChars;
        });
    }

    /// <summary>The element's visible text before its first link or block, at most 40 characters of it.</summary>
    internal static string LeadingText(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push(element.ChildNodes[i]);
        }

        var scanned = 0;
        while (stack.Count > 0 && builder.Length <= 40 && scanned++ < PopUpScanLimit)
        {
            var node = stack.Pop();
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent);
                continue;
            }

            if (node is not IElement child || child.LocalName is "script" or "style")
            {
                continue;
            }

            if (child.LocalName is "a" or "br" || BlockTextExtractor.IsBlock(child.LocalName) && builder.Length > 0 && !TextNormalizer.IsBlank(builder.ToString()))
            {
                break;
            }

            for (var i = child.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(child.ChildNodes[i]);
            }
        }

        return TextNormalizer.Normalize(builder.ToString());
    }

    /// <summary>Whether a text holds a sentence's end (<c>。！？</c>, or <c>.!?</c> before a space or at the end).</summary>
    internal static bool HasSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？')
            {
                return true;
            }

            if (c is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' ') && i > 0 && char.IsLetter(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A logo, icon or badge: tiny by its size attributes, or named so by its class or file name.</summary>
    public static readonly ElementSignal IconImage = new("logo or icon image", view =>
    {
        if (view.Name != "img")
        {
            return false;
        }

        var element = view.Element;
        var width = Pixels(HtmlAttributes.Get(element, "width"));
        var height = Pixels(HtmlAttributes.Get(element, "height"));
        if (width is > 1 and <= IconMaxPixels || height is > 1 and <= IconMaxPixels)
        {
            return true;
        }

        return HasClassWord(view.Facts, IconClassWords) || IconFileName(HtmlAttributes.Get(element, "src"));
    });

    /// <summary>The sizes of the standard ad units (IAB): an image of one of them is an ad slot's.</summary>
    private static readonly FrozenSet<(int, int)> AdUnitSizes = new[]
    {
        (300, 250), (728, 90), (160, 600), (300, 600), (320, 50), (320, 100), (970, 90), (970, 250), (336, 280), (468, 60), (250, 250),
    }.ToFrozenSet();

    /// <summary>An advertising placeholder image: an ad slot's file (<c>ad300x223.jpg</c>, <c>/ads/</c>) or an ad unit's standard size.</summary>
    public static readonly ElementSignal AdvertisingImage = new("advertising placeholder image", view =>
        view.Name == "img" && (AdvertisingImageFile(HtmlAttributes.Get(view.Element, "src") ?? HtmlAttributes.Get(view.Element, "data-src"))
            || AdUnitSizes.Contains((Pixels(HtmlAttributes.Get(view.Element, "width")) ?? 0, Pixels(HtmlAttributes.Get(view.Element, "height")) ?? 0))));

    /// <summary>A file named as an ad slot's: <c>ad300x223.jpg</c>, <c>ads_728x90.png</c>, or under an <c>/ads/</c> or <c>/adv/</c> folder.</summary>
    internal static bool AdvertisingImageFile(string? src)
    {
        if (string.IsNullOrEmpty(src))
        {
            return false;
        }

        var path = src.AsSpan();
        var query = path.IndexOfAny('?', '#');
        path = query >= 0 ? path[..query] : path;
        if (path.Contains("/ads/", StringComparison.OrdinalIgnoreCase) || path.Contains("/adv/", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/advert", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return AdSlotFileName().IsMatch(name);
    }

    [GeneratedRegex(@"^(?:ad|ads|adv|banner)[_-]?[0-9]{2,4}[xX][0-9]{2,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdSlotFileName();

    /// <summary>An image's credit line: <c>图像来源，Getty Images</c>, <c>圖片來源：中央社</c>, <c>Image source, Reuters</c>.</summary>
    public static readonly ElementSignal ImageCreditLine = new("image credit line", view =>
        view.Name is "p" or "div" or "span" or "small" or "figcaption" or "em" or "i"
        && view.Stats is { Images: 0, Chars: > 0 and <= ImageCreditMaxChars }
        && ImageCreditPattern().IsMatch(TextNormalizer.Normalize(view.Element.TextContent)));

    /// <summary>An image credit line is at most this long.</summary>
    public const int ImageCreditMaxChars = 80;

    /// <summary>The label an image credit line opens with, and the credit after it.</summary>
    [GeneratedRegex(@"^(?:图像来源|圖像來源|图片来源|圖片來源|图片提供|圖片提供|影像來源|影像来源|照片來源|照片来源|Image source|Image credit|Photo credit|Picture source)\s*[,，:：]\s*\S.{0,70}$", RegexOptions.IgnoreCase)]
    public static partial Regex ImageCreditPattern();

    /// <summary>A plain block right after an image holding one short line: that image's caption.</summary>
    public static readonly ElementSignal CaptionBlock = new("short text block after an image", view =>
    {
        if (view.Name is not ("div" or "span" or "em" or "i"))
        {
            return false;
        }

        var stats = view.Stats;
        if (stats is not { Images: 0, TextBlocks: 0 } || stats.Chars is < 2 or > LooseCaptionMaxChars || stats.Links > 1)
        {
            return false;
        }

        var text = TextNormalizer.Normalize(view.Element.TextContent);
        return !DatelineParser.TryParseOpening(text, DatelineTables.Any, out _) && (!EndsWithSentence(text) || EndsWithCredit(text));
    });

    /// <summary>One item of an image gallery inside the text: an image and its caption.</summary>
    public static readonly ElementSignal GalleryItem = new("image-and-caption gallery item", view => view.Index.IsGalleryItem(view.Element));

    /// <summary>An item of a gallery after the end of the text (related pictures): not the article's.</summary>
    public static readonly ElementSignal TrailingGalleryItem = new("gallery after the end of the text", view => view.Index.IsTrailingGalleryItem(view.Element));

    /// <summary>The short heading right before a gallery (<c>相關圖集</c>).</summary>
    public static readonly ElementSignal GalleryHeading = new("heading of an image gallery", view => view.Index.IsGalleryHeading(view.Element));

    /// <summary>A small box with a close control (<c>關閉</c>, <c>×</c>) or named as a pop-up: a glossary entry, a notice.</summary>
    public static readonly ElementSignal PopUpBox = new("pop-up box", view =>
        view.Stats.Chars <= PopUpMaxChars
        && view.Name is "div" or "section" or "aside" or "span" or "figure" or "table" or "center"
        && view.Element.ParentElement is not null
        && (HasClassWord(view.Facts, PopUpClassWords) || HasCloseControl(view.Element, view.Index)));

    /// <summary>A heading whose text is one of <paramref name="headings"/> (<c>延伸閱讀</c>).</summary>
    public static ElementSignal HeadingText(params string[] headings)
    {
        var set = headings.ToFrozenSet(StringComparer.Ordinal);
        // A heading may end with a colon (※你可能還想看：).
        var longest = headings.Max(h => h.Length) + 1;
        return new ElementSignal($"heading {string.Join(" / ", headings)}", view =>
            view.Stats.Chars is > 0 && view.Stats.Chars <= longest
            && view.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "strong" or "b" or "p" or "div"
            && view.Element.ChildElementCount <= 1
            && set.Contains(BlockTextExtractor.TextOf(view.Element).TrimEnd(':', '：')));
    }

    /// <summary>Whether a small box holds a logo or icon image (searched among its first few elements).</summary>
    private static bool HasIcon(IElement box, BodyIndex index)
    {
        var scanned = 0;
        foreach (var element in box.Descendants<IElement>())
        {
            if (scanned++ >= PopUpScanLimit)
            {
                return false;
            }

            if (element.LocalName == "img" && IconImage.Test(new ElementView(element, index)))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool ContainsCallToAction(string text)
    {
        foreach (var word in CallToActionWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool EndsWithSentence(string text) =>
        text.Length > 0 && text[^1] is '。' or '！' or '？' or '!' or '?' or '」' or '』' or '”' or '…' or '.';

    /// <summary>A closing credit in brackets: <c>（路透社）</c>, <c>(AP Photo)</c>, <c>（圖／美聯社）</c>.</summary>
    internal static bool EndsWithCredit(string text)
    {
        if (text.Length < 3 || text[^1] is not ('）' or ')'))
        {
            return false;
        }

        // A credit names someone: a bracketed time or number ((2024-09-04 18:20)) is not one.
        var open = text.AsSpan().LastIndexOfAny('（', '(');
        return open > 0 && text.Length - open <= 24 && HasLetter(text.AsSpan(open));
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsTheText(in ElementView view) =>
        view.Index.TotalNonLinkChars > 0 && view.Stats.NonLinkChars > view.Index.TotalNonLinkChars * RegionMaxShareOfText;

    private static bool IsBoxElement(string name) =>
        name is "div" or "section" or "aside" or "p" or "a" or "span" or "figure" or "table" or "center" or "dialog";

    /// <summary>Whether the class or id holds one of the words (a vectorised search, ignoring case).</summary>
    private static bool HasClassWord(in ElementFacts facts, SearchValues<string> words) =>
        facts.Class is { } cls && cls.AsSpan().IndexOfAny(words) >= 0 || facts.Id is { } id && id.AsSpan().IndexOfAny(words) >= 0;

    /// <summary>
    /// A close control among the box's own children (a button, or a wrapper holding only one): the box
    /// it closes is the nearest one, not every block around it.
    /// </summary>
    private static bool HasCloseControl(IElement box, BodyIndex index)
    {
        var scanned = 0;
        foreach (var child in box.ChildNodes)
        {
            if (child is IElement element)
            {
                if (scanned++ >= PopUpScanLimit)
                {
                    return false;
                }

                // A close control is a word or a sign: its few characters are checked before its text is read.
                if (index[element].Chars is >= 1 and <= MaxCloseControlChars && IsCloseControl(element))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A control that closes a box: its text says so, or an <c>X</c> on a button or a "close" class.</summary>
    private static bool IsCloseControl(IElement element)
    {
        var text = element.TextContent.Trim();
        if (CloseControls.Contains(text))
        {
            return true;
        }

        return text is "X" or "x" && (element.LocalName == "button" || HasClassWord(new ElementFacts(element), CloseClassWords));
    }

    private static int? Pixels(string? value)
    {
        var text = value.AsSpan().Trim();
        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^2];
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pixels) ? pixels : null;
    }

    /// <summary>An image file named as a logo or icon (<c>/img/logo-google-news.png</c>, <c>icon_follow.svg</c>).</summary>
    private static bool IconFileName(string? src)
    {
        if (string.IsNullOrEmpty(src))
        {
            return false;
        }

        var path = src.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Contains("logo", StringComparison.OrdinalIgnoreCase) || name.Contains("icon", StringComparison.OrdinalIgnoreCase)
            || name.Contains("badge", StringComparison.OrdinalIgnoreCase);
    }
}
