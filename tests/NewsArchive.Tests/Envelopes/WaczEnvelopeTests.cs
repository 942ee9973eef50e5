using System.IO.Compression;
using NewsArchive.Envelopes;
using static NewsArchive.Tests.Envelopes.WarcFiles;

namespace NewsArchive.Tests.Envelopes;

public sealed class WaczEnvelopeTests
{
    private const string UriA = "https://news.example.tw/a/1";
    private const string UriB = "https://news.example.tw/b/1";

    private static readonly byte[][] PlainRecords = [Warcinfo(), HtmlResponse(UriA, Page(11)), HtmlResponse(UriA + "?p=2", Page(12))];

    private static readonly byte[][] GzipRecords = [Warcinfo(), HtmlResponse(UriB, Page(21)), Revisit(UriB), HtmlResponse(UriB + "?p=2", Page(22))];

    private static byte[] Zip(params (string Name, byte[] Data)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private static byte[] Zip(CompressionLevel level, params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    /// <summary>A WACZ as browsertrix writes one, its entries out of name order.</summary>
    private static byte[] Wacz(CompressionLevel level = CompressionLevel.Optimal) => Zip(
        level,
        ("datapackage.json", "{\"profile\":\"data-package\",\"wacz_version\":\"1.1.1\",\"resources\":[]}"u8.ToArray()),
        ("pages/pages.jsonl", "{\"format\":\"json-pages-1.0\",\"id\":\"pages\"}\n{\"url\":\"https://news.example.tw/a/1\",\"title\":\"頭版\"}\n"u8.ToArray()),
        ("archive/b.warc.gz", GzipPerRecord(GzipRecords)),
        ("indexes/index.cdx", "tw,example,news)/a/1 20241101020304 {}\n"u8.ToArray()),
        ("archive/a.warc", [.. PlainRecords.SelectMany(r => r)]),
        ("archive/notes.txt", HtmlResponse(UriA, Page(99))),
        ("other/c.warc", HtmlResponse(UriA, Page(98))));

    private static List<EnvelopeEntry> ReadWacz(byte[] zip, EnvelopeOptions? options = null)
    {
        var entries = new List<EnvelopeEntry>();
        foreach (var entry in WaczEnvelope.Read(new MemoryStream(zip, writable: false), "crawl.wacz", options))
        {
            entries.Add(entry);
            Assert.True(entries.Count <= 10_000, "the reader does not end");
        }

        return entries;
    }

    [Theory]
    [InlineData(CompressionLevel.Optimal)]
    [InlineData(CompressionLevel.NoCompression)]
    public void Read_ArchiveWarcs_InNameOrder_MembersNamedByEntryAndOffset(CompressionLevel level)
    {
        var plainOffsets = Offsets(PlainRecords);
        var gzipOffsets = Offsets(GzipRecords.Select(Gzip));

        var entries = ReadWacz(Wacz(level));

        Assert.Equal(
            [
                $"archive/a.warc#{plainOffsets[1]}",
                $"archive/a.warc#{plainOffsets[2]}",
                $"archive/b.warc.gz#{gzipOffsets[1]}",
                $"archive/b.warc.gz#{gzipOffsets[2]}",
                $"archive/b.warc.gz#{gzipOffsets[3]}",
            ],
            entries.Select(e => e.Member));
        Assert.Equal(Page(11), BodyText(entries[0]));
        Assert.Equal(Page(12), BodyText(entries[1]));
        Assert.Equal(Page(21), BodyText(entries[2]));
        Assert.Equal(new EnvelopeEntry.Revisit($"archive/b.warc.gz#{gzipOffsets[2]}", UriB), entries[3]);
        Assert.Equal(Page(22), BodyText(entries[4]));
        Assert.All(entries.OfType<EnvelopeEntry.Item>(), e => Assert.Equal("crawl.wacz", e.Input.Path));
        Assert.Equal($"crawl.wacz#archive/a.warc#{plainOffsets[1]}", Item(entries[0]).Input.DisplayName);
    }

    [Fact]
    public void Read_NamesAreOrderedOrdinally_AndTheirEndingsMatchInAnyCase()
    {
        var zip = Zip(
            ("archive/data-2.warc", HtmlResponse(UriA, Page(2))),
            ("archive/data-10.warc", HtmlResponse(UriA, Page(10))),
            ("archive/Z.WARC.GZ", Gzip(HtmlResponse(UriA, Page(26)))));

        var entries = ReadWacz(zip);

        Assert.Equal(["archive/Z.WARC.GZ#0", "archive/data-10.warc#0", "archive/data-2.warc#0"], entries.Select(e => e.Member));
        Assert.Equal([Page(26), Page(10), Page(2)], entries.Select(BodyText));
    }

    [Fact]
    public void Read_OptionsGoToEachWarc()
    {
        var options = new EnvelopeOptions { KeepTarget = uri => uri.StartsWith(UriB, StringComparison.Ordinal) };

        var entries = ReadWacz(Wacz(), options);

        Assert.Equal(["Filtered", "Filtered", "Item", "Revisit", "Item"], entries.Select(e => e.GetType().Name));
        Assert.Equal(new EnvelopeEntry.Filtered($"archive/a.warc#{PlainRecords[0].Length}", UriA), entries[0]);
    }

    [Fact]
    public void Read_DamagedWarcInside_IsAFailureNamedWithinItsEntry_TheNextWarcIsRead()
    {
        var first = Gzip(HtmlResponse(UriA, Page(1)));
        byte[] damaged = [.. first, .. Gzip(HtmlResponse(UriA, Page(2)))];
        var secondAt = first.Length;
        damaged[secondAt + 10] = 0xFF;
        var zip = Zip(("archive/1.warc.gz", damaged), ("archive/2.warc", HtmlResponse(UriB, Page(3))));

        var entries = ReadWacz(zip);

        Assert.Equal(3, entries.Count);
        Assert.Equal("archive/1.warc.gz#0", entries[0].Member);
        Assert.Equal(new EnvelopeEntry.Failed($"archive/1.warc.gz#{secondAt}", "damaged gzip data (its compressed data cannot be decoded)"), entries[1]);
        Assert.Equal("archive/2.warc#0", entries[2].Member);
    }

    [Fact]
    public void Read_WarcEntryThatIsNoGzip_IsAFailureAtItsStart()
    {
        var zip = Zip(("archive/1.warc.gz", [0x1F, 0x8B, 8]), ("archive/2.warc", HtmlResponse(UriB, Page(3))));

        var entries = ReadWacz(zip);

        Assert.Equal(new EnvelopeEntry.Failed("archive/1.warc.gz#0", "no gzip header"), entries[0]);
        Assert.Equal(Page(3), BodyText(entries[1]));
    }

    [Fact]
    public void Read_ZipWithoutArchiveWarcs_IsOneFailure()
    {
        var zip = Zip(
            ("datapackage.json", "{}"u8.ToArray()),
            ("pages/pages.jsonl", "{}\n"u8.ToArray()),
            ("a.warc", HtmlResponse(UriA, Page(1))),
            ("archive/a.warc.bak", HtmlResponse(UriA, Page(1))),
            ("Archive/b.warc", HtmlResponse(UriA, Page(1))));

        Assert.Equal([new EnvelopeEntry.Failed(string.Empty, "a zip file that is no WACZ: it holds no archive/*.warc.gz or archive/*.warc")], ReadWacz(zip));
    }

    [Fact]
    public void Read_EmptyZip_IsOneFailure()
    {
        var failed = Assert.IsType<EnvelopeEntry.Failed>(Assert.Single(ReadWacz(Zip())));

        Assert.Equal(string.Empty, failed.Member);
        Assert.StartsWith("a zip file that is no WACZ", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DamagedZip_IsOneFailure()
    {
        var zip = Wacz();
        var cut = zip.AsSpan(0, zip.Length / 2).ToArray();

        var failed = Assert.IsType<EnvelopeEntry.Failed>(Assert.Single(ReadWacz(cut)));

        Assert.Equal(string.Empty, failed.Member);
        Assert.StartsWith("a damaged zip file (", failed.Reason, StringComparison.Ordinal);
        Assert.EndsWith(")", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EntryWhoseCompressedDataCannotBeDecoded_IsAFailureForTheEntry_TheNextIsRead()
    {
        var zip = Zip(("archive/a.warc", [.. PlainRecords.SelectMany(r => r)]), ("archive/b.warc.gz", GzipPerRecord(GzipRecords)));
        // The first entry's data follows its local header (30 bytes, its name and its extra field):
        // its first deflate block made of the type deflate reserves.
        var dataAt = 30 + BitConverter.ToUInt16(zip, 26) + BitConverter.ToUInt16(zip, 28);
        Assert.Equal(8, BitConverter.ToUInt16(zip, 8));
        zip[dataAt] = 0xFF;

        var entries = ReadWacz(zip);

        var failed = Assert.IsType<EnvelopeEntry.Failed>(entries[0]);
        Assert.Equal("archive/a.warc", failed.Member);
        Assert.StartsWith("a zip entry damaged inside (", failed.Reason, StringComparison.Ordinal);
        Assert.EndsWith("): read up to the damage", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Offsets(GzipRecords.Select(Gzip)).Skip(1).Select(o => $"archive/b.warc.gz#{o}"), entries.Skip(1).Select(e => e.Member));
    }

    [Fact]
    public void Read_DamagedCentralDirectory_IsOneFailure()
    {
        var zip = Wacz();
        // The end record's count of entries, one more than there are.
        zip[^12]++;
        zip[^14]++;

        var failed = Assert.IsType<EnvelopeEntry.Failed>(Assert.Single(ReadWacz(zip)));

        Assert.Equal(string.Empty, failed.Member);
        Assert.StartsWith("a damaged zip file (", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopeRead_OfAZip_IsTheWacz()
    {
        var zip = Wacz();

        var entries = Envelope.Read(Envelope.Sniff(zip), new MemoryStream(zip), "crawl.wacz").ToList();

        Assert.Equal(ReadWacz(zip).Select(e => e.Member), entries.Select(e => e.Member));
    }
}
