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
        string escaped = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => string.Empty,
        };

        if (escaped.Length == 0)
        {
            if (!WillEncode(unicodeScalar))
            {
                if (!Rune.TryCreate(unicodeScalar, out var rune) || !rune.TryEncodeToUtf16(output, out numberOfCharactersWritten))
                {
                    numberOfCharactersWritten = 0;
                    return false;
                }

                return true;
            }

            escaped = unicodeScalar <= 0xFFFF ? $"\\u{unicodeScalar:X4}" : "\\uFFFD";
        }

        if (escaped.Length > output.Length)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        escaped.AsSpan().CopyTo(output);
        numberOfCharactersWritten = escaped.Length;
        return true;
    }
}
