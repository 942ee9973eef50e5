using System.Collections.Immutable;
using NewsArchive.Containers;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// What a post's head decides with the sites' knowledge: the site code from its URL and labels, and
/// its date in the site's time zone. The head itself is the container's (<see cref="PostHead"/>).
/// </summary>
internal static class JekyllFields
{
    private static readonly ImmutableArray<string> SourceLabelKeys = ["categories", "category", "author", "tags", "source"];

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
        var raw = PostHead.RawDate(frontMatter);
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
}
