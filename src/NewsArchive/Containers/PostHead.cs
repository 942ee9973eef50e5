using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Input;
using NewsArchive.Records;

namespace NewsArchive.Containers;

/// <summary>
/// A Jekyll post's head, read once for every format of the post container: the title, URL and date
/// its front matter states (read the same way for every site: quoted or bare titles, <c>from:</c>,
/// <c>link:</c>, ...), and the title header some scrapers put above the body (an epoch comment and a
/// markdown <c>[title](url)</c> line), with where the body starts after it.
/// </summary>
/// <param name="Title">The front matter's title, or null.</param>
/// <param name="Url">The front matter's URL, or null.</param>
/// <param name="HeaderTitle">The title header's title, or null.</param>
/// <param name="HeaderUrl">The title header's URL, or null.</param>
/// <param name="BodySkip">How many characters of the body the title header takes.</param>
internal sealed partial record PostHead(string? Title, string? Url, string? HeaderTitle, string? HeaderUrl, int BodySkip)
{
    private static readonly ImmutableArray<string> UrlKeys = ["from", "link", "url", "canonical_url", "source_url", "original_url"];
    private static readonly ImmutableArray<string> DateKeys = ["date", "published", "published_at", "pubdate"];

    /// <summary>The head of <paramref name="post"/>.</summary>
    public static PostHead Of(JekyllPost post)
    {
        var skip = SkipTitleHeader(post.BodySpan, out var headerTitle, out var headerUrl);
        return new PostHead(TitleOf(post.FrontMatter), UrlOf(post.FrontMatter), headerTitle, headerUrl, skip);
    }

    /// <summary>The post's URL: the front matter's, else the title header's.</summary>
    public string? AnyUrl => Url ?? HeaderUrl;

    /// <summary>The URL the front matter states (<c>from:</c>, <c>link:</c>, <c>url:</c>, ...), or null.</summary>
    public static string? UrlOf(FrontMatter frontMatter)
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

    /// <summary>The title the front matter states, or null.</summary>
    public static string? TitleOf(FrontMatter frontMatter) => frontMatter.GetText("title");

    /// <summary>The date the front matter states, as written, or null.</summary>
    public static string? RawDate(FrontMatter frontMatter) =>
        DateKeys.Select(frontMatter.GetText).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

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
