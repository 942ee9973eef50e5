using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// What a page without article text is, for the message that says so: an error page, a login page,
/// an index of links, or a page with no text at all.
/// </summary>
internal static partial class PageKind
{
    /// <summary>An index page holds at least this many links.</summary>
    public const int IndexMinLinks = 20;

    /// <summary>...and at least this share of its text is link text.</summary>
    public const double IndexMinLinkShare = 0.5;

    /// <summary>A page that says it is an error or a login page holds at most this much text (an article that reports an error holds more).</summary>
    public const int NoticePageMaxChars = 600;

    /// <summary>
    /// What the page is when it says it is no article: an error page (<c>404 Not Found</c>, <c>找不到網頁</c>)
    /// or a login page, with little text; null for every other page.
    /// </summary>
    public static string? NotAnArticle(IDocument document)
    {
        if (document.Body is not { } body || TextNormalizer.CountVisible(body.TextContent) > NoticePageMaxChars)
        {
            return null;
        }

        var title = TextNormalizer.Normalize(document.Title ?? string.Empty);
        var heading = document.QuerySelector("h1") is { } h1 ? TextNormalizer.Normalize(h1.TextContent) : string.Empty;
        if (ErrorWords().IsMatch(title) || ErrorWords().IsMatch(heading))
        {
            return $"it is an error page (\"{Shorten(ErrorWords().IsMatch(title) ? title : heading)}\")";
        }

        return document.QuerySelector("input[type=password i]") is not null ? "it is a login page (a password field and no article)" : null;
    }

    public static string Describe(IDocument document)
    {
        var title = TextNormalizer.Normalize(document.Title ?? string.Empty);
        var heading = document.QuerySelector("h1") is { } h1 ? TextNormalizer.Normalize(h1.TextContent) : string.Empty;
        if (ErrorWords().IsMatch(title) || ErrorWords().IsMatch(heading))
        {
            return $"it is an error page (\"{Shorten(ErrorWords().IsMatch(title) ? title : heading)}\")";
        }

        if (document.QuerySelector("input[type=password i]") is not null)
        {
            return "it is a login page (a password field and no text)";
        }

        var body = document.Body;
        if (body is null || TextNormalizer.IsBlank(body.TextContent))
        {
            return "the page has no visible text";
        }

        var links = body.QuerySelectorAll("a[href]");
        var linkChars = links.Sum(a => TextNormalizer.CountVisible(a.TextContent));
        var chars = TextNormalizer.CountVisible(body.TextContent);
        return links.Length >= IndexMinLinks && linkChars >= chars * IndexMinLinkShare
            ? $"it is an index of links ({links.Length} links, {Percent(linkChars, chars)} of its text)"
            : "no paragraph of it reads as text";
    }

    private static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{(int)Math.Round(100.0 * part / whole)}%";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"\b(?:404|403|410|500|502|503)\b|[Nn]ot [Ff]ound|[Pp]age [Nn]ot|[Ee]rror|找不到|不存在|錯誤|错误|無此|无此|已刪除|已删除|已下架|查無")]
    private static partial Regex ErrorWords();
}
