using System.Text;
using NewsArchive.Envelopes;

namespace NewsArchive.Tests.Envelopes;

public sealed class WarcRecordReaderTests
{
    private static WarcRecordReader Reader(byte[] bytes, long max = 1 << 20) => new(new MemoryStream(bytes), max);

    private static WarcRecordReader Reader(string text, long max = 1 << 20) => Reader(Encoding.UTF8.GetBytes(text), max);

    private static WarcRecord RecordAt(WarcRead read, long start)
    {
        var record = Assert.IsType<WarcRead.Record>(read);
        Assert.Equal(start, record.Start);
        return record.Value;
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("0.17")]
    [InlineData("0.18")]
    public void Next_ReadsTheVersionFieldsAndBlock(string version)
    {
        var block = "<html><body>桃園機場捷運加開班次</body></html>"u8.ToArray();
        var bytes = WarcFiles.Record("resource", [("WARC-Target-URI", "http://news.example.tw/a"), ("Content-Type", "text/html")], block, version);
        var reader = Reader(bytes);

        var record = RecordAt(reader.Next(), 0);

        Assert.Equal(version, record.Version);
        Assert.Equal(
            [
                new("WARC-Type", "resource"),
                new("WARC-Target-URI", "http://news.example.tw/a"),
                new("Content-Type", "text/html"),
                new("Content-Length", WarcFiles.Text(block.Length)),
            ],
            record.Fields.ToArray());
        Assert.Equal(block, record.Block.ToArray());
        Assert.Equal(bytes.Length, reader.Position);
        Assert.Equal(new WarcRead.End(bytes.Length), reader.Next());
    }

    [Fact]
    public void Next_RecordsOneAfterAnother_StartWhereTheLastEnded()
    {
        var first = WarcFiles.Record("metadata", [], "a: 1\r\n"u8.ToArray());
        var second = WarcFiles.Record("metadata", [], "b: 2\r\n"u8.ToArray());
        var third = WarcFiles.Record("metadata", [], []);
        var reader = Reader([.. first, .. second, .. third]);

        Assert.Equal("a: 1\r\n", Encoding.ASCII.GetString(RecordAt(reader.Next(), 0).Block.Span));
        Assert.Equal("b: 2\r\n", Encoding.ASCII.GetString(RecordAt(reader.Next(), first.Length).Block.Span));
        Assert.True(RecordAt(reader.Next(), first.Length + second.Length).Block.IsEmpty);
        Assert.IsType<WarcRead.End>(reader.Next());
    }

    [Fact]
    public void Next_ContinuationLinesAreJoined_FieldNamesAreCaseInsensitive_FirstWins()
    {
        var reader = Reader("WARC/1.1\r\nwarc-type: metadata\r\nX-Note: one\r\n  two\r\n\tthree\r\nWARC-Type: resource\r\nContent-Length: 0\r\n\r\n\r\n\r\n");

        var record = RecordAt(reader.Next(), 0);

        Assert.Equal("one two three", record.Field("x-note"));
        Assert.Equal("metadata", record.Field("WARC-TYPE"));
        Assert.Null(record.Field("WARC-Target-URI"));
    }

    [Fact]
    public void Next_BareLineFeedsAndExtraBlankLines_AreTaken()
    {
        var text = "\r\n\nWARC/1.0\nWARC-Type: resource\nContent-Length: 3\n\nabc\n\n\n\n\r\nWARC/1.0\nContent-Length: 1\n\nz";
        var reader = Reader(text);

        var first = RecordAt(reader.Next(), 3);
        var second = RecordAt(reader.Next(), text.IndexOf("WARC/1.0\nContent", StringComparison.Ordinal));

        Assert.Equal("abc", Encoding.ASCII.GetString(first.Block.Span));
        Assert.Equal("z", Encoding.ASCII.GetString(second.Block.Span));
        Assert.Equal(new WarcRead.End(text.Length), reader.Next());
    }

    [Fact]
    public void Next_FieldValues_AreUtf8WhereValidElseLatin1()
    {
        byte[] bytes = [.. "WARC/1.1\r\nWARC-Target-URI: https://news.example.tw/新聞/1\r\nX-Old: caf"u8, 0xE9, .. "\r\nContent-Length: 0\r\n\r\n"u8];

        var record = RecordAt(Reader(bytes).Next(), 0);

        Assert.Equal("https://news.example.tw/新聞/1", record.Field("WARC-Target-URI"));
        Assert.Equal("café", record.Field("X-Old"));
    }

