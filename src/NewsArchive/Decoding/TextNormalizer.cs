using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsArchive.Decoding;

/// <summary>
/// Plain-text clean-up for paragraphs: trims, collapses each run of white space to one space, and
/// removes the zero-width characters that scraped pages scatter through words (U+200B–U+200D,
/// U+2060, U+FEFF): <c>特朗\u200B普</c> is <c>特朗普</c>, not <c>特朗 普</c>.
/// A lone ideographic space (U+3000) between words is kept: Chinese text uses it as a separator
/// (RTHK titles, quoted names), and folding it into an ASCII space would change the text.
/// </summary>
internal static class TextNormalizer
{
    /// <summary>As <see cref="Normalize(ReadOnlySpan{char})"/>, returning <paramref name="text"/> itself when it needs no change.</summary>
    public static string Normalize(string text)
    {
        var trimmed = TrimAll(text);
        return trimmed.Length == text.Length && !NeedsCleaning(trimmed) ? text : Normalize(trimmed);
    }

    public static string Normalize(ReadOnlySpan<char> text)
    {
        text = TrimAll(text);
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                i++;
                continue;
            }

            if (!IsSpace(c))
            {
                builder.Append(c);
                i++;
                continue;
            }

            // A run of spaces, invisible characters inside it included.
            var spaces = 0;
            var first = c;
            while (i < text.Length && (IsSpace(text[i]) || IsInvisible(text[i])))
            {
                spaces += IsSpace(text[i]) ? 1 : 0;
                i++;
            }

            builder.Append(spaces == 1 && first == '\u3000' ? '\u3000' : ' ');
        }

        return builder.ToString();
    }

    /// <summary>Trims every kind of white space, full-width and no-break spaces included, and zero-width characters.</summary>
    public static ReadOnlySpan<char> TrimAll(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlankChar(text[start]))
        {
            start++;
        }

        while (end > start && IsBlankChar(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    public static bool IsBlank(ReadOnlySpan<char> text) => TrimAll(text).IsEmpty;

    /// <summary>The text without its zero-width characters, otherwise as it is (for titles, kept verbatim).</summary>
    public static string RemoveInvisible(string text)
    {
        if (text.AsSpan().IndexOfAny(InvisibleCharacters) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsInvisible(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>How many characters of the text are neither white space nor invisible: what a reader sees of it.</summary>
    public static int CountVisible(ReadOnlySpan<char> text)
    {
        // Blank characters are few: jump from one to the next with a vectorised search.
        var count = text.Length;
        var offset = 0;
        int found;
        while ((found = text[offset..].IndexOfAny(SpecialCharacters)) >= 0)
        {
            count--;
            offset += found + 1;
        }

        return count;
    }

    /// <summary>White space, as <see cref="char.IsWhiteSpace(char)"/> defines it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => (SpaceBitmap[c >> 5] & (1u << c)) != 0;

    /// <summary>Zero-width characters: no width, no meaning in text, removed wherever they stand.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlankChar(char c) => IsSpace(c) || (c >= '\u200B' && IsInvisible(c));

    /// <summary>
    /// The definition behind <see cref="IsSpace"/>, spelled out as <see cref="char.IsWhiteSpace(char)"/>
    /// has it; a test compares the two for every char.
    /// </summary>
    private static bool IsSpaceByDefinition(char c) => c switch
    {
        <= '\u00FF' => c is ' ' or (>= '\t' and <= '\r') or '\u0085' or '\u00A0',
        < '\u2000' => c == '\u1680',
        <= '\u200A' => true,
        _ => c is '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000',
    };

    /// <summary>One bit per UTF-16 code unit (8 KB), so the test per character is a load and a mask.</summary>
    private static readonly uint[] SpaceBitmap = BuildSpaceBitmap();

    private static readonly SearchValues<char> InvisibleCharacters = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>Every space and invisible character, to find the next one in a vectorised search.</summary>
    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create([.. AllSpaces(), '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

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
    /// Whether any character is invisible, or any white space other than a single ASCII space or a lone
    /// ideographic space. The search jumps from one such character to the next; most of a Chinese
    /// paragraph has none.
    /// </summary>
    private static bool NeedsCleaning(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAny(SpecialCharacters);
            if (found < 0)
            {
                return false;
            }

            var i = offset + found;
            var c = text[i];
            if (c is not (' ' or '\u3000') || (i + 1 < text.Length && IsBlankChar(text[i + 1])))
            {
                return true;
            }

            offset = i + 1;
        }
    }
}
