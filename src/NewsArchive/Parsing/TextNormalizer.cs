using System.Text;

namespace NewsArchive.Parsing;

/// <summary>
/// Plain-text clean-up for paragraphs: trims, and collapses each run of white space to one space.
/// A lone ideographic space (U+3000) between words is kept: Chinese text uses it as a separator
/// (RTHK titles, quoted names), and folding it into an ASCII space would change the text.
/// </summary>
public static class TextNormalizer
{
    /// <summary>As <see cref="Normalize(ReadOnlySpan{char})"/>, returning <paramref name="text"/> itself when it needs no change.</summary>
    public static string Normalize(string text)
    {
        var trimmed = TrimAll(text);
        return trimmed.Length == text.Length && !NeedsCollapse(trimmed) ? text : Normalize(trimmed);
    }

    public static string Normalize(ReadOnlySpan<char> text)
    {
        text = TrimAll(text);
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (!NeedsCollapse(text))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsSpace(c))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            builder.Append(i - start == 1 && c == '\u3000' ? '\u3000' : ' ');
        }

        return builder.ToString();
    }

    /// <summary>Trims every kind of white space, full-width and no-break spaces included.</summary>
    public static ReadOnlySpan<char> TrimAll(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    public static bool IsBlank(ReadOnlySpan<char> text) => TrimAll(text).IsEmpty;

    /// <summary>
    /// White space (what <see cref="char.IsWhiteSpace(char)"/> says), plus the zero-width characters that
    /// scraped pages scatter through text. Spelled out so that CJK text, nearly every character of an
    /// article, is answered with two comparisons rather than a Unicode category look-up.
    /// </summary>
    public static bool IsSpace(char c) => c switch
    {
        <= '\u00FF' => c is ' ' or (>= '\t' and <= '\r') or '\u0085' or '\u00A0',
        < '\u2000' => c == '\u1680',
        <= '\u200D' => true,
        _ => c is '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF',
    };

    private static bool NeedsCollapse(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i + 1 < text.Length && IsSpace(text[i + 1]))
                {
                    return true;
                }
            }
            else if (c == '\u3000')
            {
                if (i + 1 < text.Length && IsSpace(text[i + 1]))
                {
                    return true;
                }
            }
            else if (IsSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