    [Fact]
    public void Next_BlockLargerThanTheLimit_IsReadPastAndTheNextRecordRead()
    {
        var big = WarcFiles.Record("resource", [], new byte[5000]);
        var small = WarcFiles.Record("resource", [], "ok"u8.ToArray());
        var reader = Reader([.. big, .. small], max: 4999);

        Assert.Equal(new WarcRead.Oversized(0, 5000), reader.Next());
        Assert.Equal("ok", Encoding.ASCII.GetString(RecordAt(reader.Next(), big.Length).Block.Span));
    }

    [Fact]
    public void Next_BlockAtTheLimit_IsKept()
    {
        var bytes = WarcFiles.Record("resource", [], new byte[5000]);

        Assert.Equal(5000, RecordAt(Reader(bytes, max: 5000).Next(), 0).Block.Length);
    }

    [Fact]
    public void Next_BlocksLargerThanTheBuffer_ReadWhole()
    {
        var block = new byte[200_000];
        new Random(1234).NextBytes(block);
        var bytes = WarcFiles.Record("resource", [], block);
        byte[] file = [.. bytes, .. bytes];
        var reader = new WarcRecordReader(new TrickleStream(file, 1000), 1 << 20);

        Assert.Equal(block, RecordAt(reader.Next(), 0).Block.ToArray());
        Assert.Equal(block, RecordAt(reader.Next(), bytes.Length).Block.ToArray());
        Assert.IsType<WarcRead.End>(reader.Next());
    }

