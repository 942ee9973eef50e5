using System.Collections.Frozen;
using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// What an element's own markup says about it: its class and id words, its ARIA role and its
/// schema.org property. Words are read whole (<c>article-body</c> is <c>article</c> and <c>body</c>;
/// <c>storyContent</c> is <c>story</c> and <c>content</c>), so <c>comment</c> is a comment box but
/// <c>commentary</c> is not, and <c>ad</c> is an advertisement but <c>head</c> and <c>load</c> are not.
/// A word may also open with a stem (<c>sidebar2</c>, <c>recommended</c>, <c>advertising</c>).
/// </summary>
internal static class ClassHints
{
    /// <summary>The weight of a hint, as Readability weighs a class name: one hint is enough to tip a close call.</summary>
    public const int HintWeight = 25;

    /// <summary>Words of the blocks that hold an article's text.</summary>
    private static readonly FrozenSet<string> ArticleWords = new[]
    {
        "article", "articlebody", "body", "content", "contents", "entry", "main", "post", "story", "text", "detail",
        "paragraph", "news", "newstext", "maincontent", "blog", "hentry", "prose", "richtext",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of the blocks around an article: sidebars, lists of other stories, widgets, comments, advertising.</summary>
    private static readonly FrozenSet<string> FurnitureWords = new[]
    {
        "ad", "ads", "adv", "banner", "bio", "biography", "breadcrumb", "breadcrumbs", "byline", "combx", "comment", "comments", "community",
        "contact", "disqus", "foot", "footer", "footnote", "gdpr", "header", "hot", "masthead", "menu", "meta", "nav",
        "navbar", "navigation", "outbrain", "pager", "pagination", "popular", "popup", "rank", "ranking", "rating",
        "remark", "replies", "reply", "rss", "share", "sharing", "shoutbox", "side", "sidebar", "sitemap", "skyscraper",
        "social", "sponsor", "sponsored", "subscribe", "subscription", "tag", "tags", "taboola", "toolbar", "tools",
        "tool", "trending", "widget", "widgets", "newsletter", "signup", "login", "cookie", "keyword", "keywords",
        "related", "recommend", "more", "latest", "prev", "next", "print", "fontsize", "font",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stems whose longer words are furniture too (<c>advert</c>isement, <c>recom</c>mended, <c>sponsor</c>ship).</summary>
    private static readonly string[] FurnitureStems =
    [
        "advert", "recom", "sponsor", "comment", "related", "sidebar", "promo", "footer", "banner", "breadcrumb", "share",
        "social", "widget", "newsletter", "subscri", "popular", "trending", "outbrain", "taboola",
    ];

    /// <summary>ARIA roles of the regions around an article.</summary>
    private static readonly FrozenSet<string> FurnitureRoles = new[]
    {
        "navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar", "toolbar", "dialog", "alertdialog",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The element's weight as a block of the article: +<see cref="HintWeight"/> for each of its class and id
    /// that names article text, −<see cref="HintWeight"/> for each that names furniture; schema.org's
    /// <c>articleBody</c> and ARIA's <c>main</c> count twice, furniture roles as one hint.
    /// </summary>
    public static int Weight(IElement element)
    {
        var weight = 0;
        weight += WeightOf(HtmlAttributes.Get(element, "class"));
        weight += WeightOf(element.Id);
        var itemprop = HtmlAttributes.Get(element, "itemprop");
        if (itemprop is not null && (itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase) || itemprop.Contains("reviewBody", StringComparison.OrdinalIgnoreCase)))
        {
            weight += 2 * HintWeight;
        }

        var role = HtmlAttributes.Get(element, "role");
        if (role is not null)
        {
            if (string.Equals(role, "main", StringComparison.OrdinalIgnoreCase) || string.Equals(role, "article", StringComparison.OrdinalIgnoreCase))
            {
                weight += HintWeight;
            }
            else if (FurnitureRoles.Contains(role.Trim().ToLowerInvariant()))
            {
                weight -= HintWeight;
            }
        }

        return weight;
    }

    /// <summary>
    /// Words of regions that never hold the article, whatever else they hold: a comment thread, a
    /// sidebar, a footer, a list of related stories. Paragraphs inside such a region do not vote for
    /// where the article is (Readability's unlikely candidates).
    /// </summary>
    private static readonly FrozenSet<string> UnlikelyWords = new[]
    {
        "comment", "comments", "disqus", "replies", "reply", "remark", "community", "sidebar", "footer", "related",
        "recommend", "recommended", "recommendation", "recommendations", "share", "sharing", "social", "sponsor",
        "sponsored", "advert", "advertisement", "ad", "ads", "promo", "popular", "trending", "newsletter", "subscribe",
        "subscription", "breadcrumb", "breadcrumbs", "menu", "nav", "navbar", "navigation", "pagination", "pager",
        "banner", "masthead", "combx", "shoutbox", "skyscraper", "outbrain", "taboola", "rss", "gdpr",
        "cookie", "login", "signup", "popup", "modal", "rating", "ranking", "rank", "hot", "latest", "agegate",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that keep a region a candidate even when it also names furniture (<c>comment-content</c> inside a thread is still caught by the thread).</summary>
    private static readonly FrozenSet<string> CandidateWords = new[]
    {
        "article", "body", "content", "main", "story", "text", "post", "entry", "column",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UnlikelyTags = new[] { "nav", "aside", "footer" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the element is a region that never holds the article: <c>nav</c>, <c>aside</c>,
    /// <c>footer</c>, a furniture role, or a class or id of <see cref="UnlikelyWords"/> with none of
    /// <see cref="CandidateWords"/> beside it.
    /// </summary>
    public static bool IsUnlikelyRegion(IElement element)
    {
        if (UnlikelyTags.Contains(element.LocalName))
        {
            return true;
        }

        if (HtmlAttributes.Get(element, "role") is { } role && FurnitureRoles.Contains(role.Trim().ToLowerInvariant()))
        {
            return true;
        }

        return IsUnlikelyName(HtmlAttributes.Get(element, "class")) || IsUnlikelyName(element.Id);
    }

    /// <summary>
    /// Words that name furniture whatever else a class says (<c>entry-author-bio</c>, <c>share-text</c>,
    /// <c>related-content</c>): an author's box, a share bar, a call to action, a comment, a related list,
    /// a gallery. Words a layout uses to say what sits beside a column (<c>content-with-sidebar</c>,
    /// <c>has-footer</c>) are not among them.
    /// </summary>
    private static readonly FrozenSet<string> StrongUnlikelyWords = new[]
    {
        "bio", "biography", "cta", "share", "sharing", "sharedaddy", "related", "sponsor", "sponsored",
        "newsletter", "subscribe", "subscription", "promo", "comment", "comments", "disqus", "outbrain", "taboola",
        "gallery", "slideshow", "carousel", "lightbox",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stems of strong furniture words (<c>recommended</c>, <c>advertisement</c>, <c>sidebar2</c>).</summary>
    private static readonly string[] StrongUnlikelyStems = ["comment", "advert", "recommend", "sponsor", "related", "promo"];

    private static bool IsUnlikelyName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var unlikely = false;
        var candidate = false;
        foreach (var word in Words(value))
        {
            if (StrongUnlikelyWords.Contains(word) || StrongUnlikelyStems.Any(stem => word.StartsWith(stem, StringComparison.Ordinal)))
            {
                return true;
            }

            candidate |= CandidateWords.Contains(word);
            unlikely |= UnlikelyWords.Contains(word);
        }

        return unlikely && !candidate;
    }

    /// <summary>Class and id words that name an article itself, not just some content.</summary>
    private static readonly FrozenSet<string> StrongArticleWords = new[]
    {
        "article", "articlebody", "entry", "post", "story", "hentry", "newstext",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the element says it is an article, not merely content: an <c>article</c> or <c>main</c>
    /// element, ARIA's <c>main</c>, schema.org's <c>articleBody</c>, or a class or id word such as
    /// <c>entry</c>, <c>post</c> or <c>story</c>, with no furniture word beside it (a comment thread's
    /// <c>&lt;article class="comment-body"&gt;</c> is not one).
    /// </summary>
    public static bool IsStrongArticleHint(IElement element)
    {
        if (Weight(element) < 0)
        {
            return false;
        }

        if (element.LocalName is "article" or "main")
        {
            return true;
        }

        if (HtmlAttributes.Get(element, "itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase)
            || HtmlAttributes.Get(element, "role") is { } role && string.Equals(role, "main", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Words(HtmlAttributes.Get(element, "class")).Any(StrongArticleWords.Contains) || Words(element.Id).Any(StrongArticleWords.Contains);
    }

    /// <summary>Whether the class or id names furniture and nothing of the article.</summary>
    public static bool NamesFurniture(IElement element) =>
        Words(HtmlAttributes.Get(element, "class")).Concat(Words(element.Id)) is var words
        && words.Any(IsFurnitureWord) && !words.Any(ArticleWords.Contains);

    /// <summary>+1, 0 or −1 hint for one attribute value: furniture words win over article words (<c>related-posts</c>, <c>post-footer</c>).</summary>
    private static int WeightOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var article = false;
        foreach (var word in Words(value))
        {
            if (IsFurnitureWord(word))
            {
                return -HintWeight;
            }

            article |= ArticleWords.Contains(word);
        }

        return article ? HintWeight : 0;
    }

    private static bool IsFurnitureWord(string word)
    {
        if (FurnitureWords.Contains(word))
        {
            return true;
        }

        foreach (var stem in FurnitureStems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The lower-cased words of a class or id: split at anything that is not a letter or digit and
    /// where a lower-case letter meets an upper-case one (<c>articleBody</c>); digits end a word
    /// (<c>sidebar2</c> is <c>sidebar</c>). At most 32 words are read.
    /// </summary>
    internal static IEnumerable<string> Words(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield break;
        }

        var start = -1;
        var count = 0;
        for (var i = 0; i <= value.Length && count < 32; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            var letter = char.IsAsciiLetter(c);
            var boundary = !letter || start >= 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(value[i - 1]);
            if (boundary && start >= 0)
            {
                count++;
                yield return value[start..i].ToLowerInvariant();
                start = -1;
            }

            if (letter && start < 0)
            {
                start = i;
            }
        }
    }
}
