namespace NewsArchive.Input;

/// <summary>The host of a URL, as every stage that names a site by its host reads it.</summary>
internal static class UrlHost
{
    /// <summary>The lower-cased host of an http(s) URL, read without building a <see cref="Uri"/>.</summary>
    public static bool TryGetHost(string? url, out string host)
    {
        host = string.Empty;
        var text = url.AsSpan().Trim();
        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            text = text[8..];
        }
        else if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }
        else
        {
            return false;
        }

        var end = text.IndexOfAny("/?#");
        var authority = end < 0 ? text : text[..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var colon = authority.IndexOf(':');
        var name = colon < 0 ? authority : authority[..colon];
        if (name.IsEmpty || name.ContainsAny(" \t"))
        {
            return false;
        }

        host = name.ToString().ToLowerInvariant();
        return true;
    }
}
