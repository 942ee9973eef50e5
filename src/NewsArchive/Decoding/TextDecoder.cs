using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace NewsArchive.Decoding;

/// <summary>
/// Bytes to text, as a browser decides: gzip is unpacked, then a BOM decides (UTF-8, UTF-16 LE/BE),
/// then the charset the transport declares (an HTTP Content-Type), then the one the page declares in
/// its first 1,024 bytes (<see cref="CharsetPrescan"/>), then for undeclared bytes that are not UTF-8,
/// detection (Big5, GB18030, EUC-JP, EUC-KR, Shift_JIS: <see cref="CharsetDetection"/>), else UTF-8 with
/// replacement characters and a warning. A declaration the bytes contradict (Big5 declared, valid UTF-8
/// found) is overruled, with a warning. Line endings become <c>\n</c>; NUL and other control characters
/// are dropped with a warning.
/// </summary>
internal sealed class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding StrictBig5 = CreateStrictBig5();
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Signatures of files that are clearly not text, checked before any decoding.</summary>
    private static readonly ImmutableArray<(byte[] Magic, string Kind)> BinarySignatures =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([(byte)'G', (byte)'I', (byte)'F', (byte)'8'], "GIF image"),
        ([(byte)'R', (byte)'I', (byte)'F', (byte)'F'], "RIFF media file"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "ZIP archive"),
        ([(byte)'%', (byte)'P', (byte)'D', (byte)'F'], "PDF document"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "ELF executable"),
        ([(byte)'B', (byte)'Z', (byte)'h'], "bzip2 archive"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z'], "xz archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "7z archive"),
        ([0x00, 0x00, 0x01, 0x00], "icon image"),
        ([(byte)'w', (byte)'O', (byte)'F', (byte)'F'], "web font"),
        ([0x1A, 0x45, 0xDF, 0xA3], "Matroska/WebM video"),
        ([(byte)'O', (byte)'g', (byte)'g', (byte)'S'], "Ogg media"),
        ([(byte)'I', (byte)'D', (byte)'3'], "MP3 audio"),
        ([0x00, 0x01, 0x00, 0x00], "TrueType font"),
        ([(byte)'B', (byte)'u', (byte)'d', (byte)'1'], "macOS metadata (.DS_Store)"),
        ([0x00, 0x00, 0x00, 0x01, (byte)'B', (byte)'u', (byte)'d', (byte)'1'], "macOS metadata (.DS_Store)"),
        ([0x00, 0x00, 0x00], "binary data"),
    ];

    /// <summary>C0 controls but tab and LF; CR too, since line endings become LF.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly DecoderOptions options;

    public TextDecoder(DecoderOptions? options = null) => this.options = options ?? DecoderOptions.Default;

    public bool TryDecode(ReadOnlySpan<byte> bytes, out DecodedText decoded, out string reason) =>
        TryDecode(bytes, transportCharset: null, out decoded, out reason);

    /// <param name="bytes">The input.</param>
    /// <param name="transportCharset">The charset the transport declared (an HTTP Content-Type's), or null.</param>
    /// <param name="decoded">The text.</param>
    /// <param name="reason">Why there is none.</param>
    public bool TryDecode(ReadOnlySpan<byte> bytes, string? transportCharset, out DecodedText decoded, out string reason)
    {
        decoded = null!;
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (bytes.Length > options.MaxBytes)
        {
            reason = $"file is {bytes.Length} bytes, over the {options.MaxBytes}-byte limit";
            return false;
        }

        byte[]? unpacked = null;
        if (IsGzip(bytes))
        {
            if (!TryGunzip(bytes, out unpacked, out reason))
            {
                return false;
            }

            if (!GzipLengthMatches(bytes, unpacked.Length))
            {
                if (unpacked.Length == 0)
                {
                    reason = "truncated gzip data (nothing could be decompressed)";
                    return false;
                }

                warnings.Add($"gzip data is truncated or damaged: read the {unpacked.Length} bytes that could be decompressed");
            }

            // Decompressing is a fact about the container, not a doubt about the record: no warning,
            // so --strict takes gzip archives as it takes plain ones.
            bytes = unpacked;
        }

        if (bytes.IsEmpty || IsBlank(bytes))
        {
            reason = "empty file";
            return false;
        }

        string text;
        string encodingName;
        var declaredLabel = transportCharset ?? CharsetPrescan.Find(bytes);
        var declared = CharsetLabels.CodePage(declaredLabel);
        if (TryDecodeWithBom(bytes, warnings, out text, out encodingName))
        {
        }
        else if (declared is { } page && page != Utf8CodePage && TryDecodeDeclared(bytes, page, declaredLabel!, warnings, out text))
        {
            encodingName = CharsetLabels.Name(page).ToLowerInvariant();
        }
        else if (TryDecodeValidUtf8(bytes, out text, out var needsCleaning))
        {
            if (!needsCleaning && !string.IsNullOrWhiteSpace(text))
            {
                // The common case: nothing to repair, so nothing to clean either.
                decoded = new DecodedText(text, "utf-8", warnings.ToImmutable());
                reason = string.Empty;
                return true;
            }

            encodingName = "utf-8";
        }
        else if (bytes.IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // Valid UTF-8 that holds a real U+FFFD.
            text = Encoding.UTF8.GetString(bytes);
            encodingName = "utf-8";
        }
        else if (DescribeBinary(bytes) is { } binaryKind)
        {
            reason = $"not a text file ({binaryKind})";
            return false;
        }
        else if (TryDecodeStrict(StrictUtf8, bytes, out text))
        {
            encodingName = "utf-8";
        }
        else if (CharsetDetection.Detect(bytes) is { } detected && TryDecodeStrict(CharsetLabels.Strict(detected), bytes, out text))
        {
            var name = CharsetLabels.Name(detected);
            encodingName = name.ToLowerInvariant();
            warnings.Add(declared == Utf8CodePage
                ? $"declared {declaredLabel} but is not UTF-8: transcoded from {name} to UTF-8"
                : $"transcoded from {name} to UTF-8");
        }
        else if (LooksLikeBig5(bytes) && TryDecodeStrict(StrictBig5, bytes, out text))
        {
            encodingName = "big5";
            warnings.Add("transcoded from Big5 to UTF-8");
        }
        else
        {
            text = DecodeRepairingUtf8(bytes, warnings);
            encodingName = "utf-8";
        }

        text = CleanText(text, warnings);
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "empty file";
            return false;
        }

        decoded = new DecodedText(text, encodingName, warnings.ToImmutable());
        reason = string.Empty;
        return true;
    }

    private const int Utf8CodePage = 65001;

    /// <summary>
    /// Bytes in the charset the page or its transport declares. Valid UTF-8 with non-ASCII in it is
    /// UTF-8 whatever the declaration says (a page re-saved by a tool that kept its old header), with a
    /// warning. Bytes the declared charset cannot decode are decoded as detection says, else with
    /// U+FFFD for each bad sequence, with a warning either way. False when the bytes are plain ASCII and
    /// UTF-8 reads them as well, or when they are UTF-8 (the caller decodes them so).
    /// </summary>
    private static bool TryDecodeDeclared(ReadOnlySpan<byte> bytes, int page, string label, ImmutableArray<string>.Builder warnings, out string text)
    {
        text = string.Empty;
        var ascii = System.Text.Ascii.IsValid(bytes);
        if (ascii)
        {
            // Every charset a page declares reads ASCII as ASCII: the UTF-8 path decodes it as well.
            return false;
        }

        if (bytes.IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            warnings.Add($"declared {label.Trim()} but is valid UTF-8: decoded as UTF-8");
            return false;
        }

        if (TryDecodeStrict(CharsetLabels.Strict(page), bytes, out text))
        {
            return true;
        }

        if (CharsetDetection.Detect(bytes) is { } detected && detected != page && TryDecodeStrict(CharsetLabels.Strict(detected), bytes, out text))
        {
            warnings.Add($"declared {label.Trim()} but is {CharsetLabels.Name(detected)}: transcoded from {CharsetLabels.Name(detected)} to UTF-8");
            return true;
        }

        text = CharsetLabels.Lenient(page).GetString(bytes);
        var replaced = text.AsSpan().Count('\uFFFD');
        warnings.Add($"invalid {CharsetLabels.Name(page)}: {Math.Max(replaced, 1)} byte sequence(s) replaced with U+FFFD");
        return true;
    }

    /// <summary>
    /// Valid UTF-8 without NUL, decoded in one transcoding pass and checked with vectorised searches of
    /// the result: an invalid byte sequence decodes to U+FFFD, so text without U+FFFD came from valid
    /// UTF-8 (text with it takes the careful path, which tells a real U+FFFD from a repaired one). NUL
    /// also takes that path, where it counts towards telling binary data from text.
    /// <paramref name="needsCleaning"/> says whether <see cref="CleanText"/> has anything to change
    /// (line endings, control characters); valid UTF-8 cannot hold an unpaired surrogate.
    /// </summary>
    internal static bool TryDecodeValidUtf8(ReadOnlySpan<byte> bytes, out string text, out bool needsCleaning)
    {
        // Transcoded into a pooled buffer, then copied once into the string: Encoding.GetString would
        // first count the characters in a pass of its own. A file too large for the pool is decoded directly.
        var pooled = bytes.Length <= MaxPooledDecodeBytes ? System.Buffers.ArrayPool<char>.Shared.Rent(bytes.Length) : null;
        try
        {
            ReadOnlySpan<char> decoded;
            string? whole = null;
            if (pooled is null)
            {
                whole = Encoding.UTF8.GetString(bytes);
                decoded = whole;
            }
            else
            {
                System.Text.Unicode.Utf8.ToUtf16(bytes, pooled, out _, out var written);
                decoded = pooled.AsSpan(0, written);
            }

            if (decoded.ContainsAny('\uFFFD', '\0'))
            {
                text = string.Empty;
                needsCleaning = false;
                return false;
            }

            needsCleaning = decoded.IndexOfAny(ControlCharacters) >= 0;
            text = whole ?? new string(decoded);
            return true;
        }
        finally
        {
            if (pooled is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(pooled);
            }
        }
    }

    /// <summary>Files up to this size are decoded through a pooled buffer (the shared pool keeps arrays up to 1 M elements).</summary>
    private const int MaxPooledDecodeBytes = 1024 * 1024;

    internal static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 0x08;

    private bool TryGunzip(ReadOnlySpan<byte> bytes, out byte[] unpacked, out string reason)
    {
        unpacked = [];
        try
        {
            using var input = new MemoryStream(bytes.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > options.MaxBytes)
                {
                    reason = $"gzip content is over the {options.MaxBytes}-byte limit";
                    return false;
                }

                output.Write(buffer, 0, read);
            }

            unpacked = output.ToArray();
            reason = string.Empty;
            return true;
        }
        catch (InvalidDataException ex)
        {
            reason = $"corrupt gzip data ({ex.Message.TrimEnd('.')})";
            return false;
        }
        catch (EndOfStreamException)
        {
            reason = "truncated gzip data";
            return false;
        }
    }

    /// <summary>
    /// A gzip member ends with its uncompressed length (mod 2^32). .NET's GZipStream stops quietly at
    /// the end of a cut-off download, so this is how a truncated archive is told from a whole one.
    /// </summary>
    private static bool GzipLengthMatches(ReadOnlySpan<byte> packed, long unpackedLength) =>
        packed.Length >= 18 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(packed[^4..]) == (uint)(unpackedLength & 0xFFFFFFFF);

    /// <summary>
    /// Text that opens with a byte-order mark. Bytes the encoding cannot decode (invalid UTF-8 after a
    /// UTF-8 BOM, an unpaired surrogate in UTF-16, an odd last byte) are replaced with U+FFFD, and a
    /// warning says how many: text that came out of repair is never passed off as clean.
    /// </summary>
    private static bool TryDecodeWithBom(ReadOnlySpan<byte> bytes, ImmutableArray<string>.Builder warnings, out string text, out string encodingName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            text = System.Text.Unicode.Utf8.IsValid(body) ? LenientUtf8.GetString(body) : DecodeRepairingUtf8(body, warnings);
            encodingName = "utf-8";
            return true;
        }

        var littleEndian = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]);
        if (littleEndian || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var units = bytes[2..];
            var whole = units[..(units.Length & ~1)];
            var strict = littleEndian ? StrictUtf16Le : StrictUtf16Be;
            encodingName = littleEndian ? "utf-16le" : "utf-16be";
            if (!TryDecodeStrict(strict, whole, out text))
            {
                text = (littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(whole);
                var replaced = text.AsSpan().Count('\uFFFD') - CountUtf16ReplacementCharacters(whole, littleEndian);
                warnings.Add($"invalid UTF-16: {Math.Max(replaced, 1)} unpaired surrogate(s) replaced with U+FFFD");
            }

            if (whole.Length != units.Length)
            {
                warnings.Add("UTF-16 text ends with an odd byte; it was dropped");
            }

            return true;
        }

        text = string.Empty;
        encodingName = string.Empty;
        return false;
    }

    /// <summary>Invalid UTF-8 decoded with U+FFFD for each bad sequence, and a warning that says how many.</summary>
    private static string DecodeRepairingUtf8(ReadOnlySpan<byte> bytes, ImmutableArray<string>.Builder warnings)
    {
        var text = LenientUtf8.GetString(bytes);
        var replaced = text.AsSpan().Count('\uFFFD') - CountReplacementCharacters(bytes);
        warnings.Add($"invalid UTF-8: {Math.Max(replaced, 1)} byte sequence(s) replaced with U+FFFD");
        return text;
    }

    /// <summary>The U+FFFD characters UTF-16 bytes hold themselves, to tell them from repairs.</summary>
    private static int CountUtf16ReplacementCharacters(ReadOnlySpan<byte> units, bool littleEndian)
    {
        var count = 0;
        for (var i = 0; i + 1 < units.Length; i += 2)
        {
            var value = littleEndian ? units[i] | (units[i + 1] << 8) : (units[i] << 8) | units[i + 1];
            if (value == 0xFFFD)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A kind name when the bytes are clearly not text: a known signature, or many NUL bytes.</summary>
    internal static string? DescribeBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, kind) in BinarySignatures)
        {
            if (bytes.StartsWith(magic))
            {
                return kind;
            }
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var nul = sample.Count((byte)0);
        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }

        return nul * 10 > sample.Length || controls * 5 > sample.Length ? "binary data" : null;
    }

    private static bool TryDecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// Big5 lead bytes are 0x81–0xFE and trail bytes 0x40–0x7E or 0xA1–0xFE; most of a Big5 file's
    /// non-ASCII bytes are not valid UTF-8. Only then is Big5 tried, so damaged UTF-8 stays UTF-8.
    /// </summary>
    private static bool LooksLikeBig5(ReadOnlySpan<byte> bytes)
    {
        var nonAscii = 0;
        var utf8Valid = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            nonAscii += consumed;
            if (status == System.Buffers.OperationStatus.Done)
            {
                utf8Valid += consumed;
            }

            i += Math.Max(consumed, 1);
        }

        return nonAscii > 0 && utf8Valid * 2 < nonAscii;
    }

    private static int CountReplacementCharacters(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        var index = bytes.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBD]);
        while (index >= 0)
        {
            count++;
            bytes = bytes[(index + 3)..];
            index = bytes.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBD]);
        }

        return count;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CRLF and lone CR become LF; NUL and other C0 controls (but tab and LF) are dropped.</summary>
    internal static string CleanText(string text, ImmutableArray<string>.Builder warnings)
    {
        if (text.AsSpan().IndexOfAny(ControlCharacters) < 0 && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var nul = 0;
        var controls = 0;
        var surrogates = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\0')
            {
                nul++;
            }
            else if (c < 0x20 && c != '\n' && c != '\t')
            {
                controls++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                surrogates++;
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        if (nul > 0)
        {
            warnings.Add($"removed {nul} NUL character(s)");
        }

        if (controls > 0)
        {
            warnings.Add($"removed {controls} control character(s)");
        }

        if (surrogates > 0)
        {
            warnings.Add($"replaced {surrogates} unpaired UTF-16 surrogate(s) with U+FFFD");
        }

        return builder.ToString();
    }

    private static Encoding CreateStrictBig5()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
