using System.IO.Compression;
using System.Text;
using NewsArchive.Envelopes;
using static NewsArchive.Tests.Envelopes.WarcFiles;

namespace NewsArchive.Tests.Envelopes;

public sealed class EnvelopeTests
{
    private static byte[] Head(byte[] file) => file.AsSpan(0, Math.Min(file.Length, Envelope.SniffBytes)).ToArray();

    private static byte[] ZipOf(string name, byte[] data)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(data);
        }

        return output.ToArray();
    }

    public static TheoryData<string, byte[], EnvelopeKind> Files()
    {
        var warc = HtmlResponse("https://news.example.tw/1", Page(1));
        var large = HtmlResponse("https://news.example.tw/2", string.Concat(Enumerable.Repeat(Page(2), 200)));
        var random = new byte[20_000];
        new Random(1234).NextBytes(random);
        var incompressible = Record("resource", [("Content-Type", "application/octet-stream")], random);
        var post = "---\nlayout: post\ntitle: \"宜蘭縣冬山河龍舟賽\"\ndate: 2024-06-10 09:00:00 +0800\n---\n\n宜蘭縣冬山河今天舉行龍舟賽。\n";
        return new()
        {
            { "plain WARC", warc, EnvelopeKind.Warc },
            { "WARC 0.18", HtmlResponse("https://news.example.tw/1", Page(1), version: "0.18"), EnvelopeKind.Warc },
            { "gzip of WARC", Gzip(warc), EnvelopeKind.Warc },
            { "gzip of a large WARC", Gzip(large), EnvelopeKind.Warc },
            { "gzip of an incompressible WARC", Gzip(incompressible), EnvelopeKind.Warc },
            { "gzip members of WARC", GzipPerRecord([warc, warc]), EnvelopeKind.Warc },
            { "WACZ", ZipOf("archive/data.warc.gz", Gzip(warc)), EnvelopeKind.Wacz },
            { "any zip", ZipOf("readme.txt", "說明"u8.ToArray()), EnvelopeKind.Wacz },
            { "plain HTML", Utf8.GetBytes(Page(3)), EnvelopeKind.None },
            { "gzip of HTML", Gzip(Utf8.GetBytes(Page(3))), EnvelopeKind.None },
            { "Jekyll post", Utf8.GetBytes(post), EnvelopeKind.None },
            { "gzip of a Jekyll post", Gzip(Utf8.GetBytes(post)), EnvelopeKind.None },
            { "text mentioning WARC/", Utf8.GetBytes(" WARC/1.1 is a format\n"), EnvelopeKind.None },
            { "lower-case warc/", Utf8.GetBytes("warc/1.1\r\n"), EnvelopeKind.None },
            { "gzip of lower-case warc/", Gzip(Utf8.GetBytes("warc/1.1\r\n")), EnvelopeKind.None },
            { "damaged gzip", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF], EnvelopeKind.None },
            { "gzip header alone", [0x1F, 0x8B, 8], EnvelopeKind.None },
            { "empty zip's end record", [(byte)'P', (byte)'K', 5, 6, 0, 0, 0, 0], EnvelopeKind.None },
            { "empty", [], EnvelopeKind.None },
            { "WARC/ alone", "WARC/"u8.ToArray(), EnvelopeKind.Warc },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sniff_TellsTheEnvelopeByTheFirstBytes(string what, byte[] file, EnvelopeKind expected)
    {
        Assert.True(Envelope.Sniff(Head(file)) == expected, $"{what}: {Envelope.Sniff(Head(file))}, not {expected}");
    }

    [Fact]
    public void Sniff_GzipCutInsideTheFirstBytes_StillSeesTheWarc()
    {
        var random = new byte[50_000];
        new Random(1234).NextBytes(random);
        var gzip = Gzip(Record("resource", [], random));

        Assert.True(gzip.Length > 2 * Envelope.SniffBytes);
        Assert.Equal(EnvelopeKind.Warc, Envelope.Sniff(Head(gzip)));
    }

    [Fact]
    public void Read_Warc_IsWarcEnvelopesEntries()
    {
        var info = Gzip(Warcinfo());
        byte[] file = [.. info, .. Gzip(HtmlResponse("https://news.example.tw/1", Page(1)))];

        var entries = Envelope.Read(EnvelopeKind.Warc, new MemoryStream(file), "x.warc.gz").ToList();

        Assert.Equal(Page(1), BodyText(Assert.Single(entries)));
        Assert.Equal(Text(info.Length), entries[0].Member);
        Assert.Equal("x.warc.gz", Item(entries[0]).Input.Path);
    }

    [Fact]
    public void Read_None_IsRefused()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => Envelope.Read(EnvelopeKind.None, new MemoryStream(Encoding.UTF8.GetBytes(Page(1))), "a.html"));

        Assert.Equal("kind", failure.ParamName);
    }
}
