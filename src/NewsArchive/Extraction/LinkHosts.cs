using NewsArchive.Input;

namespace NewsArchive.Extraction;

/// <summary>Which site a link points to, so a link to another site (an outbound link) can be told apart.</summary>
internal static class LinkHosts
{
    /// <summary>Second-level labels under a country code that are not a site's own name (<c>com.tw</c>, <c>co.uk</c>).</summary>
    private static readonly string[] CountrySecondLevels = ["com", "co", "org", "net", "gov", "edu", "ac", "or", "ne", "go"];

    /// <summary>
    /// The registrable part of a host: <c>www.cna.com.tw</c> gives <c>cna.com.tw</c>, <c>api.dw.com</c>
    /// gives <c>dw.com</c>, <c>news.google.com</c> gives <c>google.com</c>.
    /// </summary>
    public static string SiteOf(string host)
    {
        var last = host.LastIndexOf('.');
        if (last <= 0)
        {
            return host;
        }

        var second = host.LastIndexOf('.', last - 1);
        if (second < 0)
        {
            return host;
        }

        var tld = host.AsSpan(last + 1);
        var secondLevel = host[(second + 1)..last];
        if (tld.Length == 2 && Array.IndexOf(CountrySecondLevels, secondLevel) >= 0)
        {
            var third = host.LastIndexOf('.', second - 1);
            return third < 0 ? host : host[(third + 1)..];
        }

        return host[(second + 1)..];
    }

    /// <summary>The site of an absolute http(s) URL, or null for relative links, anchors and scripts.</summary>
    public static string? SiteOfUrl(string? url) => UrlHost.TryGetHost(url, out var host) ? SiteOf(host) : null;

    /// <summary>
    /// Whether <paramref name="href"/> leaves the article's site. With no article URL known, any
    /// absolute link counts as outbound.
    /// </summary>
    public static bool IsOutbound(string? href, string? articleSite)
    {
        var site = SiteOfUrl(href);
        return site is not null && !string.Equals(site, articleSite, StringComparison.Ordinal);
    }
}
