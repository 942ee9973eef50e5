using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Containers;
using NewsArchive.Extraction;
using NewsArchive.Records;

namespace NewsArchive.Sites.Udn;

/// <summary>
/// <c>udn-text</c>: the plain-text dump of a UDN (聯合新聞網) article page, cropped or whole. The
/// headline is the line above the byline (or, on global.udn.com, above the <c>2023/08/23 轉角24小時</c>
/// line); everything above it (navigation, the 快訊 ticker, breadcrumbs, the audio player) is not the
/// article. The body runs to the first further-reading heading, promo or comment-area line. The
/// keyword line, 延伸閱讀 / 相關新聞 / 推薦閱讀 entries and image captions become fields, not text.
/// </summary>
internal sealed partial class UdnTextProfile : IFormatProfile
{
    /// <summary>Lines that show the text is a UDN page; a byline plus one of them is conclusive.</summary>
    private static readonly ImmutableArray<string> PageMarkers =
    [
        "udn討論區", "聯合新聞網", "則留言", "轉角國際", "udn Global", "延伸閱讀", "相關新聞", "推薦閱讀", "商品推薦", "快訊", "聽新聞", "聯合線上公司", "udn",
    ];

    /// <summary>Headings of the article's own further-reading lists.</summary>
    private static readonly ImmutableArray<(string Heading, RelatedStyle Style)> RelatedSections =
    [
        ("延伸閱讀", RelatedStyle.Titles),
        ("推薦閱讀", RelatedStyle.Titles),
        ("相關新聞", RelatedStyle.TitleTeaserPairs),
    ];

    /// <summary>Lines where the page leaves the article for good: promos, comments, site-wide lists, footer.</summary>
    private static readonly ImmutableArray<EndOfPageRule> PageEndLines =
    [
        LineRule.EndOfPage(ProductPromoLine(), "商品推薦 product promos"),
        LineRule.EndOfPage(CommentAreaLine(), "udn討論區 comment area (N 則留言, FB留言, 規範)"),
        LineRule.EndOfPage(SponsoredLine(), "贊助廣告 sponsored links"),
        LineRule.EndOfPage(SiteListsLine(), "site-wide article lists (熱門新聞, 猜你喜歡)"),
    ];

    /// <summary>Lines that end the body but not the further-reading lists after it.</summary>
    private static readonly ImmutableArray<EndOfBodyRule> BodyEndLines =
    [
        LineRule.EndOfBody(FollowPagePromoLine(), "收看更多文章 follow-our-page promo"),
    ];

    /// <summary>Lines that are never text, wherever they stand.</summary>
    private static readonly ImmutableArray<DropRule> NoiseLines =
    [
        LineRule.Drop(ShareButtonLine(),
            "share and font-size buttons (用LINE傳送, +, A-A+)"),
        LineRule.Drop(CommentFormLine(), "comment form: 發布 button and policy bullets"),
        LineRule.Drop(FormFieldLine(), "form fields and image placeholders"),
        LineRule.Drop(AudioPlayerLine(), "聽新聞 audio player"),
    ];

    /// <summary>UDN's line tables, as the format reads dumps by default.</summary>
    public static readonly UdnTextRules Rules = new(PageEndLines, BodyEndLines, NoiseLines);

    private readonly UdnTextRules rules;

    /// <summary>The format with UDN's own line tables.</summary>
    public UdnTextProfile()
        : this(Rules)
    {
    }

    /// <summary>The format with <paramref name="rules"/>; a test builds it with a rule left out, to show each rule is needed.</summary>
    public UdnTextProfile(UdnTextRules rules) => this.rules = rules;

    /// <summary>
    /// How many lines above the byline the headline may stand, share widgets and blank lines between
    /// (udn-text-old-layout-widgets: LINE, +, bullets and A-A+ between headline and byline).
    /// </summary>
    private const int HeadlineWindow = 12;

    /// <summary>How many lines after the body's end are looked at for prose the end cut off (udn-text-issue-8-text-after-promo-word).</summary>
    private const int ProseLookAhead = 12;

    /// <summary>A line this long that ends a sentence is article prose, not a list entry or a promo.</summary>
    private const int MinProseChars = 40;

    private enum RelatedStyle
    {
        Titles,
        TitleTeaserPairs,
    }

