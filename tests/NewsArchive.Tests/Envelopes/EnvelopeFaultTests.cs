using System.IO.Compression;
using NewsArchive.Envelopes;
using static NewsArchive.Tests.Envelopes.WarcFiles;

namespace NewsArchive.Tests.Envelopes;

/// <summary>
/// Damaged files, made from a small valid one by cutting it at every offset or flipping its bytes:
/// reading never throws, always ends, and gives the records before the damage as they are.
/// </summary>
public sealed class EnvelopeFaultTests
{
    private const int Flips = 400;

    private static readonly byte[][] Records =
    [
        Warcinfo(),
        Request("https://news.example.tw/articles/2001"),
        HtmlResponse("https://news.example.tw/articles/2001", Page(1)),
        Response("https://news.example.tw/articles/2002", Http(Utf8.GetBytes("19\r\n<html><body>分塊</body>\r\n8;x=1\r\n</html>\n\r\n0\r\n\r\n"), headers: ("Transfer-Encoding", "chunked"))),
        Revisit("https://news.example.tw/articles/2001"),
        Resource("https://news.example.tw/articles/2003", Utf8.GetBytes(Page(3)), "text/html; charset=utf-8"),
        Response("https://news.example.tw/logo.png", Http([0x89, .. "PNG\r\n"u8], "image/png")),
        HtmlResponse("https://news.example.tw/articles/2004", Page(4)),
    ];

    private static readonly byte[] Plain = [.. Records.SelectMany(r => r)];

    private static readonly byte[][] Members = [.. Records.Select(Gzip)];

    private static readonly byte[] PerRecord = [.. Members.SelectMany(m => m)];

    private static readonly byte[] OneMember = Gzip(Plain);

    /// <summary>What each record gives read whole, by its member name in a plain file.</summary>
    private static readonly List<EnvelopeEntry> PlainEntries = ReadAll(Plain);

    private static readonly List<EnvelopeEntry> PerRecordEntries = ReadAll(PerRecord);

    /// <summary>An entry as a comparable string: its kind, member, and the bytes or target it holds.</summary>
    private static string Describe(EnvelopeEntry entry) => entry switch
    {
        EnvelopeEntry.Item item => $"item {item.Member} {item.Input.TargetUri} {Convert.ToHexString(item.Input.Bytes.Span)} {string.Join("|", item.Input.Warnings)}",
        EnvelopeEntry.Revisit revisit => $"revisit {revisit.Member} {revisit.TargetUri}",
        EnvelopeEntry.Failed failed => $"failed {failed.Member}",
        _ => entry.ToString(),
    };

