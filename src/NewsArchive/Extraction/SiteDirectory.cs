using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Input;

namespace NewsArchive.Extraction;

/// <summary>
/// Every known site, looked up: which host, front-matter label or byline name names which site, how a
/// site's URL carries its native id, its time zone, and the agencies of every site's datelines. Built
/// once from the site catalog's list and handed to the formats, so shared machinery knows sites only
/// through it.
/// </summary>
internal sealed partial class SiteDirectory
{
    private readonly ImmutableArray<Site> sites;
    private readonly Dictionary<string, Site> byCode;

    public SiteDirectory(IEnumerable<Site> sites)
    {
        this.sites = [.. sites.Where(s => s.Code is not null)];
        byCode = new Dictionary<string, Site>(StringComparer.Ordinal);
        foreach (var site in this.sites)
        {
            if (!byCode.TryAdd(site.Code!, site))
            {
                throw new ArgumentException($"two sites have the code '{site.Code}'", nameof(sites));
            }
        }

        Datelines = DatelineTables.Of(
            this.sites.SelectMany(s => s.DatelineAgencies),
            this.sites.Where(s => !s.DatelineAgencies.IsEmpty).SelectMany(s => s.DatelineBrackets));
    }

    /// <summary>The sites with a code, in the catalog's order.</summary>
    public ImmutableArray<Site> Sites => sites;

    /// <summary>Every site's dateline agencies and brackets: a story republished elsewhere keeps its agency's dateline.</summary>
    public DatelineTables Datelines { get; }

    /// <summary>The site a code names, or null.</summary>
    public Site? Find(string? code) => code is not null && byCode.TryGetValue(code, out var site) ? site : null;

    /// <summary>The time zone of a site's records (<see cref="Site.UtcOffset"/>), or null.</summary>
    public TimeSpan? UtcOffsetOf(string? code) => Find(code)?.UtcOffset;

    /// <summary>The site code for a URL host (<c>www.cna.com.tw</c> gives <c>cna</c>), or null.</summary>
    public string? FromUrl(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host))
        {
            return null;
        }

        foreach (var site in sites)
        {
            if (site.OwnsHost(host))
            {
                return site.Code;
            }
        }

        return null;
    }

    /// <summary>
    /// The known site a front-matter label names: its code (<c>cna</c>, <c>dw</c>) or a label that
    /// mentions it (<c>(臺)中央社CNA</c> gives <c>cna</c>).
    /// </summary>
    public string? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var trimmed = label.Trim();
        foreach (var site in sites)
        {
            if (string.Equals(trimmed, site.Code, StringComparison.OrdinalIgnoreCase))
            {
                return site.Code;
            }
        }

        foreach (var site in sites)
        {
            foreach (var name in site.Labels)
            {
                if (IsCode(name)
                    ? ContainsWord(trimmed, name)
                    : trimmed.Contains(name, StringComparison.Ordinal))
                {
                    return site.Code;
                }
            }
        }

        return null;
    }

    /// <summary>A label that is itself a site code (<c>kyodo</c>, <c>aj</c>), lower-cased, or null.</summary>
    public static string? AsPlainCode(string? label)
    {
        var trimmed = label?.Trim();
        return trimmed is not null && PlainCode().IsMatch(trimmed.ToLowerInvariant()) ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The site a page fetched from <paramref name="url"/> belongs to, as far as its host tells: a
    /// listed site's code, or one made from a registered name. Null where the host names no site
    /// (an IP address, <c>localhost</c>, a one-label name), so that the page itself decides.
    /// </summary>
    public string? CodeOfFetched(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host) || !host.Contains('.', StringComparison.Ordinal) || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return null;
        }

        return CodeOf(url);
    }

    /// <summary>The site code of a URL: a listed site's, else one made from its host (<see cref="FromUnknownHost"/>); null for no http(s) URL.</summary>
    public string? CodeOf(string? url) => FromUrl(url) ?? FromUnknownHost(url);

    /// <summary>A code made from a URL host nobody listed: <c>www.example.co.uk</c> gives <c>example</c>.</summary>
    public static string? FromUnknownHost(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host))
        {
            return null;
        }

        var labels = host.Split('.');
        for (var i = labels.Length - 1; i >= 0; i--)
        {
            if (!CommonLabels.Contains(labels[i]) && labels[i].Length > 1)
            {
                return labels[i];
            }
        }

        return labels.Length > 0 ? labels[0] : null;
    }

    /// <summary>Host labels that name no publisher: <c>www</c>, <c>news</c>, top-level and second-level domains.</summary>
    private static readonly string[] CommonLabels = ["www", "m", "news", "com", "co", "net", "org", "gov", "edu", "tw", "hk", "uk", "jp", "cn"];

    /// <summary>The native article id a site's URL carries (<c>202212200002</c>, <c>8950123</c>), or null.</summary>
    public string? NativeId(string code, string? url)
    {
        if (url is null || Find(code)?.IdPattern is not { } pattern)
        {
            return null;
        }

        var match = pattern.Match(url);
        return match.Success ? match.Groups["id"].Value : null;
    }

    private static bool IsCode(string name) => name.All(char.IsAsciiLetterOrDigit);

    private static bool ContainsWord(string text, string word)
    {
        var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsAsciiLetter(text[index - 1]);
            var afterIndex = index + word.Length;
            var after = afterIndex >= text.Length || !char.IsAsciiLetter(text[afterIndex]);
            if (before && after)
            {
                return true;
            }

            index = text.IndexOf(word, index + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,23}$")]
    private static partial Regex PlainCode();
}
