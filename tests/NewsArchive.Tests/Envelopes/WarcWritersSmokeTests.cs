using System.IO.Compression;
using System.Text;
using NewsArchive.Testing;

namespace NewsArchive.Tests.Envelopes;

/// <summary>
/// The real WARC writers the envelope tests use do write WARC files: wget's crawl of pages served
/// here, compressed and plain, and warcio's records of each kind a test describes.
/// </summary>
public sealed class WarcWritersSmokeTests : IDisposable
{
    private static readonly byte[] PageOne = Encoding.UTF8.GetBytes(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>河濱步道整修完工</title></head>" +
        "<body><h1>河濱步道整修完工</h1><p>市府表示，河濱步道第一期整修今天完工，夜間照明全面更新。</p></body></html>\n");

    private static readonly byte[] PageTwo = Encoding.UTF8.GetBytes(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>社區圖書館延長開放</title></head>" +
        "<body><h1>社區圖書館延长開放</h1><p>社區圖書館自下月起週末延長開放至晚間九點。</p></body></html>\n");

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("newsarchive-warc-smoke-");

    public void Dispose() => directory.Delete(recursive: true);

    [SkippableFact]
    public void Wget_WritesGzipWarc_OfThreePages()
    {
        WarcWriters.RequireWget();
        var path = WarcWriters.WgetWarc(Pages(), Path.Combine(directory.FullName, "crawl"), out var uris);

        Assert.EndsWith(".warc.gz", path, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes is [0x1F, 0x8B, ..], "a .warc.gz starts with the gzip magic");
        AssertCrawl(Gunzip(bytes), uris);
    }

    [SkippableFact]
    public void Wget_WritesPlainWarc_WithoutCompression()
    {
        WarcWriters.RequireWget();
        var path = WarcWriters.WgetWarc(Pages(), Path.Combine(directory.FullName, "plain"), out var uris, compress: false);

        Assert.EndsWith(".warc", path, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(path);
        Assert.StartsWith("WARC/1.", Encoding.ASCII.GetString(bytes, 0, 7), StringComparison.Ordinal);
        AssertCrawl(bytes, uris);
    }

    [SkippableFact]
    public void Warcio_WritesEachRecordType()
    {
        WarcWriters.RequireWarcio();
        var captured = new DateTimeOffset(2024, 11, 5, 8, 30, 0, TimeSpan.FromHours(8));
        const string Story = "https://news.example-river.tw/2024/11/riverside-walk";
        var records = new[]
        {
            WarcioRecord.Response(Story, captured, "text/html; charset=utf-8", PageOne),
            WarcioRecord.Resource("https://news.example-river.tw/2024/11/library-hours", captured, "text/html; charset=utf-8", PageTwo),
            WarcioRecord.Revisit(Story, captured.AddDays(1), Story, captured),
            WarcioRecord.Metadata(Story, captured, "application/warc-fields", Encoding.UTF8.GetBytes("outlink: https://news.example-river.tw/\r\n")),
        };
        var path = WarcWriters.WarcioWarc(records, Path.Combine(directory.FullName, "warcio.warc.gz"));

        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes is [0x1F, 0x8B, ..], "a .warc.gz starts with the gzip magic");
        var text = Encoding.UTF8.GetString(Gunzip(bytes));
        Assert.StartsWith("WARC/1.0\r\n", text, StringComparison.Ordinal);
        foreach (var type in new[] { "response", "resource", "revisit", "metadata" })
        {
            Assert.Single(Lines(text), $"WARC-Type: {type}");
        }

        Assert.Contains($"WARC-Target-URI: {Story}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("WARC-Date: 2024-11-05T00:30:00Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("WARC-Date: 2024-11-06T00:30:00Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"WARC-Refers-To-Target-URI: {Story}\r\n", text, StringComparison.Ordinal);
        Assert.Contains("WARC-Refers-To-Date: 2024-11-05T00:30:00Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", text, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetString(PageOne), text, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetString(PageTwo), text, StringComparison.Ordinal);
        Assert.Contains("outlink: https://news.example-river.tw/", text, StringComparison.Ordinal);
    }

    private static (string UrlPath, byte[] Body, string ContentType)[] Pages() =>
    [
        ("/2024/11/riverside-walk.html", PageOne, "text/html; charset=utf-8"),
        ("/2024/11/library-hours.html?from=home", PageTwo, "text/html; charset=utf-8"),
        ("/專題/河濱 步道.html", PageOne, "text/html; charset=utf-8"),
    ];

    /// <summary>A crawl of <see cref="Pages"/>: a response for each page, at its URI, with its body.</summary>
    private static void AssertCrawl(byte[] warc, IReadOnlyList<string> uris)
    {
        var text = Encoding.UTF8.GetString(warc);
        Assert.StartsWith("WARC/1.", text, StringComparison.Ordinal);
        Assert.Equal(3, Lines(text).Count(l => l == "WARC-Type: response"));
        Assert.Equal(3, uris.Count);
        Assert.EndsWith("/2024/11/riverside-walk.html", uris[0], StringComparison.Ordinal);
        Assert.EndsWith("/2024/11/library-hours.html?from=home", uris[1], StringComparison.Ordinal);

        // wget percent-encodes the path's UTF-8 bytes and its space.
        Assert.EndsWith("/%E5%B0%88%E9%A1%8C/%E6%B2%B3%E6%BF%B1%20%E6%AD%A5%E9%81%93.html", uris[2], StringComparison.Ordinal);
        foreach (var uri in uris)
        {
            Assert.StartsWith("http://127.0.0.1:", uri, StringComparison.Ordinal);

            // wget writes the target URI in angle brackets, as WARC 1.0's examples do.
            Assert.Contains($"WARC-Target-URI: <{uri}>\r\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n", text, StringComparison.Ordinal);

        Assert.Contains(Encoding.UTF8.GetString(PageOne), text, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetString(PageTwo), text, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split("\r\n");

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
