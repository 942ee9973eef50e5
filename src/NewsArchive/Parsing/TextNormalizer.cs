using System.Buffers;
using System.Runtime.CompilerServices;
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

    /// <summary>How many characters of the text are not white space: what a reader sees of it.</summary>
    public static int CountVisible(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!IsSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>White space, plus the zero-width characters that scraped pages scatter through text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => (SpaceBitmap[c >> 5] & (1u << c)) != 0;

    /// <summary>
    /// The definition behind <see cref="IsSpace"/>, spelled out: what <see cref="char.IsWhiteSpace(char)"/>
    /// says, plus U+200B–U+200D and U+FEFF.
    /// </summary>
    private static bool IsSpaceByDefinition(char c) => c switch
    {
        <= '\u00FF' => c is ' ' or (>= '\t' and <= '\r') or '\u0085' or '\u00A0',
        < '\u2000' => c == '\u1680',
        <= '\u200D' => true,
        _ => c is '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF',
    };

    /// <summary>One bit per UTF-16 code unit (8 KB), so the test per character is a load and a mask.</summary>
    private static readonly uint[] SpaceBitmap = BuildSpaceBitmap();

    /// <summary>Every space character, to find the next one in a vectorised search.</summary>
    private static readonly SearchValues<char> SpaceCharacters = SearchValues.Create(AllSpaces());

    private static uint[] BuildSpaceBitmap()
    {
        var bitmap = new uint[(char.MaxValue + 1) / 32];
        foreach (var c in AllSpaces())
        {
            bitmap[c >> 5] |= 1u << c;
        }

        return bitmap;
    }

    private static char[] AllSpaces()
    {
        var spaces = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (IsSpaceByDefinition((char)c))
            {
                spaces.Add((char)c);
            }
        }

        return [.. spaces];
    }

    /// <summary>
    /// Whether any white space is other than a single ASCII space or a lone ideographic space. The
    /// search jumps from one space character to the next; most of a Chinese paragraph has none.
    /// </summary>
    private static bool NeedsCollapse(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(SpaceCharacters);
            if (found < 0)
            {
                return false;
            }

            var i = offset + found;
            var c = text[i];
            if (c is not (' ' or '\u3000') || (i + 1 < text.Length && IsSpace(text[i + 1])))
            {
                return true;
            }

            offset = i + 1;
        }
    }
}
