using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Input;

namespace NewsArchive.Extraction;

/// <summary>
/// Site codes: which host, front-matter label or byline names which site, and how a site's article URL
/// carries its native id. One row per site; a site without an id pattern gets a content-hash id.
/// </summary>
internal static partial class SourceSites
{
    private sealed record Site(string Code, ImmutableArray<string> Hosts, ImmutableArray<string> Labels, Regex? IdPattern, bool Taiwanese = false);

    private static readonly ImmutableArray<Site> Sites =
    [
        new("cna", ["cna.com.tw"], ["中央社", "中央通訊社", "cna"], CnaId(), Taiwanese: true),
        new("udn", ["udn.com"], ["聯合新聞網", "聯合報", "經濟日報", "udn"], UdnId(), Taiwanese: true),
        new("rthk", ["rthk.hk"], ["香港電台", "rthk"], RthkId()),
        new("dw", ["dw.com"], ["德國之聲", "dw"], DwId()),
        new("kyodo", ["kyodonews.net"], ["共同社", "kyodo"], KyodoId()),
        new("nhk", ["nhk.jp", "nhk.or.jp"], ["nhk"], NhkId()),
        new("rfa", ["rfa.org"], ["自由亞洲電台", "rfa"], null),
        new("nyt", ["nytimes.com"], ["紐約時報", "nyt"], null),
        new("aj", ["aljazeera.net", "aljazeera.com"], ["半島電視台", "aj"], null),
        new("bbc", ["bbc.com", "bbc.co.uk"], ["bbc"], null),
        new("ltn", ["ltn.com.tw"], ["自由時報", "ltn"], null, Taiwanese: true),
        new("chinatimes", ["chinatimes.com"], ["中時", "中國時報", "chinatimes"], null, Taiwanese: true),
        new("pts", ["pts.org.tw"], ["公視", "pts"], null, Taiwanese: true),
        new("storm", ["storm.mg"], ["風傳媒", "storm"], null, Taiwanese: true),
    ];

    public static bool IsTaiwanese(string code) => Sites.Any(s => s.Taiwanese && s.Code == code);

    /// <summary>The site code for a URL host (<c>www.cna.com.tw</c> gives <c>cna</c>), or null.</summary>
    public static string? FromUrl(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host))
        {
            return null;
        }

        foreach (var site in Sites)
        {
            foreach (var known in site.Hosts)
            {
                if (host == known || host.EndsWith("." + known, StringComparison.Ordinal))
                {
                    return site.Code;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The known site a front-matter label names: its code (<c>cna</c>, <c>dw</c>) or a label that
    /// mentions it (<c>(臺)中央社CNA</c> gives <c>cna</c>).
    /// </summary>
    public static string? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var trimmed = label.Trim();
        foreach (var site in Sites)
        {
            if (string.Equals(trimmed, site.Code, StringComparison.OrdinalIgnoreCase))
            {
                return site.Code;
            }
        }

        foreach (var site in Sites)
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
    public static string? CodeOfFetched(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host) || !host.Contains('.', StringComparison.Ordinal) || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return null;
        }

        return CodeOf(url);
    }

    /// <summary>The site code of a URL: a listed site's, else one made from its host (<see cref="FromUnknownHost"/>); null for no http(s) URL.</summary>
    public static string? CodeOf(string? url) => FromUrl(url) ?? FromUnknownHost(url);

    /// <summary>A code made from a URL host nobody listed: <c>www.example.co.uk</c> gives <c>example</c>.</summary>
    public static string? FromUnknownHost(string? url)
    {
        if (!UrlHost.TryGetHost(url, out var host))
        {
            return null;
        }

        var labels = host.Split('.');
        var skip = new[] { "www", "m", "news", "com", "co", "net", "org", "gov", "edu", "tw", "hk", "uk", "jp", "cn" };
        for (var i = labels.Length - 1; i >= 0; i--)
        {
            if (!skip.Contains(labels[i]) && labels[i].Length > 1)
            {
                return labels[i];
            }
        }

        return labels.Length > 0 ? labels[0] : null;
    }

    /// <summary>The native article id a site's URL carries (<c>202212200002</c>, <c>8950123</c>), or null.</summary>
    public static string? NativeId(string code, string? url)
    {
        if (url is null)
        {
            return null;
        }

        var site = Sites.FirstOrDefault(s => s.Code == code);
        if (site?.IdPattern is null)
        {
            return null;
        }

        var match = site.IdPattern.Match(url);
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

    // 2013–2014 article URLs carry a page suffix: /news/aloc/201404120056-1.aspx.
    [GeneratedRegex(@"cna\.com\.tw/[^?#\s]{0,200}?/(?<id>[0-9]{8,14})(?:-[0-9]{1,2})?(?:\.aspx|/|$|\?)", RegexOptions.IgnoreCase)]
    private static partial Regex CnaId();

    // Since 2015 /news/story/7324/7601234; before, /NEWS/DOMESTIC/DOM3/8512345.shtml.
    [GeneratedRegex(@"/story/[0-9]{1,12}/(?<id>[0-9]{1,15})|/NEWS/[A-Z0-9_/]{1,60}/(?<id>[0-9]{5,12})\.shtml", RegexOptions.IgnoreCase)]
    private static partial Regex UdnId();

    [GeneratedRegex(@"/(?<id>[0-9]{1,15})-[0-9]{8}\.htm", RegexOptions.IgnoreCase)]
    private static partial Regex RthkId();

    [GeneratedRegex(@"/a-(?<id>[0-9]{1,15})(?:$|[/?#])", RegexOptions.IgnoreCase)]
    private static partial Regex DwId();

    [GeneratedRegex(@"/news/[0-9]{4}/[0-9]{2}/(?<id>[0-9a-f]{12})(?:-[^/]{0,300})?\.html", RegexOptions.IgnoreCase)]
    private static partial Regex KyodoId();

    [GeneratedRegex(@"/(?<id>[0-9]{8}_[A-Za-z0-9]{1,40})\.json", RegexOptions.IgnoreCase)]
    private static partial Regex NhkId();
}
