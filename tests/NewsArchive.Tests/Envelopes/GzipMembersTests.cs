using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using NewsArchive.Envelopes;

namespace NewsArchive.Tests.Envelopes;

public sealed class GzipMembersTests
{
    private static readonly byte[][] Parts =
    [
        "WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n第一段：苗栗縣議會今天開議。\r\n\r\n"u8.ToArray(),
        Incompressible(100_000),
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("第三段：花蓮縣政府宣布颱風假。", 400))),
    ];

    /// <summary>Bytes that do not compress, so that a member's compressed data spans many of the reader's chunks.</summary>
    private static byte[] Incompressible(int length)
    {
        var bytes = new byte[length];
        new Random(1234).NextBytes(bytes);
        return bytes;
    }

    private static byte[] ReadToEnd(Stream stream, int step)
    {
        using var output = new MemoryStream();
        var chunk = new byte[step];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            output.Write(chunk, 0, read);
        }

        return output.ToArray();
    }

    /// <summary>Reads until the stream fails, and gives what it read before.</summary>
    private static (byte[] Read, EnvelopeDataException Failure) ReadUntilFailure(GzipMembers members)
    {
        using var output = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            int read;
            try
            {
                read = members.Read(chunk, 0, chunk.Length);
            }
            catch (EnvelopeDataException ex)
            {
                return (output.ToArray(), ex);
            }

            Assert.True(read > 0, "the stream ended without the failure");
            output.Write(chunk, 0, read);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(65536)]
    public void Read_ConcatenatedMembers_GivesTheirDataOneAfterAnother(int step)
    {
        var file = WarcFiles.GzipPerRecord(Parts);
        using var members = new GzipMembers(new MemoryStream(file));

        var read = ReadToEnd(members, step);

        Assert.Equal(Parts.SelectMany(p => p).ToArray(), read);
        Assert.Equal(Parts.Sum(p => p.Length), members.LogicalPosition);
        Assert.Equal(members.LogicalPosition, members.Position);
    }

    [Fact]
    public void Locate_GivesEachMembersOffsetAndTheDistanceIntoIt()
    {
        var compressed = Parts.Select(WarcFiles.Gzip).ToArray();
        var offsets = WarcFiles.Offsets(compressed);
        var starts = WarcFiles.Offsets(Parts);
        using var members = new GzipMembers(new MemoryStream([.. compressed.SelectMany(c => c)]));
        ReadToEnd(members, 4096);

        Assert.Equal((0L, 0L), members.Locate(0));
        Assert.Equal((0L, 5L), members.Locate(5));
        Assert.Equal((0L, Parts[0].Length - 1L), members.Locate(Parts[0].Length - 1));
        Assert.Equal((offsets[1], 0L), members.Locate(starts[1]));
        Assert.Equal((offsets[1], 12_345L), members.Locate(starts[1] + 12_345));
        Assert.Equal((offsets[1], Parts[1].Length - 1L), members.Locate(starts[2] - 1));
        Assert.Equal((offsets[2], 0L), members.Locate(starts[2]));
        Assert.Equal((offsets[2], Parts[2].Length - 1L), members.Locate(starts[2] + Parts[2].Length - 1));
        Assert.True(offsets[2] > offsets[1] + 100_000, "the incompressible member takes its length in the file");
    }

    [Fact]
    public void ForgetBefore_KeepsTheMemberHoldingThePosition()
    {
        var compressed = Parts.Select(WarcFiles.Gzip).ToArray();
        var offsets = WarcFiles.Offsets(compressed);
        var starts = WarcFiles.Offsets(Parts);
        using var members = new GzipMembers(new MemoryStream([.. compressed.SelectMany(c => c)]));
        ReadToEnd(members, 4096);

        members.ForgetBefore(starts[1] + 10);

        Assert.Equal((offsets[1], 10L), members.Locate(starts[1] + 10));
        Assert.Equal((offsets[1], 0L), members.Locate(starts[1]));
        Assert.Equal((offsets[2], 3L), members.Locate(starts[2] + 3));
    }

    [Fact]
    public void Locate_OneMemberHoldingEverything_IsAlwaysTheFirstMember()
    {
        var all = Parts.SelectMany(p => p).ToArray();
        using var members = new GzipMembers(new MemoryStream(WarcFiles.Gzip(all)));

        Assert.Equal(all, ReadToEnd(members, 1000));
        Assert.Equal((0L, 0L), members.Locate(0));
        Assert.Equal((0L, Parts[0].Length + 0L), members.Locate(Parts[0].Length));
        Assert.Equal((0L, all.Length - 1L), members.Locate(all.Length - 1));
    }

    [Fact]
    public void Read_HeaderWithExtraNameCommentAndCrc_IsPassedOver()
    {
        var data = "<p>基隆港今晨有霧，船班延後。</p>"u8.ToArray();
        var file = MemberWithHeaderFields(data, "page.html", "抓取於凌晨");
        byte[] all = [.. file, .. WarcFiles.Gzip(data)];
        using var members = new GzipMembers(new MemoryStream(all));

        Assert.Equal([.. data, .. data], ReadToEnd(members, 64));
        Assert.Equal((file.Length + 0L, 0L), members.Locate(data.Length));
    }

    /// <summary>A member with FEXTRA, FNAME, FCOMMENT and FHCRC set (RFC 1952 2.3.1).</summary>
    private static byte[] MemberWithHeaderFields(byte[] data, string name, string comment)
    {
        using var output = new MemoryStream();
        output.Write([0x1F, 0x8B, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, 3]);
        output.Write([6, 0, (byte)'A', (byte)'B', 2, 0, 0xCA, 0xFE]);
        output.Write([.. Encoding.Latin1.GetBytes(name), 0]);
        output.Write([.. Encoding.UTF8.GetBytes(comment), 0]);
        output.Write([0x12, 0x34]);
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)data.Length);
        output.Write(trailer);
        return output.ToArray();
    }

    [Fact]
    public void Read_EmptyMemberBetweenOthers_ReadsOn()
    {
        byte[] file = [.. WarcFiles.Gzip(Parts[0]), .. WarcFiles.Gzip([]), .. WarcFiles.Gzip(Parts[2])];
        var emptyAt = WarcFiles.Gzip(Parts[0]).Length;
        var lastAt = emptyAt + WarcFiles.Gzip([]).Length;
        using var members = new GzipMembers(new MemoryStream(file));

        Assert.Equal([.. Parts[0], .. Parts[2]], ReadToEnd(members, 4096));
        Assert.Equal((lastAt + 0L, 0L), members.Locate(Parts[0].Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(30)]
    public void Read_TruncatedLastMember_ThrowsNamingTheMember(int cut)
    {
        var first = WarcFiles.Gzip(Parts[0]);
        var last = WarcFiles.Gzip(Parts[2]);
        Assert.True(last.Length > cut + 20);
        byte[] file = [.. first, .. last.AsSpan(0, last.Length - cut)];
        using var members = new GzipMembers(new MemoryStream(file));

        var (read, failure) = ReadUntilFailure(members);

        Assert.Equal(first.Length, failure.Offset);
        Assert.True(failure.InCompressedData);
        Assert.Equal("truncated gzip member (the file ends inside it)", failure.Message);
        Assert.Equal(Parts[0], read.AsSpan(0, Parts[0].Length).ToArray());
        Assert.Equal(Parts[2].AsSpan(0, read.Length - Parts[0].Length).ToArray(), read.AsSpan(Parts[0].Length).ToArray());
        Assert.False(members.Resync());
        Assert.Equal(0, members.Read(new byte[16], 0, 16));
    }

    [Fact]
    public void Read_GarbageAfterAMember_ThrowsThenResyncFindsTheNextMember()
    {
        var first = WarcFiles.Gzip(Parts[0]);
        var garbage = "\0\0 not gzip \x1F\x8B at all "u8.ToArray();
        var last = WarcFiles.Gzip(Parts[2]);
        byte[] file = [.. first, .. garbage, .. last];
        using var members = new GzipMembers(new MemoryStream(file));

        var (read, failure) = ReadUntilFailure(members);

        Assert.Equal(Parts[0], read);
        Assert.Equal(first.Length, failure.Offset);
        Assert.True(failure.InCompressedData);
        Assert.Equal("no gzip member here (the data after a member is no gzip header)", failure.Message);
        Assert.True(members.Resync());
        Assert.Equal(Parts[2], ReadToEnd(members, 333));
        Assert.Equal((first.Length + garbage.Length + 0L, 0L), members.Locate(Parts[0].Length));
        Assert.False(members.Resync());
    }

    [Fact]
    public void Read_MemberWithUndecodableData_ThrowsThenResyncFindsTheNextMember()
    {
        var first = WarcFiles.Gzip(Parts[0]);
        var damaged = WarcFiles.Gzip(Parts[2]);
        damaged[10] = 0xFF; // The first block's type is 3, which deflate reserves.
        var last = WarcFiles.Gzip(Parts[0]);
        byte[] file = [.. first, .. damaged, .. last];
        using var members = new GzipMembers(new MemoryStream(file));

        var (read, failure) = ReadUntilFailure(members);

        Assert.Equal(Parts[0], read);
        Assert.Equal(first.Length, failure.Offset);
        Assert.True(failure.InCompressedData);
        Assert.Equal("damaged gzip data (its compressed data cannot be decoded)", failure.Message);
        Assert.True(members.Resync());
        Assert.Equal(Parts[0], ReadToEnd(members, 4096));
        Assert.Equal((first.Length + damaged.Length + 0L, 0L), members.Locate(Parts[0].Length));
    }

    [Fact]
    public void Read_WrongCrc_ThrowsForThatMember()
    {
        var first = WarcFiles.Gzip(Parts[0]);
        var second = WarcFiles.Gzip(Parts[2]);
        second[^8] ^= 0x55;
        var third = WarcFiles.Gzip(Parts[0]);
        using var members = new GzipMembers(new MemoryStream([.. first, .. second, .. third]));

        var (read, failure) = ReadUntilFailure(members);

        Assert.Equal([.. Parts[0], .. Parts[2]], read);
        Assert.Equal(first.Length, failure.Offset);
        Assert.Contains("gzip member", failure.Message, StringComparison.Ordinal);
        Assert.True(members.Resync());
        Assert.Equal(Parts[0], ReadToEnd(members, 4096));
    }

    [Fact]
    public void Constructor_NoGzipHeader_Throws()
    {
        var failure = Assert.Throws<EnvelopeDataException>(() => new GzipMembers(new MemoryStream("WARC/1.1\r\n"u8.ToArray())));

        Assert.Equal("no gzip header", failure.Message);
        Assert.Equal(0, failure.Offset);
        Assert.True(failure.InCompressedData);
    }

    [Fact]
    public void Constructor_HeaderCutShort_Throws()
    {
        var failure = Assert.Throws<EnvelopeDataException>(() => new GzipMembers(new MemoryStream([0x1F, 0x8B, 8, 0, 0])));

        Assert.Equal("no gzip header", failure.Message);
    }

    [Fact]
    public void Resync_NoMemberAfterTheDamage_IsFalse()
    {
        var damaged = WarcFiles.Gzip(Parts[2]);
        damaged[10] = 0xFF;
        using var members = new GzipMembers(new MemoryStream(damaged));

        var (read, failure) = ReadUntilFailure(members);

        Assert.Empty(read);
        Assert.Equal(0, failure.Offset);
        Assert.False(members.Resync());
        Assert.Equal(0, members.Read(new byte[8], 0, 8));
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 8 }, true)]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3 }, true)]
    [InlineData(new byte[] { 0x1F, 0x8B }, false)]
    [InlineData(new byte[] { 0x1F, 0x8B, 7 }, false)]
    [InlineData(new byte[] { 0x8B, 0x1F, 8 }, false)]
    [InlineData(new byte[] { (byte)'W', (byte)'A', (byte)'R', (byte)'C' }, false)]
    [InlineData(new byte[0], false)]
    public void IsGzip_WantsTheMagicAndDeflate(byte[] head, bool expected) => Assert.Equal(expected, GzipMembers.IsGzip(head));

    [Fact]
    public void Stream_IsReadOnlyAndNotSeekable()
    {
        using var members = new GzipMembers(new MemoryStream(WarcFiles.Gzip(Parts[0])));

        Assert.True(members.CanRead);
        Assert.False(members.CanSeek);
        Assert.False(members.CanWrite);
        Assert.Throws<NotSupportedException>(() => members.Length);
        Assert.Throws<NotSupportedException>(() => members.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => members.Write([1], 0, 1));
    }
}
