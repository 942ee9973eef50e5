using System.Globalization;
using System.IO.Compression;
using System.Text;
using NewsArchive.Envelopes;

namespace NewsArchive.Tests.Envelopes;

/// <summary>
/// WARC files written for the tests as ISO 28500 lays a record out: the version line, the named
/// fields, a blank line, <c>Content-Length</c> bytes of block and CR LF CR LF; plain, gzip-compressed
/// a member per record, or all in one member.
/// </summary>
internal static class WarcFiles
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static int recordNumber;

    /// <summary>An invented news page, its paragraph numbered so that pages differ.</summary>
    public static string Page(int number) =>
        $"<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\"><head><meta charset=\"utf-8\"><title>新竹縣試辦社區巴士 第{number}號</title></head>"
        + $"<body><article><h1>新竹縣試辦社區巴士</h1><p>（本報新竹訊）縣府今天宣布，第{number}條社區巴士路線下月起試辦三個月，票價十元。</p></article></body></html>\n";

    /// <summary>One record: <paramref name="fields"/> after the version line and <c>WARC-Type</c>, then <c>Content-Length</c>.</summary>
    public static byte[] Record(string type, IEnumerable<(string Name, string Value)> fields, byte[] block, string version = "1.1")
    {
        var head = new StringBuilder();
        head.Append("WARC/").Append(version).Append("\r\n");
        head.Append("WARC-Type: ").Append(type).Append("\r\n");
        foreach (var (name, value) in fields)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return [.. Utf8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    /// <summary>The fields every record has: its ID and date, then the given ones.</summary>
    public static IEnumerable<(string Name, string Value)> Common(string date, params (string Name, string Value)[] more)
    {
        var number = Interlocked.Increment(ref recordNumber);
        yield return ("WARC-Record-ID", $"<urn:uuid:00000000-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}>");
        yield return ("WARC-Date", date);
        foreach (var field in more)
        {
            yield return field;
        }
    }

    /// <summary>A <c>response</c> record holding an HTTP response message.</summary>
    public static byte[] Response(string uri, byte[] http, string date = "2024-11-01T02:03:04Z", string version = "1.1") =>
        Record("response", Common(date, ("WARC-Target-URI", uri), ("Content-Type", "application/http; msgtype=response")), http, version);

    /// <summary>A <c>response</c> record of a 200 HTML page.</summary>
    public static byte[] HtmlResponse(string uri, string html, string date = "2024-11-01T02:03:04Z", string version = "1.1") =>
        Response(uri, Http(Utf8.GetBytes(html)), date, version);

    /// <summary>A <c>resource</c> record whose block is the page itself.</summary>
    public static byte[] Resource(string uri, byte[] block, string contentType, string date = "2024-11-01T02:03:04Z")
    {
        var fields = contentType.Length == 0
            ? Common(date, ("WARC-Target-URI", uri))
            : Common(date, ("WARC-Target-URI", uri), ("Content-Type", contentType));
        return Record("resource", fields, block);
    }

    /// <summary>A <c>warcinfo</c> record, as a crawler opens its file with.</summary>
    public static byte[] Warcinfo() =>
        Record("warcinfo", Common("2024-11-01T00:00:00Z", ("Content-Type", "application/warc-fields")), "software: test-crawler/1.0\r\nformat: WARC File Format 1.1\r\n"u8.ToArray());

    /// <summary>A <c>request</c> record for <paramref name="uri"/>.</summary>
    public static byte[] Request(string uri) =>
        Record("request", Common("2024-11-01T02:03:03Z", ("WARC-Target-URI", uri), ("Content-Type", "application/http; msgtype=request")), Utf8.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    /// <summary>A <c>revisit</c> record for <paramref name="uri"/>.</summary>
    public static byte[] Revisit(string uri) =>
        Record("revisit", Common("2024-11-02T02:03:04Z", ("WARC-Target-URI", uri), ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"), ("Content-Type", "application/http; msgtype=response")), "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8.ToArray());

    /// <summary>An HTTP response message: status line, <c>Content-Type</c>, the other headers, a blank line, the body.</summary>
    public static byte[] Http(byte[] body, string contentType = "text/html; charset=utf-8", string status = "200 OK", params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append("\r\n");
        if (contentType.Length > 0)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>One gzip member holding <paramref name="data"/>.</summary>
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A member per record, as most crawlers write a <c>.warc.gz</c>.</summary>
    public static byte[] GzipPerRecord(IEnumerable<byte[]> records) => [.. records.SelectMany(Gzip)];

    /// <summary>Where each part starts when the parts are written one after another.</summary>
    public static long[] Offsets(IEnumerable<byte[]> parts)
    {
        var offsets = new List<long>();
        long at = 0;
        foreach (var part in parts)
        {
            offsets.Add(at);
            at += part.Length;
        }

        return [.. offsets];
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The entries of a WARC file, read as the envelope reads it; more than <paramref name="limit"/>
    /// fails the test, so that a reader that loops cannot hang it.
    /// </summary>
    public static List<EnvelopeEntry> ReadAll(byte[] file, EnvelopeOptions? options = null, int limit = 10_000, Stream? stream = null)
    {
        var entries = new List<EnvelopeEntry>();
        foreach (var entry in WarcEnvelope.Read(stream ?? new MemoryStream(file, writable: false), "crawl.warc", options))
        {
            entries.Add(entry);
            Assert.True(entries.Count <= limit, $"more than {limit} entries: the reader does not end");
        }

        return entries;
    }

    public static EnvelopeEntry.Item Item(EnvelopeEntry entry) => Assert.IsType<EnvelopeEntry.Item>(entry);

    public static string BodyText(EnvelopeEntry entry) => Utf8.GetString(Item(entry).Input.Bytes.Span);
}

/// <summary>A stream that gives at most a few bytes a read, as a pipe or a slow disk may.</summary>
internal sealed class TrickleStream(byte[] data, int most) : Stream
{
    private int position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        var count = Math.Min(Math.Min(most, destination.Length), data.Length - position);
        data.AsSpan(position, count).CopyTo(destination);
        position += count;
        return count;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