    /// <summary>The dump's lines and where its byline and headline are: found once, used to detect and to parse.</summary>
    private sealed record Analysis(string[] Lines, int BylineIndex, UdnByline? Byline, int HeadlineIndex);

    public string Name => "udn-text";

    public ContainerKind Container => ContainerKind.TextDump;

    public DetectionConfidence Detect(SourceDocument document)
    {
        if (FrontMatterParser.HasFrontMatter(document.Text) || document.IsHtmlPage)
        {
            // A text dump is text: a saved page's markup is another container, never a dump.
            return DetectionConfidence.None;
        }

        var markers = PageMarkers.Count(m => document.Text.Contains(m, StringComparison.Ordinal));
        if (markers == 0)
        {
            return DetectionConfidence.None;
        }

        var analysis = Analyze(document);
        if (analysis.BylineIndex >= 0)
        {
            return DetectionConfidence.Strong;
        }

        return markers >= 3 && FindDateLine(analysis.Lines) >= 0 ? DetectionConfidence.Weak : DetectionConfidence.None;
    }

    /// <summary>The dump's lines down to the byline decide the record's publication time.</summary>
    public ArticleHeader ReadHeader(SourceDocument document)
    {
        var (lines, bylineIndex, byline, headlineIndex) = Analyze(document);
        return ReadHeader(lines, ref bylineIndex, byline, ref headlineIndex, ImmutableArray.CreateBuilder<string>(), out var published) is null
            ? ArticleHeader.Of(UdnSite.Code, published)
            : new ArticleHeader { Source = UdnSite.Code };
    }

    public ProfileResult Parse(SourceDocument document, ParseContext context)
    {
        var (lines, bylineIndex, byline, headlineIndex) = Analyze(document);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (ReadHeader(lines, ref bylineIndex, byline, ref headlineIndex, warnings, out var published) is { } failure)
        {
            return ProfileResult.Failed(failure);
        }

        var title = TextNormalizer.Normalize(lines[headlineIndex]);

        var log = new RuleLog();
        for (var i = headlineIndex + 1; i < bylineIndex; i++)
        {
            if (NoiseRule(lines[i]) is { } widget)
            {
                log.Fired(widget);
            }
        }

        var bodyEnd = ReadBody(lines, bylineIndex + 1, log, out var paragraphs, out var images);
        var tags = ImmutableArray<string>.Empty;
        if (paragraphs.Count > 0 && TryReadTags(paragraphs[^1], out var bodyTags))
        {
            tags = bodyTags;
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        var related = ReadRelatedSections(lines, bodyEnd, title, log, ref tags);
        var hits = log.ToImmutable();
        var kept = paragraphs.Sum(p => TextNormalizer.CountVisible(p));
        if (LossAccounting.Warning(hits, kept + hits.Sum(h => h.RemovedChars)) is { } loss)
        {
            warnings.Add(loss);
        }

        var credits = CreditsParser.Parse(paragraphs);
        return ProfileResult.Success(new ArticleDraft
        {
            Source = UdnSite.Code,
            Url = FindStoryUrl(lines),
            Title = title,
            Published = published,
            Agency = byline?.Agency,
            Dateline = byline?.Dateline,
            Authors = (byline?.Authors ?? []).AddRange(credits.Authors),
            Editors = credits.Editors,
            Translators = credits.Translators,
            Paragraphs = [.. paragraphs],
            Tags = tags,
            Related = related,
            Images = images,
            Warnings = warnings.ToImmutable(),
            RuleHits = hits,
        });
    }

    private Analysis Analyze(SourceDocument document) =>
        document.Memo(rules, doc =>
        {
            var lines = SplitLines(doc.Text);
            var bylineIndex = FindByline(lines, out var byline, out var headlineIndex);
            return new Analysis(lines, bylineIndex, byline, headlineIndex);
        });

    /// <summary>The dump's lines, trimmed; a line that needs no trimming is the one string, not a copy.</summary>
    private static string[] SplitLines(string text)
    {
        var lines = new string[text.AsSpan().Count('\n') + 1];
        var index = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range];
            var trimmed = TextNormalizer.TrimAll(line);
            lines[index++] = trimmed.IsEmpty ? string.Empty : trimmed.ToString();
        }

