using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Input;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// The fields every Jekyll post carries in its front matter, read the same way for every site:
/// title (quoted or not), URL (<c>from:</c>, <c>link:</c>, ...), date, and the site code.
/// </summary>
internal static partial class JekyllFields
{
    private static readonly ImmutableArray<string> UrlKeys = ["from", "link", "url", "canonical_url", "source_url", "original_url"];
    private static readonly ImmutableArray<string> DateKeys = ["date", "published", "published_at", "pubdate"];
    private static readonly ImmutableArray<string> SourceLabelKeys = ["categories", "category", "author", "tags", "source"];

    public static string? Url(FrontMatter frontMatter)
    {
        foreach (var key in UrlKeys)
        {
            var value = frontMatter.GetText(key)?.Trim();
            if (!string.IsNullOrEmpty(value) && (UrlHost.TryGetHost(value, out _) || Uri.TryCreate(value, UriKind.Absolute, out _)))
            {
                return value;
            }
        }

        return null;
    }

    public static string? Title(FrontMatter frontMatter) => frontMatter.GetText("title");

    public static string? RawDate(FrontMatter frontMatter) =>
        DateKeys.Select(frontMatter.GetText).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>
    /// The site code: a known site named by the URL host or a front-matter label, else a category that
    /// is itself a code (<c>kyodo</c>), else a name made from the URL host.
    /// </summary>
    public static string Source(FrontMatter frontMatter, string? url, SiteDirectory directory)
    {
        var fromHost = directory.FromUrl(url);
        if (fromHost is not null)
        {
            return fromHost;
        }

        foreach (var key in SourceLabelKeys)
        {
            foreach (var label in frontMatter.GetTexts(key))
            {
                if (directory.FromLabel(label) is { } known)
                {
                    return known;
                }
            }
        }

        foreach (var key in (ReadOnlySpan<string>)["categories", "category", "source"])
        {
            foreach (var label in frontMatter.GetTexts(key))
            {
                if (SiteDirectory.AsPlainCode(label) is { } code)
                {
                    return code;
                }
            }
        }

        return SiteDirectory.FromUnknownHost(url) ?? "unknown";
    }

    /// <summary>The published date, ISO 8601, with a warning when it cannot be read.</summary>
    public static string? Published(FrontMatter frontMatter, TimeSpan? zone, ImmutableArray<string>.Builder warnings)
    {
        var raw = RawDate(frontMatter);
        if (raw is null)
        {
            warnings.Add("no date in front matter");
            return null;
        }

        if (!PublishedDateParser.TryParse(raw, zone, out var iso, out var hasOffset))
        {
            warnings.Add($"unreadable date '{raw}'");
            return null;
        }

        if (!hasOffset)
        {
            warnings.Add("date has no UTC offset");
        }

        return iso;
    }

    /// <summary>The longest line that is looked at as a markdown title link.</summary>
    private const int MaxTitleLinkLine = 2600;

    /// <summary>
    /// Measures what some scrapers put before the page HTML: an <c>&lt;!--epoch-ms--&gt;</c> comment and a
    /// markdown <c>[title](url)</c> line underlined with <c>------</c>. Returns how many characters of
    /// <paramref name="body"/> that header takes (0 when there is none; blank lines before HTML count).
    /// </summary>
    public static int SkipTitleHeader(ReadOnlySpan<char> body, out string? title, out string? url)
    {
        title = null;
        url = null;
        var position = 0;
        while (true)
        {
            var lineEnd = body[position..].IndexOf('\n');
            var raw = lineEnd < 0 ? body[position..] : body.Slice(position, lineEnd);
            var next = lineEnd < 0 ? body.Length : position + lineEnd + 1;
            var line = raw.Trim();
            if (line.IsEmpty || EpochComment().IsMatch(line))
            {
                if (lineEnd < 0)
                {
                    return body.Length;
                }

                position = next;
                continue;
            }

            // A title link is one short line; a long line is never one (and would cost the pattern more).
            var link = line.Length <= MaxTitleLinkLine ? MarkdownTitleLink().Match(line.ToString()) : Match.Empty;
            if (!link.Success)
            {
                return position;
            }

            var underlineEnd = body[next..].IndexOf('\n');
            var underline = (underlineEnd < 0 ? body[next..] : body.Slice(next, underlineEnd)).Trim();
            if (!Underline().IsMatch(underline))
            {
                return position;
            }

            title = link.Groups["title"].Value.Trim();
            url = link.Groups["url"].Value.Trim();
            return underlineEnd < 0 ? body.Length : next + underlineEnd + 1;
        }
    }

    [GeneratedRegex(@"^<!--\s*[0-9]{9,15}\s*-->$")]
    private static partial Regex EpochComment();

    [GeneratedRegex(@"^\[(?<title>.{1,500})\]\((?<url>https?://[^\s)]{1,2000})\)$")]
    private static partial Regex MarkdownTitleLink();

    [GeneratedRegex(@"^(?:-{3,}|={3,})$")]
    private static partial Regex Underline();
}
