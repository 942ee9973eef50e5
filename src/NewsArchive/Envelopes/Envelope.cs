using System.IO.Compression;

namespace NewsArchive.Envelopes;

/// <summary>What wraps a file's articles, told by its first bytes.</summary>
public enum EnvelopeKind
{
    /// <summary>Nothing: the file is one article (a post, a page, a dump; gzip-compressed or not).</summary>
    None,

    /// <summary>A WARC file, plain or gzip-compressed.</summary>
    Warc,

    /// <summary>A zip file, read as a WACZ (it says so when it is none).</summary>
    Wacz,
}

/// <summary>The envelopes: which one a file is, and its entries.</summary>
public static class Envelope
{
    /// <summary>How many of a file's first bytes <see cref="Sniff(ReadOnlySpan{byte})"/> wants.</summary>
    public const int SniffBytes = 4096;

    /// <summary>
    /// The envelope a file's first bytes show: <c>WARC/</c>, or a gzip member whose data opens with
    /// it, or a zip's local header. A gzip-compressed post or page is no envelope.
    /// </summary>
    public static EnvelopeKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("WARC/"u8))
        {
            return EnvelopeKind.Warc;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return EnvelopeKind.Wacz;
        }

        return GzipMembers.IsGzip(head) && GunzippedStart(head).StartsWith("WARC/"u8) ? EnvelopeKind.Warc : EnvelopeKind.None;
    }

    /// <summary>
    /// Reads a stream's first bytes and tells its envelope; <paramref name="replay"/> reads the
    /// stream again from its start (the bytes read, then the rest).
    /// </summary>
    public static EnvelopeKind Sniff(Stream stream, out Stream replay)
    {
        var head = new byte[SniffBytes];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        replay = new PrefixedStream(head.AsMemory(0, length), stream);
        return Sniff(head.AsSpan(0, length));
    }

    /// <summary>The entries of a file of the given kind (not <see cref="EnvelopeKind.None"/>); a WACZ that is not seekable (standard input) is copied to a temporary file first.</summary>
    public static IEnumerable<EnvelopeEntry> Read(EnvelopeKind kind, Stream stream, string path, EnvelopeOptions? options = null) => kind switch
    {
        EnvelopeKind.Warc => WarcEnvelope.Read(stream, path, options),
        EnvelopeKind.Wacz => WaczEnvelope.Read(stream, path, options),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a file of no envelope is one item"),
    };

    /// <summary>The first bytes a gzip head decompresses to, as far as the head goes.</summary>
    private static ReadOnlySpan<byte> GunzippedStart(ReadOnlySpan<byte> head)
    {
        var output = new byte[8];
        try
        {
            using var gzip = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
            var read = gzip.ReadAtLeast(output, output.Length, throwOnEndOfStream: false);
            return output.AsSpan(0, read);
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
