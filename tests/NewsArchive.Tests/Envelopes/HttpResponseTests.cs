using System.IO.Compression;
using System.Text;
using NewsArchive.Envelopes;

namespace NewsArchive.Tests.Envelopes;

public sealed class HttpResponseTests
{
    private const string Html = "<html><head><title>澎湖花火節延期</title></head><body><p>縣府表示，因天候不佳，花火節延至下週六舉行。</p></body></html>";

    private static readonly byte[] HtmlBytes = Encoding.UTF8.GetBytes(Html);

    private static HttpResponse Parse(byte[] message, long max = 1 << 20)
    {
        Assert.True(HttpResponse.TryParse(message, max, out var response, out var reason), reason);
        Assert.Equal(string.Empty, reason);
        return response;
    }

    private static HttpResponse Parse(string message) => Parse(Encoding.UTF8.GetBytes(message));

    private static string Refused(byte[] message, long max = 1 << 20)
    {
        Assert.False(HttpResponse.TryParse(message, max, out _, out var reason));
        return reason;
    }

    private static byte[] Encode(byte[] data, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var stream = open(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data) => Encode(data, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Zlib(byte[] data) => Encode(data, s => new ZLibStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] RawDeflate(byte[] data) => Encode(data, s => new DeflateStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Brotli(byte[] data) => Encode(data, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static string Body(HttpResponse response) => Encoding.UTF8.GetString(response.Body);

    [Fact]
    public void TryParse_StatusLineHeadersAndBody_TheBodyRunsToTheEndWhateverContentLengthSays()
    {
        var response = Parse($"HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: Text/HTML; Charset=\"Big5\"\r\nContent-Length: 9\r\n\r\n{Html}");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("Big5", response.Charset);
        Assert.Equal(Html, Body(response));
        Assert.Empty(response.Warnings);
        Assert.True(response.IsHtml);
    }

    [Theory]
    [InlineData("HTTP/1.0 404 Not Found", 404)]
    [InlineData("HTTP/2 200", 200)]
    [InlineData("http/1.1 301 Moved Permanently", 301)]
    [InlineData("HTTP/1.1   204   No Content", 204)]
    public void TryParse_StatusLines(string line, int status) => Assert.Equal(status, Parse(line + "\r\n\r\n").Status);

    [Theory]
    [InlineData("ICY 200 OK")]
    [InlineData("HTTP/1.1 OK")]
    [InlineData("HTTP/1.1 2000 OK")]
    [InlineData("HTTP/1.1")]
    [InlineData("<html><body>")]
    public void TryParse_NoStatusLine_IsRefused(string line)
    {
        Assert.Equal($"not an HTTP response (it opens with \"{line}\")", Refused(Encoding.UTF8.GetBytes(line + "\r\n\r\nbody")));
    }

    [Fact]
    public void TryParse_NoBlankLine_IsRefused()
    {
        Assert.Equal("an HTTP response without the blank line that ends its header", Refused("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"u8.ToArray()));
    }

    [Fact]
    public void TryParse_BareLineFeeds_FoldedHeaderAndTheLastFieldWins()
    {
        var response = Parse("HTTP/1.0 200 OK\nContent-Type: text/plain\nContent-Type: text/html;\n charset=utf-8\n\n<p>body</p>");

        Assert.Equal("text/html", response.MediaType);
        Assert.Equal("utf-8", response.Charset);
        Assert.Equal("<p>body</p>", Body(response));
    }

    [Fact]
    public void TryParse_EmptyBody()
    {
        var response = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");

        Assert.Empty(response.Body);
        Assert.Null(response.Charset);
    }

    [Fact]
    public void TryParse_Chunked_IsJoined_ExtensionsAndTrailersIgnored()
    {
        var response = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n<p>He\r\n"
            + "a;name=\"value\";x\r\nllo, world\r\n"
            + "5 ; ext\r\n</p>\n\r\n"
            + "0\r\nX-Trailer: yes\r\n\r\n");

        Assert.Equal("<p>Hello, world</p>\n", Body(response));
        Assert.Empty(response.Warnings);
    }

    [Fact]
    public void TryParse_ChunkedNamedAmongOtherCodings_IsUndone()
    {
        var response = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: identity, Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        Assert.Equal("abc", Body(response));
    }

    [Fact]
    public void TryParse_ChunkedCutShort_KeepsTheChunksThereAndWarns()
    {
        var response = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n10\r\nbcd");

        Assert.Equal("<p>abcd", Body(response));
        Assert.Equal(["the HTTP body's chunked encoding ends early: read the chunks that are there"], response.Warnings.ToArray());
    }

    [Fact]
    public void TryParse_ChunkedWithoutTheZeroChunk_Warns()
    {
        var response = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");

        Assert.Equal("abc", Body(response));
        Assert.Single(response.Warnings);
    }

    [Fact]
    public void TryParse_ChunkedThenGzip_AreBothUndone()
    {
        var gzip = Gzip(HtmlBytes);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray();
        var split = gzip.Length / 2;
        byte[] message =
        [
            .. head,
            .. Encoding.ASCII.GetBytes($"{split:x}\r\n"), .. gzip.AsSpan(0, split), .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{gzip.Length - split:X}\r\n"), .. gzip.AsSpan(split), .. "\r\n"u8,
            .. "0\r\n\r\n"u8,
        ];

        var response = Parse(message);

        Assert.Equal(Html, Body(response));
        Assert.Equal("UTF-8", response.Charset);
        Assert.Empty(response.Warnings);
    }

    [Fact]
    public void TryDechunk_ReportsWhetherTheZeroChunkCame()
    {
        Assert.True(HttpResponse.TryDechunk("2\r\nab\r\n1\r\nc\r\n0\r\n\r\n"u8, 100, out var data, out var complete));
        Assert.Equal("abc"u8.ToArray(), data);
        Assert.True(complete);

        Assert.True(HttpResponse.TryDechunk("2\r\nab\r\nzz\r\nc\r\n"u8, 100, out data, out complete));
        Assert.Equal("ab"u8.ToArray(), data);
        Assert.False(complete);

        Assert.True(HttpResponse.TryDechunk(""u8, 100, out data, out complete));
        Assert.Empty(data);
        Assert.False(complete);
    }

    [Fact]
    public void TryDechunk_BareLineFeedsAndUpperCaseHex()
    {
        var body = "1A\n" + new string('x', 26) + "\n0\n\n";

        Assert.True(HttpResponse.TryDechunk(Encoding.ASCII.GetBytes(body), 100, out var data, out var complete));

        Assert.Equal(new string('x', 26), Encoding.ASCII.GetString(data));
        Assert.True(complete);
    }

    [Fact]
    public void TryDechunk_OverTheLimit_IsFalse()
    {
        Assert.False(HttpResponse.TryDechunk("5\r\nabcde\r\n6\r\nfghijk\r\n0\r\n\r\n"u8, 10, out var data, out _));
        Assert.Empty(data);
        Assert.True(HttpResponse.TryDechunk("5\r\nabcde\r\n5\r\nfghij\r\n0\r\n\r\n"u8, 10, out data, out _));
        Assert.Equal(10, data.Length);
    }

    [Fact]
    public void TryDechunk_HugeSizes_NeitherThrowNorReadPastTheBody()
    {
        Assert.True(HttpResponse.TryDechunk("FFFFFFFFFFFFFFFF\r\nabc"u8, 100, out var data, out var complete));
        Assert.Empty(data);
        Assert.False(complete);

        Assert.True(HttpResponse.TryDechunk("1\r\na\r\n7FFFFFFFFFFFFFFF\r\nbc"u8, 100, out data, out complete));
        Assert.Equal("abc"u8.ToArray(), data);
        Assert.False(complete);

        Assert.False(HttpResponse.TryDechunk("7FFFFFFFFFFFFFFF\r\nbc"u8, 100, out _, out _));
    }

    [Fact]
    public void TryParse_ChunkedOverTheLimit_IsRefused()
    {
        Assert.Equal("an HTTP body over the 4-byte limit", Refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n"u8.ToArray(), max: 4));
    }

    [Fact]
    public void TryParse_BodyOverTheLimit_IsRefused()
    {
        Assert.Equal("an HTTP body of 5 bytes, over the 4-byte limit", Refused("HTTP/1.1 200 OK\r\n\r\nabcde"u8.ToArray(), max: 4));
    }

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "gzip", Gzip(HtmlBytes) },
        { "x-gzip", Gzip(HtmlBytes) },
        { "GZIP", Gzip(HtmlBytes) },
        { "deflate", Zlib(HtmlBytes) },
        { "deflate", RawDeflate(HtmlBytes) },
        { "br", Brotli(HtmlBytes) },
        { "identity", HtmlBytes },
        { "gzip, br", Brotli(Gzip(HtmlBytes)) },
        { "deflate,gzip", Gzip(Zlib(HtmlBytes)) },
        { "br, identity, gzip", Gzip(Brotli(HtmlBytes)) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TryParse_ContentEncodings_AreUndoneLastFirst(string encoding, byte[] body)
    {
        var response = Parse(WarcFiles.Http(body, headers: ("Content-Encoding", encoding)));

        Assert.Equal(Html, Body(response));
        Assert.Empty(response.Warnings);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public void TryParse_BodySaidToBeEncodedButNot_IsReadAsItIs(string encoding)
    {
        var response = Parse(WarcFiles.Http(HtmlBytes, headers: ("Content-Encoding", encoding)));

        Assert.Equal(Html, Body(response));
        Assert.Equal([$"the HTTP body says Content-Encoding {encoding} but is not: read as it is"], response.Warnings.ToArray());
    }

    [Fact]
    public void TryParse_SecondEncodingNotThere_StopsUndoingAndWarnsOnce()
    {
        // Said to be deflate then gzip; the crawler undid the gzip alone.
        var zlib = Zlib(HtmlBytes);
        var response = Parse(WarcFiles.Http(zlib, headers: ("Content-Encoding", "deflate, gzip")));

        Assert.Equal(zlib, response.Body);
        Assert.Equal(["the HTTP body says Content-Encoding gzip but is not: read as it is"], response.Warnings.ToArray());
    }

    [Fact]
    public void TryParse_UnknownEncoding_IsRefused()
    {
        var reason = Refused(WarcFiles.Http(HtmlBytes, headers: ("Content-Encoding", "Compress")));

        Assert.Equal("the HTTP body's Content-Encoding \"Compress\" is not one this reads (gzip, deflate, br)", reason);
    }

    [Fact]
    public void TryParse_DecodedOverTheLimit_IsRefused()
    {
        var big = new byte[50_000];
        var reason = Refused(WarcFiles.Http(Gzip(big), headers: ("Content-Encoding", "gzip")), max: 10_000);

        Assert.Equal("the HTTP body decodes to over the 10000-byte limit", reason);
    }

    [Fact]
    public void TryParse_InterimResponses_ArePassedOver()
    {
        var response = Parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=big5\r\n\r\n<p>final</p>");

        Assert.Equal(200, response.Status);
        Assert.Equal("big5", response.Charset);
        Assert.Equal("<p>final</p>", Body(response));
    }

    [Fact]
    public void TryParse_SwitchingProtocols_IsTheResponse()
    {
        Assert.Equal(101, Parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\nHTTP/1.1 200 OK\r\n\r\n").Status);
    }

    [Fact]
    public void TryParse_InterimResponseAlone_IsTheResponse()
    {
        Assert.Equal(100, Parse("HTTP/1.1 100 Continue\r\n\r\n").Status);
    }

    [Theory]
    [InlineData("text/html", "text/html", null)]
    [InlineData("TEXT/HTML; CHARSET=UTF-8", "text/html", "UTF-8")]
    [InlineData("text/html; charset=\"big5\"", "text/html", "big5")]
    [InlineData("text/html; charset='utf-8'", "text/html", "utf-8")]
    [InlineData("text/html;charset= \" gb2312 \" ", "text/html", "gb2312")]
    [InlineData("text/html; boundary=x; Charset=utf-8", "text/html", "utf-8")]
    [InlineData("text/html; charset=", "text/html", null)]
    [InlineData("text/html; charset=\"\"", "text/html", null)]
    [InlineData("application/http; msgtype=response", "application/http", null)]
    [InlineData(" Application/XHTML+XML ", "application/xhtml+xml", null)]
    [InlineData("; charset=utf-8", null, "utf-8")]
    [InlineData("", null, null)]
    [InlineData("   ", null, null)]
    [InlineData(null, null, null)]
    public void ParseMediaType_LowerCasesTheTypeAndUnquotesTheCharset(string? contentType, string? media, string? charset)
    {
        Assert.Equal(media, HttpResponse.ParseMediaType(contentType, out var parsed));
        Assert.Equal(charset, parsed);
    }

    [Theory]
    [InlineData("text/html", "<p>x</p>", true)]
    [InlineData("application/xhtml+xml", "<p>x</p>", true)]
    [InlineData("text/plain", "<html></html>", false)]
    [InlineData("application/json", "{\"a\":1}", false)]
    [InlineData("", "<!DOCTYPE HTML><html></html>", true)]
    [InlineData("", "\uFEFF  <html lang=\"zh-TW\">", true)]
    [InlineData("", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true)]
    [InlineData("", "{\"html\": \"<html>\"}", false)]
    [InlineData("", "plain text", false)]
    public void IsHtml_ByTypeOrByOpeningMarkup(string contentType, string body, bool expected)
    {
        var response = Parse(WarcFiles.Http(Encoding.UTF8.GetBytes(body), contentType));

        Assert.Equal(expected, response.IsHtml);
    }
}
