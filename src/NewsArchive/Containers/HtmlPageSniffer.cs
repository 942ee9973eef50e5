namespace NewsArchive.Containers;

/// <summary>
/// Whether a text is an HTML page (markup to be parsed) rather than text rendered from one: a doctype
/// or an <c>&lt;html&gt;</c>/<c>&lt;head&gt;</c> tag near the start, or markup dense with tags. A page
/// dump's lines may mention a tag; a saved page opens with its markup.
/// </summary>
internal static class HtmlPageSniffer
{
    /// <summary>How much of the start of a text is looked at.</summary>
    private const int Window = 4096;

    /// <summary>Tags in the window from which the text is markup, whatever its first line.</summary>
    private const int DenseTags = 24;

    public static bool IsHtmlPage(string text)
    {
        var start = text.AsSpan().TrimStart();
        var window = start[..Math.Min(start.Length, Window)];
        if (window.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || window.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || window.Contains("<head>", StringComparison.OrdinalIgnoreCase)
            || window.Contains("<head ", StringComparison.OrdinalIgnoreCase)
            || window.Contains("<meta ", StringComparison.OrdinalIgnoreCase) && window.Contains("<title", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var tags = 0;
        for (var i = 0; i + 1 < window.Length; i++)
        {
            if (window[i] == '<' && (char.IsAsciiLetter(window[i + 1]) || window[i + 1] == '/') && ++tags >= DenseTags)
            {
                return true;
            }
        }

        return false;
    }
}
