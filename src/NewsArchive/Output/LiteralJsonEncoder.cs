using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace NewsArchive.Output;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters), so Chinese text, including
/// characters outside the BMP such as CJK Extension B, is written as itself rather than as <c>\uXXXX</c>.
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> still escapes non-BMP characters.
/// </summary>
internal sealed class LiteralJsonEncoder : JavaScriptEncoder
{
    public static readonly LiteralJsonEncoder Instance = new();

    private LiteralJsonEncoder()
    {
    }

    /// <summary>Every character below U+D800 that <see cref="WillEncode"/> takes.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\\u007F\u0085\u2028\u2029");

    public override int MaxOutputCharactersPerInputCharacter => 12;

    /// <summary>
    /// Also U+0085, U+2028 and U+2029: valid in JSON, but line breaks to Python's <c>str.splitlines</c>,
    /// JavaScript and log shippers, which would cut a JSON Lines record in two.
    /// </summary>
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || unicodeScalar == 0x7F
        || unicodeScalar is 0x85 or 0x2028 or 0x2029
        || (unicodeScalar >= 0xD800 && unicodeScalar <= 0xDFFF) || unicodeScalar > 0x10FFFF;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        FindFirstToEncode(new ReadOnlySpan<char>(text, textLength));

    /// <summary>
    /// The index of the first character <see cref="WillEncode"/> takes, or -1: one vectorised search for
    /// the single characters and one for surrogates, where a well-formed pair is passed over.
    /// </summary>
    internal static int FindFirstToEncode(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var rest = text[offset..];
            var special = rest.IndexOfAny(Escaped);
            var searchEnd = special < 0 ? rest.Length : special;
            var surrogate = rest[..searchEnd].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (surrogate < 0)
            {
                return special < 0 ? -1 : offset + special;
            }

            var at = offset + surrogate;
            if (char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                offset = at + 2;
                continue;
            }

            return at;
        }
    }

    /// <summary>
    /// Escapes a string that holds something to escape (a text's line breaks, a quote): the runs
    /// between escapes are copied whole, where the base encoder goes one scalar at a time through
    /// <see cref="WillEncode"/> and <see cref="TryEncodeUnicodeScalar"/>. The output is the same:
    /// the two-character escapes, <c>\uXXXX</c> for the other characters <see cref="WillEncode"/>
    /// takes, and U+FFFD for a lone surrogate.
    /// </summary>
    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        var read = 0;
        var written = 0;
        while (read < source.Length)
        {
            var rest = source[read..];
            var next = FindFirstToEncode(rest);
            var run = next < 0 ? rest.Length : next;
            if (run > destination.Length - written)
            {
                // Copy what fits, never half of a surrogate pair.
                var fit = destination.Length - written;
                if (fit > 0 && char.IsHighSurrogate(rest[fit - 1]))
                {
                    fit--;
                }

                rest[..fit].CopyTo(destination[written..]);
                charsConsumed = read + fit;
                charsWritten = written + fit;
                return OperationStatus.DestinationTooSmall;
            }

            rest[..run].CopyTo(destination[written..]);
            read += run;
            written += run;
            if (next < 0)
            {
                break;
            }

            var c = source[read];
            if (char.IsHighSurrogate(c) && read + 1 == source.Length && !isFinalBlock)
            {
                // The pair's other half may come with the next block.
                charsConsumed = read;
                charsWritten = written;
                return OperationStatus.NeedMoreData;
            }

            var escape = Escape(c, out var one);
            var length = escape.IsEmpty ? 1 : escape.Length;
            if (length > destination.Length - written)
            {
                charsConsumed = read;
                charsWritten = written;
                return OperationStatus.DestinationTooSmall;
            }

            if (escape.IsEmpty)
            {
                destination[written] = one;
            }
            else
            {
                escape.CopyTo(destination[written..]);
            }

            read++;
            written += length;
        }

        charsConsumed = read;
        charsWritten = written;
        return OperationStatus.Done;
    }

    /// <summary>
    /// The escape of a character <see cref="FindFirstToEncode"/> stopped at, or an empty span and the
    /// one character written instead (U+FFFD for a lone surrogate).
    /// </summary>
    private static ReadOnlySpan<char> Escape(char c, out char one)
    {
        one = '\0';
        switch (c)
        {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
        }

        if (char.IsSurrogate(c))
        {
            one = '\uFFFD';
            return [];
        }

        return UnicodeEscapes[c < 0x80 ? c : c switch { '\u0085' => 0x80, '\u2028' => 0x81, _ => 0x82 }];
    }

    /// <summary><c>\uXXXX</c> for U+0000–U+007F, then U+0085, U+2028 and U+2029.</summary>
    private static readonly string[] UnicodeEscapes =
        [.. Enumerable.Range(0, 0x80).Append(0x85).Append(0x2028).Append(0x2029).Select(code => $"\\u{code:X4}")];

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        var index = 0;
        while (index < utf8Text.Length)
        {
            var b = utf8Text[index];
            if (b < 0x80)
            {
                if (WillEncode(b))
                {
                    return index;
                }

                index++;
                continue;
            }

            if (Rune.DecodeFromUtf8(utf8Text[index..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done || WillEncode(rune.Value))
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            if (!Rune.TryCreate(unicodeScalar, out var rune) || !rune.TryEncodeToUtf16(output, out numberOfCharactersWritten))
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            return true;
        }

        // The characters WillEncode takes are those of the escape table; a surrogate code point (which
        // the base encoder never hands over: it replaces a lone surrogate first) is written as its code.
        ReadOnlySpan<char> escaped = unicodeScalar > 0xFFFF ? "\\uFFFD"
            : char.IsSurrogate((char)unicodeScalar) ? $"\\u{unicodeScalar:X4}"
            : Escape((char)unicodeScalar, out _);
        if (escaped.Length > output.Length)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        escaped.CopyTo(output);
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