    [Fact]
    public void Next_StreamGivingOneByteAtATime_ReadsTheSame()
    {
        var first = WarcFiles.Record("resource", [("WARC-Target-URI", "http://a.example.tw/")], "第一頁"u8.ToArray());
        var second = WarcFiles.Record("resource", [], "第二頁"u8.ToArray());
        var reader = new WarcRecordReader(new TrickleStream([.. first, .. second], 1), 1 << 20);

        Assert.Equal("第一頁", Encoding.UTF8.GetString(RecordAt(reader.Next(), 0).Block.Span));
        Assert.Equal("第二頁", Encoding.UTF8.GetString(RecordAt(reader.Next(), first.Length).Block.Span));
        Assert.IsType<WarcRead.End>(reader.Next());
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "no WARC record here (it opens with \"HTTP/1.1 200 OK\")")]
    [InlineData("WARC/1.1\r\nWARC-Type: resource\r\n\r\nabc", "a WARC record without Content-Length")]
    [InlineData("WARC/1.1\r\nContent-Length: 12x\r\n\r\nabc", "a WARC record whose Content-Length is \"12x\"")]
    [InlineData("WARC/1.1\r\nContent-Length: -3\r\n\r\nabc", "a WARC record whose Content-Length is \"-3\"")]
    [InlineData("WARC/1.1\r\nContent-Length:\r\n\r\nabc", "a WARC record whose Content-Length is \"\"")]
    [InlineData("WARC/1.1\r\nWARC-Type: resource\r\n", "truncated WARC record (the file ends in its header)")]
    [InlineData("WARC/1.1\r\nContent-Length: 8\r\n\r\nabc", "truncated WARC record (the file ends 5 bytes before its block does)")]
    [InlineData("WARC/1.1\r\nno colon here\r\nContent-Length: 0\r\n\r\n", "a WARC header line without a field name (\"no colon here\")")]
    [InlineData("WARC/1.1\r\n: value\r\nContent-Length: 0\r\n\r\n", "a WARC header line without a field name (\": value\")")]
    [InlineData("  leading space\r\n", "no WARC record here (it opens with \"  leading space\")")]
    public void Next_DamagedRecord_ThrowsWithTheReasonAndTheRecordsStart(string damaged, string reason)
    {
        var good = WarcFiles.Record("resource", [], "ok"u8.ToArray());
        var reader = Reader([.. good, .. Encoding.UTF8.GetBytes(damaged)]);
        RecordAt(reader.Next(), 0);

        var failure = Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.Equal(reason, failure.Message);
        Assert.Equal(good.Length, failure.Offset);
        Assert.False(failure.InCompressedData);
    }

    [Fact]
    public void Next_OversizedBlockCutShort_Throws()
    {
        var reader = Reader("WARC/1.1\r\nContent-Length: 100\r\n\r\nabc", max: 10);

        var failure = Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.Equal("truncated WARC record (the file ends 97 bytes before its block does)", failure.Message);
    }

    [Fact]
    public void Next_LongVersionLine_IsShortenedInTheReason()
    {
        var reader = Reader(new string('x', 100) + "\r\n");

        var failure = Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.Equal($"no WARC record here (it opens with \"{new string('x', 40)}…\")", failure.Message);
    }

    [Fact]
    public void Next_HeaderOverTheLimit_Throws()
    {
        var text = new StringBuilder("WARC/1.1\r\n");
        for (var i = 0; i < 1100; i++)
        {
            text.Append("X-Field-").Append(i).Append(": v\r\n");
        }

        var failure = Assert.Throws<EnvelopeDataException>(() => Reader(text.Append("Content-Length: 0\r\n\r\n").ToString()).Next());

        Assert.Equal($"a WARC header of over {WarcRecordReader.MaxHeaderBytes} bytes or {WarcRecordReader.MaxFields} fields", failure.Message);
    }

    [Fact]
    public void Next_LineLongerThanTheBuffer_Throws()
    {
        var failure = Assert.Throws<EnvelopeDataException>(() => Reader("WARC/1.1\r\nX-Long: " + new string('a', 70_000) + "\r\nContent-Length: 0\r\n\r\n").Next());

        Assert.Equal("a WARC header line of over 65536 bytes", failure.Message);
        Assert.Equal(0, failure.Offset);
    }

    [Fact]
    public void SkipToNextRecord_MovesToTheNextWarcLine()
    {
        var damaged = "WARC/1.1\r\nContent-Length: x\r\n\r\nblock with WARC/ inside a line\r\n\r\n"u8.ToArray();
        var good = WarcFiles.Record("resource", [], "ok"u8.ToArray());
        var reader = Reader([.. damaged, .. good]);
        Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.True(reader.SkipToNextRecord());
        Assert.Equal(damaged.Length, reader.Position);
        Assert.Equal("ok", Encoding.ASCII.GetString(RecordAt(reader.Next(), damaged.Length).Block.Span));
    }

    [Fact]
    public void SkipToNextRecord_AfterALineOfGarbage_FindsTheRecordRightAfterIt()
    {
        var good = WarcFiles.Record("resource", [], "ok"u8.ToArray());
        var reader = Reader([.. "garbage\r\n"u8, .. good]);
        Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.True(reader.SkipToNextRecord());
        Assert.Equal(9, reader.Position);
        Assert.Equal("ok", Encoding.ASCII.GetString(RecordAt(reader.Next(), 9).Block.Span));
    }

    [Fact]
    public void SkipToNextRecord_AfterAReadThatTookNothing_MovesOn()
    {
        // Blank lines, then a version line longer than the buffer: the read fails where the line starts.
        var good = WarcFiles.Record("resource", [], "ok"u8.ToArray());
        byte[] bytes = [.. "\r\n\r\nWARC/"u8, .. new byte[70_000].Select(_ => (byte)'x'), .. "\r\n"u8, .. good];
        var reader = Reader(bytes);
        var failure = Assert.Throws<EnvelopeDataException>(() => reader.Next());
        Assert.Equal(4, failure.Offset);
        Assert.Equal(4, reader.Position);

        Assert.True(reader.SkipToNextRecord());
        Assert.Equal(bytes.Length - good.Length, reader.Position);
        Assert.Equal("ok", Encoding.ASCII.GetString(RecordAt(reader.Next(), bytes.Length - good.Length).Block.Span));
    }

    [Fact]
    public void SkipToNextRecord_NoneLeft_IsFalseAtTheEnd()
    {
        var text = "WARC/1.1\r\nContent-Length: x\r\n\r\nno more records\r\nWARC";
        var reader = Reader(text);
        Assert.Throws<EnvelopeDataException>(() => reader.Next());

        Assert.False(reader.SkipToNextRecord());
        Assert.Equal(text.Length, reader.Position);
        Assert.IsType<WarcRead.End>(reader.Next());
    }

    [Fact]
    public void Reset_CountsOnFromTheGivenPosition()
    {
        var reader = Reader(WarcFiles.Record("resource", [], "ok"u8.ToArray()));

        reader.Reset(1000);

        Assert.Equal(1000, reader.Position);
        RecordAt(reader.Next(), 1000);
    }
}
