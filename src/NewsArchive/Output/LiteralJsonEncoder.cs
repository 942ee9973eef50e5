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

    public override int MaxOutputCharactersPerInputCharacter => 12;

    /// <summary>
    /// Also U+0085, U+2028 and U+2029: valid in JSON, but line breaks to Python's <c>str.splitlines</c>,
    /// JavaScript and log shippers, which would cut a JSON Lines record in two.
    /// </summary>
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\' || unicodeScalar == 0x7F
        || unicodeScalar is 0x85 or 0x2028 or 0x2029
        || (unicodeScalar >= 0xD800 && unicodeScalar <= 0xDFFF) || unicodeScalar > 0x10FFFF;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            if (WillEncode(c))
            {
                return i;
            }
        }

        return -1;
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
