using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// The text-dump container read with a site's tables (<see cref="Site.TextDump"/>, its byline grammar,
/// time zone and article URL): the plain text of an article page, cropped or whole. The headline is
/// the line above the byline (or above a bare <c>2023/08/23 轉角24小時</c> date line); everything above
/// it (navigation, tickers, breadcrumbs, an audio player) is not the article. The body runs to the
/// first further-reading heading or end line of the site's tables. The keyword line, the entries of
/// the further-reading lists and image captions become fields, not text.
/// </summary>
internal sealed partial class TextDumpFormat(Site site) : IFormat
{
    private readonly TextDumpTables tables = site.TextDump ?? TextDumpTables.Empty;

    private readonly string source = site.Code ?? "unknown";

    /// <summary>
    /// How many lines above the byline the headline may stand, share widgets and blank lines between
    /// (udn-text-old-layout-widgets: LINE, +, bullets and A-A+ between headline and byline).
    /// </summary>
    private const int HeadlineWindow = 12;

    /// <summary>How many lines after the body's end are looked at for prose the end cut off (udn-text-issue-8-text-after-promo-word).</summary>
    private const int ProseLookAhead = 12;

    /// <summary>A line this long that ends a sentence is article prose, not a list entry or a promo.</summary>
    private const int MinProseChars = 40;

    /// <summary>The dump's lines and where its byline and headline are.</summary>
    private sealed record Analysis(string[] Lines, int BylineIndex, SiteByline? Byline, int HeadlineIndex);

    public string Name { get; } = site.FormatName(ContainerKind.TextDump);

    public ContainerKind Container => ContainerKind.TextDump;

    public Site Site => site;

    /// <summary>
    /// A dump of the site's page: some of the site's page markers, and a byline in the site's grammar
    /// under a headline (strong), or, with three markers, a bare date line under one (weak).
    /// </summary>
    public DetectionConfidence Detect(SourceDocument document)
    {
        if (document.Container != ContainerKind.TextDump || site.Byline is null)
        {
            return DetectionConfidence.None;
        }

        var markers = tables.PageMarkers.Count(m => document.Text.Contains(m, StringComparison.Ordinal));
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

    /// <summary>The dump's lines down to the byline are its header: the source, and the publication time.</summary>
    public FormatResult Read(SourceDocument document, ParseContext context, Func<ArticleHeader, bool>? wanted)
    {
        var (lines, bylineIndex, byline, headlineIndex) = Analyze(document);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var failure = ReadHeader(lines, ref bylineIndex, byline, ref headlineIndex, warnings, out var published);
        if (FormatResult.Refused(wanted, failure is null ? ArticleHeader.Of(source, published) : new ArticleHeader { Source = source }))
        {
            return FormatResult.Skipped;
        }

        if (failure is not null)
        {
            return FormatResult.Failed(failure);
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
        return FormatResult.Success(new ArticleDraft
        {
            Source = source,
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

    private Analysis Analyze(SourceDocument document)
    {
        var lines = document.Dump.Lines;
        var bylineIndex = FindByline(lines, out var byline, out var headlineIndex);
        return new Analysis(lines, bylineIndex, byline, headlineIndex);
    }

    /// <summary>The first byline with a headline above it; <paramref name="headlineIndex"/> is that headline's line.</summary>
    private int FindByline(string[] lines, out SiteByline? byline, out int headlineIndex)
    {
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || site.Byline!(lines[i]) is not { } found)
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
        && PageEndRule(line) is null && !IsSectionHeading(line);

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
            if (i + 1 < lines.Length && TextDumpCaptions.TryMatchPair(line, lines[i + 1], out var pairCaption))
            {
                captions.Add(new ArticleImage(null, pairCaption));
                i++;
                continue;
            }

            if (TextDumpCaptions.IsCredited(line))
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
        RelatedEntries? style = null;
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

            if (SectionOf(line) is { } heading)
            {
                tags = TakeTagLine(related, ref lastLine, tags);
                style = heading.Entries;
                continue;
            }

            if (style is null || BodyEndRule(line) is not null)
            {
                style = null;
                continue;
            }

            if (style == RelatedEntries.Titles || !IsTeaserOrDate(line))
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

    private bool IsSectionHeading(string line) => SectionOf(line) is not null;

    private RelatedSection? SectionOf(string line)
    {
        foreach (var section in tables.RelatedSections)
        {
            if (section.Heading == line)
            {
                return section;
            }
        }

        return null;
    }

    private DropRule? NoiseRule(string line) => FirstMatch(tables.Noise, line);

    private EndOfPageRule? PageEndRule(string line) => FirstMatch(tables.PageEnd, line);

    private EndOfBodyRule? BodyEndRule(string line) => FirstMatch(tables.BodyEnd, line);

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
    /// The part of a read above the text, which the filter is asked about before the rest is read: the byline (or a bare date line) and the headline above it, and the
    /// publication time from the byline, the date line or the page's date widget. Null, or why the
    /// dump cannot be read.
    /// </summary>
    private string? ReadHeader(string[] lines, ref int bylineIndex, SiteByline? byline, ref int headlineIndex, ImmutableArray<string>.Builder warnings, out string? published)
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
    private string? ReadDate(string value, ImmutableArray<string>.Builder warnings)
    {
        if (PublishedDateParser.TryParse(value, site.UtcOffset, out var iso, out _))
        {
            return iso;
        }

        warnings.Add($"unreadable date '{value}'");
        return null;
    }

    /// <summary>A date in the page header (the cropped dump's <c>date 2025-08-23</c> widget) above the headline.</summary>
    private string? FindPageDate(string[] lines, int headlineIndex)
    {
        for (var i = 0; i < headlineIndex; i++)
        {
            var match = PageDate().Match(lines[i]);
            if (match.Success && PublishedDateParser.TryParse(match.Value, site.UtcOffset, out var iso, out _))
            {
                return iso;
            }
        }

        return null;
    }

    /// <summary>The first of the site's article URLs in the dump (its share links), or null.</summary>
    private string? FindStoryUrl(string[] lines)
    {
        if (site.ArticleUrl is not { } pattern)
        {
            return null;
        }

        foreach (var line in lines)
        {
            var match = pattern.Match(line);
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
}