    /// <summary>The entries the records whose spans end by <paramref name="intactEnd"/> give.</summary>
    private static List<string> EntriesOfRecordsEndingBy(List<EnvelopeEntry> whole, long[] starts, long[] ends, long intactEnd)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Length; i++)
        {
            if (ends[i] <= intactEnd)
            {
                members.Add(Text(starts[i]));
            }
        }

        return [.. whole.Where(e => members.Contains(e.Member)).Select(Describe)];
    }

    private static List<EnvelopeEntry> ReadSafely(byte[] file, string what)
    {
        try
        {
            return ReadAll(file);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: reading threw {ex}");
            throw;
        }
    }

    [Fact]
    public void WholeFiles_GiveEveryRecord()
    {
        Assert.Equal(["Item", "Item", "Revisit", "Item", "Item"], PlainEntries.Select(e => e.GetType().Name));
        Assert.Equal(PlainEntries.Select(e => e.GetType().Name), PerRecordEntries.Select(e => e.GetType().Name));
        Assert.Equal("<html><body>分塊</body></html>\n", BodyText(PlainEntries[1]));
        Assert.Equal(PlainEntries.OfType<EnvelopeEntry.Item>().Select(BodyText), ReadAll(OneMember).OfType<EnvelopeEntry.Item>().Select(BodyText));
    }

    [Fact]
    public void PlainCutAtEveryOffset_GivesTheRecordsBeforeAndOneFailureForTheCutRecord()
    {
        var starts = Offsets(Records);
        // A record is whole once its block is: the line breaks after it may go.
        var blockEnds = Records.Select((r, i) => starts[i] + r.Length - 4).ToArray();
        for (var cut = 0; cut <= Plain.Length; cut++)
        {
            var entries = ReadSafely(Plain.AsSpan(0, cut).ToArray(), $"cut at {cut}");

            var expected = EntriesOfRecordsEndingBy(PlainEntries, starts, blockEnds, cut);
            var inside = Enumerable.Range(0, Records.Length).Where(i => starts[i] < cut && cut < blockEnds[i]).ToList();
            if (inside.Count == 1)
            {
                expected.Add($"failed {Text(starts[inside[0]])}");
            }

            Assert.True(expected.SequenceEqual(entries.Select(Describe)), $"cut at {cut}: {string.Join(", ", entries.Select(e => e.ToString()))}");
            Assert.All(entries.OfType<EnvelopeEntry.Failed>(), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        }
    }

    [Fact]
    public void GzipPerRecordCutAtEveryOffset_GivesTheMembersBeforeAndOneFailureForTheCutMember()
    {
        var starts = Offsets(Members);
        var ends = Members.Select((m, i) => starts[i] + m.Length).ToArray();
        for (var cut = 0; cut <= PerRecord.Length; cut++)
        {
            var entries = ReadSafely(PerRecord.AsSpan(0, cut).ToArray(), $"cut at {cut}");

            var expected = EntriesOfRecordsEndingBy(PerRecordEntries, starts, ends, cut);
            var described = entries.Select(Describe).ToList();
            Assert.True(expected.SequenceEqual(described.Take(expected.Count)), $"cut at {cut}: {string.Join(", ", described)}");
            var rest = described.Skip(expected.Count).ToList();
            var inside = Enumerable.Range(0, Members.Length).SingleOrDefault(i => starts[i] < cut && cut < ends[i], -1);
            if (inside < 0)
            {
                Assert.True(rest.Count == 0, $"cut at {cut}, between members: {string.Join(", ", rest)}");
                continue;
            }

            // The cut member's record may still come out whole (when only its trailer is gone), then its failure.
            var member = Text(starts[inside]);
            var ofMember = PerRecordEntries.Where(e => e.Member == member).Select(Describe).ToList();
            Assert.True(
                rest.SequenceEqual([$"failed {member}"]) || rest.SequenceEqual([.. ofMember, $"failed {member}"]),
                $"cut at {cut}, inside member {member}: {string.Join(", ", rest)}");
        }
    }

    [Fact]
    public void OneMemberCutAtEveryOffset_GivesTheRecordsItDecodesAndOneFailure()
    {
        var starts = Offsets(Records);
        var blockEnds = Records.Select((r, i) => starts[i] + r.Length - 4).ToArray();
        var whole = ReadAll(OneMember).Select(Describe).ToList();
        for (var cut = 0; cut <= OneMember.Length; cut++)
        {
            var entries = ReadSafely(OneMember.AsSpan(0, cut).ToArray(), $"cut at {cut}");

            // What a plain inflater decodes of the cut member: the records whose blocks it holds come out whole.
            var decodes = Decodable(OneMember.AsSpan(0, cut).ToArray());
            var expected = whole.Take(EntriesOfRecordsEndingBy(PlainEntries, starts, blockEnds, decodes).Count).ToList();
            var described = entries.Select(Describe).ToList();
            Assert.True(expected.SequenceEqual(described.Take(expected.Count)), $"cut at {cut} ({decodes} bytes decode): {string.Join(", ", described)}");
            var rest = described.Skip(expected.Count).ToList();
            if (cut == 0 || cut == OneMember.Length)
            {
                Assert.True(rest.Count == 0, $"cut at {cut}: {string.Join(", ", rest)}");
                continue;
            }

            // The record the cut falls after may still come out whole (only the member's end is gone).
            Assert.True(
                rest.SequenceEqual(["failed 0"]) || (expected.Count < whole.Count && rest.SequenceEqual([whole[expected.Count], "failed 0"])),
                $"cut at {cut} ({decodes} bytes decode): {string.Join(", ", rest)}");
        }
    }

    /// <summary>How many bytes of a gzip member's data a plain inflater gets from a cut file.</summary>
    private static int Decodable(byte[] cut)
    {
        if (cut.Length <= 10)
        {
            return 0;
        }

        using var inflater = new DeflateStream(new MemoryStream(cut, 10, cut.Length - 10), CompressionMode.Decompress);
        var total = 0;
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = inflater.Read(chunk)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
        }

        return total;
    }

    [Fact]
    public void PlainWithFlippedBytes_GivesTheRecordsBeforeTheFirstFlip()
    {
        var random = new Random(1234);
        var starts = Offsets(Records);
        var blockEnds = Records.Select((r, i) => starts[i] + r.Length - 4).ToArray();
        for (var run = 0; run < Flips; run++)
        {
            var (file, first) = Flip(Plain, random);

            var entries = ReadSafely(file, $"run {run}, first flip at {first}");

            var expected = EntriesOfRecordsEndingBy(PlainEntries, starts, blockEnds, first);
            Assert.True(expected.SequenceEqual(entries.Select(Describe).Take(expected.Count)), $"run {run}, first flip at {first}: {string.Join(", ", entries)}");
        }
    }

    [Fact]
    public void GzipPerRecordWithFlippedBytes_GivesTheMembersBeforeTheFirstFlip()
    {
        var random = new Random(1234);
        var starts = Offsets(Members);
        var ends = Members.Select((m, i) => starts[i] + m.Length).ToArray();
        for (var run = 0; run < Flips; run++)
        {
            var (file, first) = Flip(PerRecord, random);

            var entries = ReadSafely(file, $"run {run}, first flip at {first}");

            var expected = EntriesOfRecordsEndingBy(PerRecordEntries, starts, ends, first);
            Assert.True(expected.SequenceEqual(entries.Select(Describe).Take(expected.Count)), $"run {run}, first flip at {first}: {string.Join(", ", entries)}");
        }
    }

    [Fact]
    public void OneMemberWithFlippedBytes_EndsWithoutThrowing()
    {
        var random = new Random(1234);
        for (var run = 0; run < Flips; run++)
        {
            var (file, first) = Flip(OneMember, random);

            ReadSafely(file, $"run {run}, first flip at {first}");
        }
    }

    [Fact]
    public void FlippedBytesInTheLastMembersTrailer_KeepEveryRecordAndFailOnce()
    {
        for (var at = PerRecord.Length - 8; at < PerRecord.Length; at++)
        {
            var file = PerRecord.ToArray();
            file[at] ^= 0x01;

            var entries = ReadAll(file);

            Assert.Equal(PerRecordEntries.Select(Describe), entries.Take(PerRecordEntries.Count).Select(Describe));
            Assert.Equal([$"failed {Text(Offsets(Members)[^1])}"], entries.Skip(PerRecordEntries.Count).Select(Describe));
        }
    }

    [Fact]
    public void WaczWithFlippedBytes_EndsWithoutThrowing()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, level) in new[] { ("archive/a.warc", Plain, CompressionLevel.Optimal), ("archive/b.warc.gz", PerRecord, CompressionLevel.NoCompression), ("archive/c.warc.gz", OneMember, CompressionLevel.Optimal) })
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        }

        var wacz = output.ToArray();
        var random = new Random(1234);
        for (var run = 0; run < Flips; run++)
        {
            var (file, first) = Flip(wacz, random);
            var count = 0;
            try
            {
                foreach (var entry in WaczEnvelope.Read(new MemoryStream(file), "crawl.wacz"))
                {
                    Assert.True(++count <= 10_000, "the reader does not end");
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"run {run}, first flip at {first}: reading threw {ex}");
            }
        }
    }

    /// <summary>A copy of <paramref name="file"/> with one to three bytes changed, and where the first change is.</summary>
    private static (byte[] File, int First) Flip(byte[] file, Random random)
    {
        var copy = file.ToArray();
        var first = int.MaxValue;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(copy.Length);
            copy[at] ^= (byte)random.Next(1, 256);
            first = Math.Min(first, at);
        }

        return (copy, first);
    }
}
