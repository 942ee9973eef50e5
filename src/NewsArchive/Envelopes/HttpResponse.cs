using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsArchive.Envelopes;

/// <summary>An HTTP response as a WARC <c>response</c> record holds it, its body decoded.</summary>
/// <param name="Status">The status code (<c>200</c>).</param>
/// <param name="MediaType">The Content-Type's media type, lower-cased (<c>text/html</c>), or null.</param>
/// <param name="Charset">The Content-Type's charset parameter, or null.</param>
/// <param name="Body">The body, transfer and content encodings undone.</param>
/// <param name="Warnings">What had to be repaired or left as it was.</param>
internal sealed record HttpResponse(int Status, string? MediaType, string? Charset, byte[] Body, ImmutableArray<string> Warnings)
{
    /// <summary>A chunk size line longer than this is no chunk size.</summary>
    private const int MaxChunkLine = 1024;

    /// <summary>
    /// Reads a response message: the status line, the header fields up to the blank line (a bare LF
    /// ends a line too, as old crawlers wrote), then the body with <c>Transfer-Encoding: chunked</c>
    /// and <c>Content-Encoding</c> (gzip, deflate, br, in the order applied) undone. An interim
    /// <c>1xx</c> response before the final one is passed over. A body that says it is encoded but
    /// is not is kept as it is, with a warning.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> message, long maxBytes, out HttpResponse response, out string reason)
    {
        response = null!;
        {
            if (!TryFinalHead(ref message, out var fields, out var status, out var bodyStart, out reason))
            {
                return false;
            }

            var body = message[bodyStart..];
            var warnings = ImmutableArray.CreateBuilder<string>();
            var mediaType = ParseMediaType(Field(fields, "Content-Type"), out var charset);
            byte[] data;
            if (Field(fields, "Transfer-Encoding") is { } transfer && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryDechunk(body, maxBytes, out data, out var complete))
                {
                    reason = $"an HTTP body over the {maxBytes}-byte limit";
                    return false;
                }

                if (!complete)
                {
                    warnings.Add("the HTTP body's chunked encoding ends early: read the chunks that are there");
                }
            }
            else
            {
                if (body.Length > maxBytes)
                {
                    reason = $"an HTTP body of {body.Length} bytes, over the {maxBytes}-byte limit";
                    return false;
                }

                data = body.ToArray();
            }

            if (Field(fields, "Content-Encoding") is { } encodings)
            {
                // Encodings are listed in the order they were applied: undo the last first.
                var names = encodings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                for (var i = names.Length - 1; i >= 0; i--)
                {
                    var name = names[i].ToLowerInvariant();
                    if (name is "identity")
                    {
                        continue;
                    }

                    if (name is not ("gzip" or "x-gzip" or "deflate" or "br"))
                    {
                        reason = $"the HTTP body's Content-Encoding \"{names[i]}\" is not one this reads (gzip, deflate, br)";
                        return false;
                    }

                    switch (Decompress(data, name, maxBytes, out var decoded))
                    {
                        case DecompressResult.Done:
                            data = decoded;
                            break;
                        case DecompressResult.TooLarge:
                            reason = $"the HTTP body decodes to over the {maxBytes}-byte limit";
                            return false;
                        default:
                            // A crawler that stored the body decoded kept the header that says otherwise.
                            warnings.Add($"the HTTP body says Content-Encoding {name} but is not: read as it is");
                            i = 0;
                            break;
                    }
                }
            }

            response = new HttpResponse(status, mediaType, charset, data, warnings.ToImmutable());
            reason = string.Empty;
            return true;
        }
    }

    /// <summary>
    /// The final response's status and media type, its body left alone: what decides whether the
    /// response is a page before its body is decoded.
    /// </summary>
    public static bool TryReadHead(ReadOnlySpan<byte> message, out int status, out string? mediaType)
    {
        mediaType = null;
        if (!TryFinalHead(ref message, out var fields, out status, out _, out _))
        {
            return false;
        }

        mediaType = ParseMediaType(Field(fields, "Content-Type"), out _);
        return true;
    }

    /// <summary>
    /// The head of the final response: an interim <c>1xx</c> response before it is passed over, and
    /// <paramref name="message"/> is left at the final one.
    /// </summary>
    private static bool TryFinalHead(ref ReadOnlySpan<byte> message, out List<KeyValuePair<string, string>> fields, out int status, out int bodyStart, out string reason)
    {
        while (true)
        {
            if (!TrySplitHead(message, out var statusLine, out fields, out bodyStart))
            {
                status = 0;
                reason = "an HTTP response without the blank line that ends its header";
                return false;
            }

            if (!TryStatus(statusLine, out status))
            {
                reason = $"not an HTTP response (it opens with \"{Preview(statusLine)}\")";
                return false;
            }

            var body = message[bodyStart..];
            if (status is >= 100 and < 200 && status != 101 && body.Length > 0)
            {
                message = body;
                continue;
            }

            reason = string.Empty;
            return true;
        }
    }

    /// <summary>Whether the response is a page: HTML or XHTML by its type, or by its opening markup when it has none.</summary>
    public bool IsHtml => MediaType switch
    {
        "text/html" or "application/xhtml+xml" => true,
        null => LooksLikeHtml(Body),
        _ => false,
    };

    /// <summary>A body with no type that opens, after white space, with an HTML document's markup.</summary>
    internal static bool LooksLikeHtml(ReadOnlySpan<byte> body)
    {
        var head = body[..Math.Min(body.Length, 1024)];
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith('<') && text.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A Content-Type's media type, lower-cased, and its charset parameter (unquoted), or nulls.</summary>
    public static string? ParseMediaType(string? contentType, out string? charset)
    {
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var parts = contentType.Split(';');
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim();
                charset = value.Length == 0 ? null : value;
            }
        }

        var media = parts[0].Trim().ToLowerInvariant();
        return media.Length == 0 ? null : media;
    }

    /// <summary>
    /// Undoes <c>Transfer-Encoding: chunked</c>: hex size lines (extensions after <c>;</c> ignored),
    /// each chunk's data, up to the zero chunk. <paramref name="complete"/> is false when the body
    /// ends before the zero chunk; false is returned only when the data would be over the limit.
    /// </summary>
    internal static bool TryDechunk(ReadOnlySpan<byte> body, long maxBytes, out byte[] data, out bool complete)
    {
        using var output = new MemoryStream();
        complete = false;
        var at = 0;
        while (at < body.Length)
        {
            var newline = body[at..].IndexOf((byte)'\n');
            if (newline < 0 || newline > MaxChunkLine)
            {
                break;
            }

            var line = Encoding.Latin1.GetString(body.Slice(at, newline)).Trim();
            at += newline + 1;
            var semicolon = line.IndexOf(';');
            var sizeText = semicolon >= 0 ? line[..semicolon].Trim() : line;
            if (sizeText.Length == 0 && output.Length > 0)
            {
                // The CR LF after a chunk's data, where a writer left a bare one.
                continue;
            }

            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                break;
            }

            if (size == 0)
            {
                complete = true;
                break;
            }

            if (output.Length + size > maxBytes)
            {
                data = [];
                return false;
            }

            var take = (int)Math.Min(size, body.Length - at);
            output.Write(body.Slice(at, take));
            at += take;
            if (take < size)
            {
                break;
            }

            // The CR LF that closes the chunk's data.
            if (at < body.Length && body[at] == '\r')
            {
                at++;
            }

            if (at < body.Length && body[at] == '\n')
            {
                at++;
            }
        }

        data = output.ToArray();
        return true;
    }

    private enum DecompressResult
    {
        Done,
        NotEncoded,
        TooLarge,
    }

    private static DecompressResult Decompress(byte[] data, string encoding, long maxBytes, out byte[] decoded)
    {
        decoded = [];
        if (encoding is "deflate")
        {
            // "deflate" is zlib-wrapped by the standard, raw in what some servers send.
            var zlib = Decompress(data, input => new ZLibStream(input, CompressionMode.Decompress), maxBytes, out decoded);
            return zlib == DecompressResult.NotEncoded ? Decompress(data, input => new DeflateStream(input, CompressionMode.Decompress), maxBytes, out decoded) : zlib;
        }

        return encoding is "br"
            ? Decompress(data, input => new BrotliStream(input, CompressionMode.Decompress), maxBytes, out decoded)
            : Decompress(data, input => new GZipStream(input, CompressionMode.Decompress), maxBytes, out decoded);
    }

    private static DecompressResult Decompress(byte[] data, Func<Stream, Stream> open, long maxBytes, out byte[] decoded)
    {
        decoded = [];
        try
        {
            using var input = new MemoryStream(data, writable: false);
            using var stream = open(input);
            using var output = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return DecompressResult.TooLarge;
                }

                output.Write(chunk, 0, read);
            }

            if (output.Length == 0 && data.Length > 0)
            {
                return DecompressResult.NotEncoded;
            }

            decoded = output.ToArray();
            return DecompressResult.Done;
        }
        catch (InvalidDataException)
        {
            return DecompressResult.NotEncoded;
        }
        catch (IOException)
        {
            return DecompressResult.NotEncoded;
        }
        catch (InvalidOperationException)
        {
            // What BrotliStream throws for data that is no Brotli.
            return DecompressResult.NotEncoded;
        }
    }

    /// <summary>The status line, the header fields (continuation lines joined) and where the body starts.</summary>
    private static bool TrySplitHead(ReadOnlySpan<byte> message, out string statusLine, out List<KeyValuePair<string, string>> fields, out int bodyStart)
    {
        statusLine = string.Empty;
        fields = [];
        bodyStart = 0;
        var at = 0;
        var first = true;
        while (true)
        {
            var newline = message[at..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return false;
            }

            var raw = message.Slice(at, newline);
            at += newline + 1;
            if (raw.Length > 0 && raw[^1] == '\r')
            {
                raw = raw[..^1];
            }

            var line = System.Text.Unicode.Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : Encoding.Latin1.GetString(raw);
            if (first)
            {
                statusLine = line;
                first = false;
                continue;
            }

            if (line.Length == 0)
            {
                bodyStart = at;
                return true;
            }

            if (line[0] is ' ' or '\t' && fields.Count > 0)
            {
                fields[^1] = KeyValuePair.Create(fields[^1].Key, fields[^1].Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
    }

    /// <summary><c>HTTP/1.1 200 OK</c> (or <c>HTTP/1.0</c>, <c>HTTP/2</c>) gives 200.</summary>
    internal static bool TryStatus(string line, out int status)
    {
        status = 0;
        if (!line.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[1].Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out status);
    }

    private static string? Field(List<KeyValuePair<string, string>> fields, string name)
    {
        // The last one wins, as a browser takes it.
        string? found = null;
        foreach (var (key, value) in fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                found = value;
            }
        }

        return found;
    }

    private static string Preview(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