        return lines;
    }

    /// <summary>The first byline with a headline above it; <paramref name="headlineIndex"/> is that headline's line.</summary>
    private int FindByline(string[] lines, out UdnByline? byline, out int headlineIndex)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || !UdnBylineParser.TryParse(lines[i], out var found))
            {
                continue;
            }

            var headline = FindHeadline(lines, i);
            if (headline >= 0)
            {
                byline = found;
                headlineIndex = headline;
                return i;
            }
        }

        byline = null;
        headlineIndex = -1;
        return -1;
    }

    /// <summary>The global.udn.com stand-in for a byline: <c>2023/08/23 轉角24小時</c> under the headline.</summary>
    private int FindDateLine(string[] lines)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (DateLine().IsMatch(lines[i]) && FindHeadline(lines, i) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The nearest line above <paramref name="index"/> that is text, skipping blanks and share widgets.</summary>
    private int FindHeadline(string[] lines, int index)
    {
        for (var i = index - 1; i >= 0 && i >= index - HeadlineWindow; i--)
        {
            if (lines[i].Length == 0 || NoiseRule(lines[i]) is not null)
            {
                continue;
            }

            return IsHeadlineLike(lines[i]) ? i : -1;
        }

        return -1;
    }

    private bool IsHeadlineLike(string line) =>
        line.Length is >= 4 and <= 120 && HasWord(line) && !DateLine().IsMatch(line) && !TimestampOnly().IsMatch(line) && !line.EndsWith('。')
        && PageEndRule(line) is null && !RelatedSections.Any(s => s.Heading == line);

    /// <summary>Reads the body from <paramref name="start"/>; returns the index of the line that ended it.</summary>
    private int ReadBody(string[] lines, int start, RuleLog log, out List<string> paragraphs, out ImmutableArray<ArticleImage> images)
    {
        paragraphs = [];
        var captions = ImmutableArray.CreateBuilder<ArticleImage>();
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (NoiseRule(line) is { } noise)
            {
                log.RemovedParagraph(noise, TextNormalizer.CountVisible(line));
                continue;
            }

            if (IsSectionHeading(line))
            {
                break;
            }

            if (EndRule(line) is { } end)
            {
                log.Fired(end);
                foreach (var cut in ProseAfter(lines, i + 1))
                {
                    log.RemovedParagraph(end, TextNormalizer.CountVisible(cut));
                }

                break;
            }

            // A caption printed twice, or shortened with "..." and then printed in full.
            if (i + 1 < lines.Length && CaptionLines.TryMatchPair(line, lines[i + 1], out var pairCaption))
            {
                captions.Add(new ArticleImage(null, pairCaption));
                i++;
                continue;
            }

            if (CaptionLines.IsCredited(line))
            {
                captions.Add(new ArticleImage(null, TextNormalizer.Normalize(line)));
                continue;
            }

            paragraphs.Add(TextNormalizer.Normalize(line));
        }

        images = [.. captions.Distinct()];
        return i;
    }

    /// <summary>
    /// Article prose right after the line that ended the body, up to the next heading or end line:
    /// when a promo word stood inside the text (a "看更多" expander), the text that follows is lost, and
    /// the loss must be said. Two or more lines of prose count; one line could be a promo's own blurb.
    /// </summary>
    private List<string> ProseAfter(string[] lines, int start)
    {
        var prose = new List<string>();
        for (var i = start; i < lines.Length && i < start + ProseLookAhead; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || NoiseRule(line) is not null)
            {
                continue;
            }

            if (IsSectionHeading(line) || EndRule(line) is not null || !IsProse(line))
            {
                break;
            }

            prose.Add(line);
        }

        return prose.Count >= 2 ? prose : [];
    }

    /// <summary>A line of article prose: long, and ending a sentence.</summary>
    private static bool IsProse(string line) => line.Length >= MinProseChars && line[^1] is '。' or '」' or '！' or '？';

    private ImmutableArray<RelatedLink> ReadRelatedSections(string[] lines, int start, string title, RuleLog log, ref ImmutableArray<string> tags)
    {
        var related = ImmutableArray.CreateBuilder<RelatedLink>();
        RelatedStyle? style = null;
        var entry = new List<string>();
        string? lastLine = null;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (PageEndRule(line) is { } pageEnd)
            {
                log.Fired(pageEnd);
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (NoiseRule(line) is { } noise)
            {
                log.Fired(noise);
                continue;
            }

            var heading = RelatedSections.FirstOrDefault(s => s.Heading == line);
            if (heading.Heading is not null)
            {
                tags = TakeTagLine(related, ref lastLine, tags);
                style = heading.Style;
                continue;
            }

            if (style is null || BodyEndRule(line) is not null)
            {
                style = null;
                continue;
            }

            if (style == RelatedStyle.Titles || !IsTeaserOrDate(line))
            {
                if (line != title)
                {
                    related.Add(new RelatedLink(line, null));
                    lastLine = line;
                }
                else
                {
                    lastLine = null;
                }
            }
        }

        tags = TakeTagLine(related, ref lastLine, tags);
        return related.ToImmutable();
    }

    /// <summary>The keyword line can close a further-reading list (global.udn.com): it is then tags, not an entry.</summary>
    private static ImmutableArray<string> TakeTagLine(ImmutableArray<RelatedLink>.Builder related, ref string? lastLine, ImmutableArray<string> tags)
    {
        if (tags.IsEmpty && lastLine is not null && related.Count > 0 && related[^1].Title == lastLine && TryReadTags(lastLine, out var found))
        {
            related.RemoveAt(related.Count - 1);
            tags = found;
        }

        lastLine = null;
        return tags;
    }

    /// <summary>
    /// The keyword line: a few short words separated by spaces, or by <c>﹒</c> on the pre-2020 layout,
    /// no sentence punctuation (<c>烏克蘭 俄羅斯 俄烏戰爭</c>, <c>2024選舉 2024總統選舉 楊志良 郭台銘</c>,
    /// <c>台北﹒颱風﹒停班</c>).
    /// </summary>
    internal static bool TryReadTags(string line, out ImmutableArray<string> tags)
    {
        tags = [];
        var words = line.Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length is 0 or > 12 || line.Length > 100 || DateLine().IsMatch(line) || TimestampOnly().IsMatch(line))
        {
            return false;
        }

        if (words.Any(w => w.Length > 12 || w.Any(IsSentencePunctuation)) || words.Average(w => w.Length) > 7)
        {
            return false;
        }

        tags = [.. words];
        return true;
    }

    private static readonly char[] KeywordSeparators = [' ', '\u3000', '﹒', '‧'];

    private static bool IsSentencePunctuation(char c) =>
        c is '，' or '。' or '、' or '「' or '」' or '『' or '』' or '：' or '；' or '？' or '！' or '（' or '）' or '…' or '《' or '》'
            or ',' or '.' or ':' or ';' or '?' or '!' or '(' or ')' or '"' or '“' or '”' or '|' or '︱';

    private static bool IsTeaserOrDate(string line) =>
        TimestampOnly().IsMatch(line) || DateOnly().IsMatch(line) || line.EndsWith("...", StringComparison.Ordinal)
        || line.EndsWith('…') || line.EndsWith('。') || line.Length > 48;

    private static bool IsSectionHeading(string line) => RelatedSections.Any(s => s.Heading == line);

    private DropRule? NoiseRule(string line) => FirstMatch(rules.Noise, line);

    private EndOfPageRule? PageEndRule(string line) => FirstMatch(rules.PageEnd, line);

    private EndOfBodyRule? BodyEndRule(string line) => FirstMatch(rules.BodyEnd, line);

    private LineRule? EndRule(string line) => (LineRule?)PageEndRule(line) ?? BodyEndRule(line);

    private static T? FirstMatch<T>(ImmutableArray<T> rules, string line)
        where T : LineRule
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(line))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Two letters in a row, CJK or Latin: a widget line (<c>A-A+</c>, <c>+</c>) has none.</summary>
    private static bool HasWord(string line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (char.IsLetter(line[i]) && char.IsLetter(line[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of a read above the text, shared by <see cref="Parse"/> and <see cref="ReadHeader(SourceDocument)"/>
    /// so that they agree: the byline (or a bare date line) and the headline above it, and the
    /// publication time from the byline, the date line or the page's date widget. Null, or why the
    /// dump cannot be read.
    /// </summary>
    private string? ReadHeader(string[] lines, ref int bylineIndex, UdnByline? byline, ref int headlineIndex, ImmutableArray<string>.Builder warnings, out string? published)
    {
        published = null;
        if (bylineIndex < 0)
        {
            bylineIndex = FindDateLine(lines);
            if (bylineIndex < 0)
            {
                return "no byline or date line under a headline";
            }

            headlineIndex = FindHeadline(lines, bylineIndex);
            var dateLine = DateLine().Match(lines[bylineIndex]);
            published = ReadDate(dateLine.Groups["date"].Value, warnings);
            warnings.Add("no byline found");
        }
        else if (byline!.Date is { } date)
        {
            published = ReadDate(byline.Time is null ? date : $"{date} {byline.Time}", warnings);
        }

        if (headlineIndex < 0)
        {
            return "no headline above the byline";
        }

        if (published is null && !warnings.Any(w => w.StartsWith("unreadable date", StringComparison.Ordinal)))
        {
            published = FindPageDate(lines, headlineIndex);
            if (published is null)
            {
                warnings.Add("no publication date found");
            }
        }

        return null;
    }

    /// <summary>The ISO date of a byline's date, or null with a warning when that date does not exist (<c>2023-02-30</c>).</summary>
    private static string? ReadDate(string value, ImmutableArray<string>.Builder warnings)
    {
        if (PublishedDateParser.TryParse(value, preferTaipei: true, out var iso, out _))
        {
            return iso;
        }

        warnings.Add($"unreadable date '{value}'");
        return null;
    }

    /// <summary>A date in the page header (the cropped dump's <c>date 2025-08-23</c> widget) above the headline.</summary>
    private static string? FindPageDate(string[] lines, int headlineIndex)
    {
        for (var i = 0; i < headlineIndex; i++)
        {
            var match = PageDate().Match(lines[i]);
            if (match.Success && PublishedDateParser.TryParse(match.Value, preferTaipei: true, out var iso, out _))
            {
                return iso;
            }
        }

        return null;
    }

    private static string? FindStoryUrl(string[] lines)
    {
        foreach (var line in lines)
        {
            var match = StoryUrl().Match(line);
            if (match.Success)
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<date>[0-9]{4}/[0-9]{2}/[0-9]{2})(?:\s+[0-9]{1,2}:[0-9]{2})?\s+\S.{0,30}$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}\s+[0-9]{1,2}:[0-9]{2}$")]
    private static partial Regex TimestampOnly();

    [GeneratedRegex(@"^[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}$")]
    private static partial Regex DateOnly();

    [GeneratedRegex(@"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")]
    private static partial Regex PageDate();

    [GeneratedRegex(@"https?://(?:[a-z0-9-]{1,63}\.){0,6}udn\.com/[^\s]{0,300}?/story/[0-9]{1,12}/[0-9]{1,15}")]
    private static partial Regex StoryUrl();

    [GeneratedRegex(@"^商品推薦$")]
    private static partial Regex ProductPromoLine();

    [GeneratedRegex(@"^(?:udn討論區|(?:共\s*)?[0-9]+\s*則留言|FB留言|規範)$")]
    private static partial Regex CommentAreaLine();

    [GeneratedRegex(@"^贊助廣告$")]
    private static partial Regex SponsoredLine();

    [GeneratedRegex(@"^(?:作者文章|最新文章|熱門新聞|猜你喜歡|你可能也會喜歡|看更多|回應|More)$")]
    private static partial Regex SiteListsLine();

    [GeneratedRegex(@"^收看更多文章")]
    private static partial Regex FollowPagePromoLine();

    [GeneratedRegex(@"(?i)^(?:•\s*)?(?:facebook|twitter|whatsapp|line|plurk|email|telegram|分享|複製連結|列印|字級|收藏|訂閱|(?:用|以)?(?:line|fb|facebook|臉書)(?:傳送|分享)|分享(?:到|至)\S{1,12}|\+|＋|A\s*-\s*A\s*\+|A\+\s*A-|﹒|‧)$")]
    private static partial Regex ShareButtonLine();

    [GeneratedRegex(@"^(?:發布|•\s.*)$")]
    private static partial Regex CommentFormLine();

    [GeneratedRegex(@"^\[[^\]]*\]$")]
    private static partial Regex FormFieldLine();

    [GeneratedRegex(@"^(?:聽新聞|[0-9]{1,2}:[0-9]{2} / [0-9]{1,2}:[0-9]{2}|Your browser does not support.*)$")]
    private static partial Regex AudioPlayerLine();
}
