using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace NewsArchive.Parsing;

/// <summary>A post body as HTML: HTML bodies as they are, markdown bodies rendered by Markdig.</summary>
public static partial class JekyllBody
{
    public static bool LooksLikeHtml(string body) => HtmlBlockTag().IsMatch(body);

    public static string ToHtml(string body, MarkdownPipeline pipeline) =>
        LooksLikeHtml(body) ? body : Markdown.ToHtml(BlankWhitespaceLines(body), pipeline);

    /// <summary>
    /// Lines holding only white space (full-width spaces included) become empty, so markdown sees the
    /// paragraph break that a reader sees; Markdig only counts ASCII spaces and tabs as blank.
    /// </summary>
    internal static string BlankWhitespaceLines(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        foreach (var line in markdown.Split('\n'))
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            if (!TextNormalizer.IsBlank(line))
            {
                builder.Append(line);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(?:p|div|figure|section|article|img|h[1-6]|ul|ol|li|blockquote|table|address|span|small|br|hr|time|picture|iframe|script)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockTag();
}
