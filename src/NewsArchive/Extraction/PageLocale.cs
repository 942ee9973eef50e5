using NewsArchive.Input;

namespace NewsArchive.Extraction;

/// <summary>Where a page is from, as far as its URL and its language say.</summary>
internal static class PageLocale
{
    /// <summary>Taiwan's time zone (+08:00 all year): a Taiwanese site's, and the one zone a page's locale implies.</summary>
    public static readonly TimeSpan TaiwanTime = TimeSpan.FromHours(8);

    /// <summary>The time zone a page's locale implies (<see cref="TaiwanTime"/> for a Taiwanese page), or null.</summary>
    public static TimeSpan? ZoneOf(string? url, string? language) => IsTaiwanese(url, language) ? TaiwanTime : null;

    /// <summary>
    /// A Taiwanese page: a <c>.tw</c> host, or a page in traditional Chinese as Taiwan writes it
    /// (<c>zh-TW</c>, <c>zh-Hant-TW</c>, <c>zh-Hant</c>; Hong Kong's <c>zh-HK</c> and <c>zh-Hant-HK</c> are not).
    /// </summary>
    private static bool IsTaiwanese(string? url, string? language)
    {
        if (UrlHost.TryGetHost(url, out var host) && (host.EndsWith(".tw", StringComparison.Ordinal) || host == "tw"))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(language))
        {
            return false;
        }

        var lang = language.Trim().Replace('_', '-');
        return lang.Equals("zh-TW", StringComparison.OrdinalIgnoreCase) || lang.Equals("zh-Hant", StringComparison.OrdinalIgnoreCase)
            || lang.Equals("zh-Hant-TW", StringComparison.OrdinalIgnoreCase);
    }
}
