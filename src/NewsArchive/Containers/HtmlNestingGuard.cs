using System.Collections.Frozen;

namespace NewsArchive.Containers;

/// <summary>
/// Measures how deep a document's elements nest before it is handed to the HTML parser. Tree
/// construction checks the stack of open elements for every start tag, so 100,000 nested
/// <c>&lt;div&gt;</c>s take the parser minutes; no real article nests more than a few dozen levels.
/// This is a bound on input-controlled work, not a parser: it only counts start and end tags.
/// </summary>
internal static class HtmlNestingGuard
{
    /// <summary>Deeper than this is refused (real pages stay far below it).</summary>
    public const int MaxDepth = 512;

    /// <summary>Elements that hold no content, or close themselves when the next one starts.</summary>
    private static readonly FrozenSet<string> NonNesting = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rp", "rt", "rb", "rtc",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawText = new[] { "script", "style", "textarea", "title", "xmp", "noscript" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the markup nests deeper than <see cref="MaxDepth"/>.</summary>
    public static bool IsTooDeep(ReadOnlySpan<char> html) =>
        // Fewer tags than the limit cannot nest past it: one vectorised count spares most scans.
        html.Count('<') > MaxDepth && MeasureDepth(html) > MaxDepth;

    /// <summary>The largest number of elements open at once, counting up to <paramref name="stopAt"/>.</summary>
    public static int MeasureDepth(ReadOnlySpan<char> html, int stopAt = MaxDepth + 1)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        Span<char> nameBuffer = stackalloc char[16];
        while (i < html.Length)
        {
            var open = html[i..].IndexOf('<');
            if (open < 0)
            {
                break;
            }

            i += open + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i..].StartsWith("!--"))
            {
                var end = html[i..].IndexOf("-->");
                i = end < 0 ? html.Length : i + end + 3;
                continue;
            }

            var closing = html[i] == '/';
            if (closing)
            {
                i++;
            }

            var nameLength = 0;
            while (i + nameLength < html.Length && char.IsAsciiLetterOrDigit(html[i + nameLength]))
            {
                nameLength++;
            }

            if (nameLength == 0 || !char.IsAsciiLetter(html[i]))
            {
                continue;
            }

            var name = html.Slice(i, nameLength);
            var tagEnd = html[i..].IndexOf('>');
            var selfClosing = tagEnd > 0 && html[i + tagEnd - 1] == '/';
            var isNonNesting = name.Length <= nameBuffer.Length && NonNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
            if (closing)
            {
                if (!isNonNesting && depth > 0)
                {
                    depth--;
                }
            }
            else if (!isNonNesting && !selfClosing)
            {
                depth++;
                if (depth > max)
                {
                    max = depth;
                    if (max >= stopAt)
                    {
                        return max;
                    }
                }

                if (RawText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                {
                    // Skip to the matching end tag: script and style text is not markup.
                    var start = tagEnd < 0 ? html.Length : i + tagEnd + 1;
                    var closeTag = IndexOfEndTag(html, start, name);
                    depth--;
                    i = closeTag < 0 ? html.Length : closeTag;
                    continue;
                }
            }

            i = tagEnd < 0 ? html.Length : i + tagEnd + 1;
        }

        return max;
    }

    private static int IndexOfEndTag(ReadOnlySpan<char> html, int start, ReadOnlySpan<char> name)
    {
        var position = start;
        while (position < html.Length)
        {
            var next = html[position..].IndexOf("</");
            if (next < 0)
            {
                return -1;
            }

            var at = position + next;
            var candidate = html[(at + 2)..];
            if (candidate.Length >= name.Length && candidate[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            position = at + 2;
        }

        return -1;
    }
}
