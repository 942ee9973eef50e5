using System.Collections.Immutable;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// The rules a page's article is read with when the main-content model found it (a layout nobody
/// described), after the site's own and before the generic furniture pass, and the paragraph passes
/// after the line rules. The passes decide by what a line is, not by what it says: how much of it is a
/// link, whether it reads as a sentence, where it stands.
/// </summary>
internal static class MainContentRules
{
    /// <summary>A link line keeps at most this many visible characters outside its link: a label (<c>Read more:</c>, <c>上一則：</c>) and a time.</summary>
    public const int LinkLineMaxLabelChars = 24;

    /// <summary>The share of a link line that is link text.</summary>
    public const double LinkLineMinDensity = 0.4;

    /// <summary>A paragraph of this many weighted characters with some punctuation is text, whatever its place.</summary>
    public const int TextMinWeighted = 60;

    /// <summary>A sentence (it ends with 。 or .) of this many weighted characters is text.</summary>
    public const int SentenceMinWeighted = 20;

    /// <summary>At most this many lines are trimmed at each edge: more than that is not furniture around the text.</summary>
    public const int MaxEdgeLines = 12;

    /// <summary>A region inside the article's block that the model judged furniture (<see cref="ArticleScope.Furniture"/>).</summary>
    public static readonly ElementSignal FurnitureRegion = new(
        "region named as furniture inside the article's block",
        view => view.Index.IsScopeFurniture(view.Element));

    /// <summary>A boxed teaser of another story holds at most this much text: a headline and a lead.</summary>
    public const int TeaserMaxChars = 400;

    /// <summary>The link to the teased story's page is short: <c>全文</c>, <c>詳全文</c>, <c>Read more</c>.</summary>
    public const int TeaserLinkMaxChars = 12;

    /// <summary>
    /// A box inside the article's text that tells another story: its own headline (a heading), a few
    /// lines of lead, and a short link to that story's page (<c>全文</c>, <c>more</c>). A fact box of the
    /// article's own has no link away.
    /// </summary>
    public static readonly ElementSignal TeaserBox = new("boxed teaser of another story", view =>
    {
        var stats = view.Stats;
        if (view.Name is not ("table" or "div" or "section" or "aside") || stats.Chars > TeaserMaxChars || stats.Links is < 1 or > 2
            || stats.ScriptLinks > 0 || view.Element.ParentElement is null)
        {
            return false;
        }

        var heading = view.Element.QuerySelector("h1, h2, h3, h4, h5, h6");
        if (heading is null || view.Index.IsBesideText(view.Element))
        {
            return false;
        }

        foreach (var link in view.Element.QuerySelectorAll("a[href]"))
        {
            var text = TextNormalizer.Normalize(link.TextContent);
            if (text.Length is > 0 and <= TeaserLinkMaxChars && !heading.Contains(link) && !BodyIndex.IsScriptLink(link.GetAttribute("href") ?? string.Empty))
            {
                return true;
            }
        }

        return false;
    });

    public static readonly ImmutableArray<HtmlRule> Html =
    [
        HtmlRule.Remove(FurnitureRegion, "comment threads, sidebars and related-story boxes inside the article's block, named so by class, id or role"),
        HtmlRule.Remove(TeaserBox, "boxed teasers of other stories inside the text: a headline, a lead and a link to the story (全文)"),
        HtmlRule.Remove(FurnitureSignals.WidgetRow, "rows of page controls with a short label (字級, 分享給朋友：, 列印 / 轉寄)"),
        HtmlRule.TakeTags(FurnitureSignals.TagLine, "keyword lines: a label (關鍵字：, Tags:) and the keywords as links"),
        HtmlRule.Remove(FurnitureSignals.HeadlineList, "lists of headlines with times or categories (other stories, latest news)"),
    ];

    /// <summary>A notice, a label or a counter is a short line: a paragraph of text that mentions one is not one.</summary>
    public const int MaxNoticeChars = FurnitureRules.MaxFurnitureParagraphChars;

    /// <summary>Short lines a page's template sets among the text: what each says is its own small vocabulary.</summary>
    public static readonly ImmutableArray<ParagraphPassRule> Notices =
    [
        Short("rights and comment-rules notices (本文版權所有, 不得轉載, 留言規則, All rights reserved)", FurnitureRules.NoticeLine()),
        Short("advertising labels (廣告, 贊助商廣告, Advertisement, 請繼續往下閱讀)", FurnitureRules.AdvertisingLabelLine()),
        Short("reader counters (4848 點閱, 人氣：1234, 1.2K views)", FurnitureRules.CounterLine()),
        Short("widget labels left alone on a line (字級, 分享, 列印, 轉寄, 我要評比)", FurnitureRules.WidgetLabelLine()),
        Short("social promos (粉絲團, G+, 按讚加入)", FurnitureRules.SocialPromoLine()),
    ];

    private static DropParagraphRule Short(string reason, System.Text.RegularExpressions.Regex pattern) =>
        new(reason, p => p.Chars <= MaxNoticeChars && pattern.IsMatch(p.Text));

    /// <summary>A line that is one link and at most a short label: a related story, a promo, a previous or next story.</summary>
    public static readonly DropParagraphRule LinkLine = new(
        "lines that are a link with at most a short label (Read more: …, 上一則：…, a promo)",
        p => !p.Heading && p.LinkChars > 0 && p.LinkDensity >= LinkLineMinDensity && p.NonLinkChars <= LinkLineMaxLabelChars && !StopsTrimming(p));

    /// <summary>The lines above the text and below it that are no sentence: bylines' dates, widget labels, share and comment headings.</summary>
    public static readonly DropEdgesRule Edges = new(
        "lines before the text starts and after it ends that are not text (dates, labels, share and comment headings)",
        IsText,
        StopsTrimming,
        MaxEdgeLines);

    public static readonly ImmutableArray<ParagraphPassRule> Passes = [.. Notices, LinkLine, Edges];

    /// <summary>A site's rules with the model's: its element rules before the generic pass, its passes after the line rules.</summary>
    public static HtmlSiteRules With(HtmlSiteRules site) => site with { Before = Html, ParagraphPasses = [.. site.ParagraphPasses, .. Passes] };

    /// <summary>A paragraph that reads as text: long with punctuation, or a sentence, and not mostly a link.</summary>
    internal static bool IsText(ParagraphView paragraph)
    {
        if (paragraph.LinkDensity >= 0.5)
        {
            return false;
        }

        var shape = TextShape.Of(paragraph.Text);
        return shape.Weighted >= TextMinWeighted && shape.Punctuation > 0
            || !paragraph.Heading && shape.Weighted >= SentenceMinWeighted && TextShape.EndsWithSentence(paragraph.Text);
    }

    /// <summary>Lines the edges are trimmed up to and not past: the text's own opening and closing (a dateline, a byline, a credit).</summary>
    internal static bool StopsTrimming(ParagraphView paragraph) =>
        DatelineParser.TryParseOpening(paragraph.Text, DatelineTables.Any, out _)
        || FurnitureSignals.EndsWithCredit(paragraph.Text)
        || !CreditsParser.ParseParagraph(paragraph.Text).IsEmpty
        || BylineParser.TryParse(paragraph.Text, DatelineTables.Any, out _);
}
