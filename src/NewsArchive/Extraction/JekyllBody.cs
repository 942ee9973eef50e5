using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>A post body as HTML: HTML bodies as they are, markdown bodies rendered by Markdig.</summary>
internal static partial class JekyllBody
{
    /// <summary>
    /// Whether the body is HTML (else markdown): a block tag within its first
    /// <see cref="HtmlSniffWindow"/> characters. The window bounds the search on any input.
    /// </summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> body) => HtmlBlockTag().IsMatch(body[..Math.Min(body.Length, HtmlSniffWindow)]);

    private const int HtmlSniffWindow = 64 * 1024;

    /// <summary>Markdown nested deeper than this (quotes, list indentation) is read as plain paragraphs.</summary>
    private const int MaxMarkdownNesting = 32;

    /// <summary>
    /// Markdown with more link and image brackets than this is read as plain paragraphs: Markdig's link
    /// matching takes time quadratic in the number of unclosed <c>![</c> and <c>[</c> (40,000 <c>![](</c>
    /// took 6 s); a real post has a few dozen.
    /// </summary>
    internal const int MaxMarkdownBrackets = 2000;

    /// <summary>
    /// The body as HTML. Markdown too deeply nested for Markdig (which refuses it, or takes minutes
    /// over thousands of indented list levels) is kept as plain paragraphs with a warning.
    /// </summary>
    public static bool TryToHtml(ReadOnlyMemory<char> body, MarkdownPipeline pipeline, out ReadOnlyMemory<char> html, out string? warning)
    {
        warning = null;
        if (LooksLikeHtml(body.Span))
        {
            html = body;
            return true;
        }

        var markdown = BlankWhitespaceLines(body.Span);
        var brackets = markdown.AsSpan().Count('[');
        if (brackets > MaxMarkdownBrackets)
        {
            warning = $"markdown has {brackets} link brackets, more than {MaxMarkdownBrackets}; read as plain paragraphs";
            html = PlainParagraphs(markdown).AsMemory();
            return true;
        }

        if (MarkdownNesting(markdown) <= MaxMarkdownNesting)
        {
            try
            {
                html = Markdown.ToHtml(markdown, pipeline).AsMemory();
                return true;
            }
            catch (ArgumentException)
            {
                // Markdig's own depth limit; fall through to plain paragraphs.
            }
        }

        warning = "markdown nested too deeply to render; read as plain paragraphs";
        html = PlainParagraphs(markdown).AsMemory();
        return true;
    }

    /// <summary>The deepest quote (<c>&gt;</c>) or list indentation (columns / 2) on any line.</summary>
    internal static int MarkdownNesting(string markdown)
    {
        var max = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var quotes = 0;
            var indent = 0;
            foreach (var c in line)
            {
                if (c == '>')
                {
                    quotes++;
                }
                else if (c == ' ')
                {
                    indent++;
                }
                else if (c == '\t')
                {
                    indent += 4;
                }
                else
                {
                    break;
                }
            }

            max = Math.Max(max, Math.Max(quotes, indent / 2));
        }

        return max;
    }

    private static string PlainParagraphs(string markdown)
    {
        var builder = new StringBuilder(markdown.Length + 64);
        foreach (var block in markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(block.TrimStart(' ', '>', '\t', '-', '*'))).Append("</p>\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lines holding only white space (full-width spaces included) become empty, so markdown sees the
    /// paragraph break that a reader sees; Markdig only counts ASCII spaces and tabs as blank.
    /// </summary>
    internal static string BlankWhitespaceLines(ReadOnlySpan<char> markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        var first = true;
        foreach (var range in markdown.Split('\n'))
        {
            var line = markdown[range];
            if (!first)
            {
                builder.Append('\n');
            }

            first = false;
            if (!TextNormalizer.IsBlank(line))
            {
                builder.Append(line);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(?:p|div|figure|section|article|img|h[1-6]|ul|ol|li|blockquote|table|address|span|small|br|hr|time|picture|iframe|script)\b[^>]{0,2000}>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockTag();
}
