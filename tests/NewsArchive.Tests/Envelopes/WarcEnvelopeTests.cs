using System.IO.Compression;
using System.Text;
using NewsArchive.Envelopes;
using static NewsArchive.Tests.Envelopes.WarcFiles;

namespace NewsArchive.Tests.Envelopes;

public sealed class WarcEnvelopeTests
{
    private const string Uri1 = "https://news.example.tw/articles/1001";
    private const string Uri2 = "https://news.example.tw/articles/1002";
    private const string Uri3 = "https://news.example.tw/articles/1003";

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("0.17")]
    [InlineData("0.18")]
    public void Read_ResponseRecord_IsAnItemWithWhatTheRecordSays(string version)
    {
        var http = Http(Utf8.GetBytes(Page(1)), "text/html; charset=UTF-8");
        byte[] file = [.. Warcinfo(), .. Response(Uri1, http, "2024-11-01T02:03:04Z", version)];

        var entry = Assert.Single(ReadAll(file));

        var input = Item(entry).Input;
        Assert.Equal("crawl.warc", input.Path);
        Assert.Equal(Page(1), Utf8.GetString(input.Bytes.Span));
        Assert.Equal(Text(Warcinfo().Length), input.Member);
        Assert.Equal(input.Member, entry.Member);
        Assert.Equal(Uri1, input.TargetUri);
        Assert.Equal("2024-11-01T02:03:04Z", input.Fetched);
        Assert.Equal("UTF-8", input.Charset);
        Assert.Empty(input.Warnings);
        Assert.Equal($"crawl.warc#{input.Member}", input.DisplayName);
    }

    [Fact]
    public void Read_UnknownVersion_IsAFailureForThatRecord()
    {
        var odd = HtmlResponse(Uri1, Page(1), version: "2.0");
        var good = HtmlResponse(Uri2, Page(2));

        var entries = ReadAll([.. odd, .. good]);

        Assert.Equal(2, entries.Count);
        Assert.Equal(new EnvelopeEntry.Failed("0", "WARC/2.0 is not a version this reads (1.0, 1.1, 0.17, 0.18)"), entries[0]);
        Assert.Equal(Text(odd.Length), entries[1].Member);
        Assert.Equal(Page(2), BodyText(entries[1]));
    }

    [Fact]
    public void Read_PlainFile_MembersAreTheRecordsOffsets()
    {
        byte[][] records = [Warcinfo(), Request(Uri1), HtmlResponse(Uri1, Page(1)), Request(Uri2), HtmlResponse(Uri2, Page(2)), HtmlResponse(Uri3, Page(3))];
        var offsets = Offsets(records);

        var entries = ReadAll([.. records.SelectMany(r => r)]);

        Assert.Equal([Text(offsets[2]), Text(offsets[4]), Text(offsets[5])], entries.Select(e => e.Member));
        Assert.Equal([Page(1), Page(2), Page(3)], entries.Select(BodyText));
        Assert.Equal([Uri1, Uri2, Uri3], entries.Select(e => Item(e).Input.TargetUri));
    }

    [Fact]
    public void Read_GzipMemberPerRecord_MembersAreTheMembersOffsets()
    {
        byte[][] records = [Warcinfo(), HtmlResponse(Uri1, Page(1)), Request(Uri2), HtmlResponse(Uri2, Page(2)), HtmlResponse(Uri3, Page(3))];
        var compressed = records.Select(Gzip).ToArray();
        var offsets = Offsets(compressed);

        var entries = ReadAll([.. compressed.SelectMany(c => c)]);

        Assert.Equal([Text(offsets[1]), Text(offsets[3]), Text(offsets[4])], entries.Select(e => e.Member));
        Assert.Equal([Page(1), Page(2), Page(3)], entries.Select(BodyText));
    }

    [Fact]
    public void Read_OneGzipMemberForAll_MembersAreTheMemberAndTheDistanceIntoIt()
    {
        byte[][] records = [Warcinfo(), HtmlResponse(Uri1, Page(1)), HtmlResponse(Uri2, Page(2))];
        var offsets = Offsets(records);

        var entries = ReadAll(Gzip([.. records.SelectMany(r => r)]));

        Assert.Equal([$"0+{offsets[1]}", $"0+{offsets[2]}"], entries.Select(e => e.Member));
        Assert.Equal([Page(1), Page(2)], entries.Select(BodyText));
    }

    [Fact]
    public void Read_GzipMembersOfSeveralRecords_NameEachRecordWithinItsMember()
    {
        byte[][] first = [Warcinfo(), HtmlResponse(Uri1, Page(1))];
        byte[][] second = [HtmlResponse(Uri2, Page(2)), HtmlResponse(Uri3, Page(3))];
        var firstMember = Gzip([.. first.SelectMany(r => r)]);
        byte[] file = [.. firstMember, .. Gzip([.. second.SelectMany(r => r)])];

        var entries = ReadAll(file);

        Assert.Equal([$"0+{first[0].Length}", Text(firstMember.Length), $"{firstMember.Length}+{second[0].Length}"], entries.Select(e => e.Member));
        Assert.Equal([Page(1), Page(2), Page(3)], entries.Select(BodyText));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void Read_StreamGivingFewBytesARead_ReadsTheSame(int most)
    {
        byte[][] records = [Warcinfo(), HtmlResponse(Uri1, Page(1)), HtmlResponse(Uri2, Page(2))];
        byte[] plain = [.. records.SelectMany(r => r)];
        var gzip = GzipPerRecord(records);

        Assert.Equal(ReadAll(plain).Select(e => e.Member), ReadAll(plain, stream: new TrickleStream(plain, most)).Select(e => e.Member));
        Assert.Equal(ReadAll(gzip).Select(e => e.Member), ReadAll(gzip, stream: new TrickleStream(gzip, most)).Select(e => e.Member));
        Assert.Equal([Page(1), Page(2)], ReadAll(gzip, stream: new TrickleStream(gzip, most)).Select(BodyText));
    }

    [Fact]
    public void Read_LargePage_IsReadWhole()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<p>第{i}段：立法院今天三讀通過修正案。</p>")) + "</body></html>";
        var record = HtmlResponse(Uri1, html);
        Assert.True(record.Length > 500_000);

        Assert.Equal(html, BodyText(Assert.Single(ReadAll(record))));
        Assert.Equal(html, BodyText(Assert.Single(ReadAll(Gzip(record)))));
    }

    [Theory]
    [InlineData("<https://news.example.tw/a?id=1>", "https://news.example.tw/a?id=1")]
    [InlineData("https://news.example.tw/a?id=1", "https://news.example.tw/a?id=1")]
    [InlineData("  < https://news.example.tw/a >  ", "https://news.example.tw/a")]
    [InlineData("<>", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    [InlineData("<", "<")]
    public void TargetUri_DropsTheAngleBracketsWgetWrites(string? field, string? expected) => Assert.Equal(expected, WarcEnvelope.TargetUri(field));

    [Fact]
    public void Read_WgetTargetInAngleBrackets_IsTheBareUri()
    {
        var record = Record("response", Common("2024-11-01T02:03:04Z", ("WARC-Target-URI", "<" + Uri1 + ">"), ("Content-Type", "application/http;msgtype=response")), Http(Utf8.GetBytes(Page(1))), "1.0");

        Assert.Equal(Uri1, Item(Assert.Single(ReadAll(record))).Input.TargetUri);
    }

    [Theory]
    [InlineData("2024-11-01T02:03:04Z", "2024-11-01T02:03:04Z")]
    [InlineData("2024-11-01T10:03:04+08:00", "2024-11-01T02:03:04Z")]
    [InlineData("2024-11-01T02:03:04.5Z", "2024-11-01T02:03:04.5Z")]
    [InlineData("2024-11-01T02:03:04.120Z", "2024-11-01T02:03:04.12Z")]
    [InlineData("2024-11-01T02:03:04.1234567Z", "2024-11-01T02:03:04.1234567Z")]
    [InlineData("2024-11-01T02:03:04", "2024-11-01T02:03:04Z")]
    [InlineData(" 2009-01-13T23:59:59Z ", "2009-01-13T23:59:59Z")]
    [InlineData("2024-01-01T01:00:00+08:00", "2023-12-31T17:00:00Z")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Fetched_IsIso8601Utc(string? field, string? expected) => Assert.Equal(expected, WarcEnvelope.Fetched(field));

    [Fact]
    public void Read_WarcDateThatIsNoTime_WarnsAndLeavesFetchedNull()
    {
        var input = Item(Assert.Single(ReadAll(HtmlResponse(Uri1, Page(1), date: "last Tuesday")))).Input;

        Assert.Null(input.Fetched);
        Assert.Equal(["WARC-Date \"last Tuesday\" is not a time: fetched is null"], input.Warnings.ToArray());
    }

    [Fact]
    public void Read_CharsetIsTheHttpContentTypes()
    {
        var http = Http(Encoding.Latin1.GetBytes("<html><body>big5 bytes</body></html>"), "text/html; charset=\"Big5\"");

        Assert.Equal("Big5", Item(Assert.Single(ReadAll(Response(Uri1, http)))).Input.Charset);
        Assert.Null(Item(Assert.Single(ReadAll(Response(Uri1, Http(Utf8.GetBytes(Page(1)), "text/html"))))).Input.Charset);
    }

    [Fact]
    public void Read_ResourceRecord_IsTheBlockItself()
    {
        var block = Utf8.GetBytes(Page(7));

        var input = Item(Assert.Single(ReadAll(Resource(Uri1, block, "text/html; charset=utf-8", "2010-05-06T07:08:09Z")))).Input;

        Assert.Equal(block, input.Bytes.ToArray());
        Assert.Equal("utf-8", input.Charset);
        Assert.Equal(Uri1, input.TargetUri);
        Assert.Equal("2010-05-06T07:08:09Z", input.Fetched);
        Assert.Equal("0", input.Member);
    }

    [Theory]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("", true)]
    [InlineData("image/png", false)]
    [InlineData("text/plain", false)]
    public void Read_ResourceRecord_IsAnItemWhenItIsHtml(string contentType, bool item)
    {
        var entries = ReadAll(Resource(Uri1, Utf8.GetBytes(Page(2)), contentType));

        Assert.Equal(item ? 1 : 0, entries.Count);
    }

    [Fact]
    public void Read_ResourceRecordWithoutTypeThatIsNoHtml_IsPassedOver()
    {
        Assert.Empty(ReadAll(Resource(Uri1, [0x89, .. "PNG\r\n\x1A\n"u8], string.Empty)));
    }

    [Fact]
    public void Read_RecordsThatHoldNoPage_ArePassedOverSilently()
    {
        byte[][] records =
        [
            Warcinfo(),
            Request(Uri1),
            Record("metadata", Common("2024-11-01T02:03:05Z", ("WARC-Target-URI", Uri1), ("Content-Type", "application/warc-fields")), "outlink: https://news.example.tw/\r\n"u8.ToArray()),
            Record("conversion", Common("2024-11-01T02:03:05Z", ("WARC-Target-URI", Uri1), ("Content-Type", "text/html")), Utf8.GetBytes(Page(9))),
            Record("continuation", Common("2024-11-01T02:03:05Z", ("WARC-Target-URI", Uri1)), Utf8.GetBytes(Page(9))),
            Response("https://news.example.tw/logo.png", Http([0x89, .. "PNG\r\n"u8], "image/png")),
            Response("https://news.example.tw/api", Http("{\"title\":\"<html>\"}"u8.ToArray(), "application/json")),
            Response("https://news.example.tw/gone", Http(Utf8.GetBytes(Page(9)), status: "404 Not Found")),
            Response("https://news.example.tw/moved", Http(Utf8.GetBytes(Page(9)), status: "301 Moved Permanently", headers: ("Location", Uri2))),
            Response("https://news.example.tw/cached", Http(Utf8.GetBytes(Page(9)), status: "304 Not Modified")),
            Response("https://news.example.tw/error", Http(Utf8.GetBytes(Page(9)), status: "500 Internal Server Error")),
            Record("response", Common("2024-11-01T02:03:05Z", ("WARC-Target-URI", Uri1), ("Content-Type", "application/octet-stream")), Utf8.GetBytes(Page(9))),
            HtmlResponse(Uri2, Page(2)),
        ];
        var offsets = Offsets(records);

        var entry = Assert.Single(ReadAll([.. records.SelectMany(r => r)]));

        Assert.Equal(Text(offsets[^1]), entry.Member);
        Assert.Equal(Page(2), BodyText(entry));
    }

    [Fact]
    public void Read_ResponseWithOtherSuccessCodeAndNoType_IsAnItemWhenItLooksLikeHtml()
    {
        var http = Http(Utf8.GetBytes(Page(4)), contentType: string.Empty, status: "203 Non-Authoritative Information");

        Assert.Equal(Page(4), BodyText(Assert.Single(ReadAll(Response(Uri1, http)))));
    }

    [Fact]
    public void Read_Revisit_IsAnEntryOfItsOwn()
    {
        byte[][] records = [HtmlResponse(Uri1, Page(1)), Revisit(Uri1), HtmlResponse(Uri2, Page(2))];
        var offsets = Offsets(records);

        var entries = ReadAll([.. records.SelectMany(r => r)]);

        Assert.Equal(3, entries.Count);
        Assert.Equal(new EnvelopeEntry.Revisit(Text(offsets[1]), Uri1), entries[1]);
        Assert.Equal(Text(offsets[1]), entries[1].Member);
        Assert.Equal(Page(2), BodyText(entries[2]));
    }

    [Fact]
    public void Read_RevisitWithoutTarget_HasNone()
    {
        var revisit = Record("revisit", Common("2024-11-01T02:03:05Z"), []);

        Assert.Equal(new EnvelopeEntry.Revisit("0", null), Assert.Single(ReadAll(revisit)));
    }

    [Fact]
    public void Read_BadContentLength_IsAFailureAndTheNextRecordsAreRead()
    {
        var good = HtmlResponse(Uri1, Page(1));
        var bad = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(HtmlResponse(Uri2, Page(2))).Replace("Content-Length: ", "Content-Length: x", StringComparison.Ordinal));
        var after = HtmlResponse(Uri3, Page(3));
        byte[] file = [.. good, .. bad, .. after];

        var entries = ReadAll(file);

        Assert.Equal(3, entries.Count);
        Assert.Equal("0", entries[0].Member);
        var failed = Assert.IsType<EnvelopeEntry.Failed>(entries[1]);
        Assert.Equal(Text(good.Length), failed.Member);
        Assert.StartsWith("a WARC record whose Content-Length is \"x", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Text(good.Length + bad.Length), entries[2].Member);
        Assert.Equal(Page(3), BodyText(entries[2]));
    }

    [Theory]
    [InlineData("junk\r\n")]
    [InlineData("junk\r\n\r\n")]
    [InlineData("\0\0\0 binary junk \xFF\r\nmore junk\r\n")]
    public void Read_GarbageBetweenRecords_IsAFailureAndTheNextRecordsAreRead(string garbage)
    {
        var good = HtmlResponse(Uri1, Page(1));
        var junk = Encoding.Latin1.GetBytes(garbage);
        var after = HtmlResponse(Uri2, Page(2));
        var last = HtmlResponse(Uri3, Page(3));

        var entries = ReadAll([.. good, .. junk, .. after, .. last]);

        Assert.Equal(4, entries.Count);
        Assert.Equal("0", entries[0].Member);
        var failed = Assert.IsType<EnvelopeEntry.Failed>(entries[1]);
        Assert.Equal(Text(good.Length), failed.Member);
        Assert.StartsWith("no WARC record here (it opens with \"", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Text(good.Length + junk.Length), entries[2].Member);
        Assert.Equal(Page(2), BodyText(entries[2]));
        Assert.Equal(Text(good.Length + junk.Length + after.Length), entries[3].Member);
    }

    [Fact]
    public void Read_LineOfGarbageLongerThanTheBuffer_IsOneFailureAndTheNextRecordIsRead()
    {
        var good = HtmlResponse(Uri1, Page(1));
        byte[] junk = [.. "\r\nWARC/"u8, .. Enumerable.Repeat((byte)'x', 70_000), .. "\r\n"u8];
        var after = HtmlResponse(Uri2, Page(2));

        var entries = ReadAll([.. good, .. junk, .. after]);

        Assert.Equal(3, entries.Count);
        Assert.Equal(new EnvelopeEntry.Failed(Text(good.Length + 2), "a WARC header line of over 65536 bytes"), entries[1]);
        Assert.Equal(Text(good.Length + junk.Length), entries[2].Member);
        Assert.Equal(Page(2), BodyText(entries[2]));
    }

    [Fact]
    public void Read_TruncatedFile_GivesTheRecordsBeforeAndAFailure()
    {
        var first = HtmlResponse(Uri1, Page(1));
        var second = HtmlResponse(Uri2, Page(2));
        byte[] file = [.. first, .. second.AsSpan(0, second.Length - 100)];

        var entries = ReadAll(file);

        Assert.Equal(2, entries.Count);
        Assert.Equal(Page(1), BodyText(entries[0]));
        Assert.Equal(new EnvelopeEntry.Failed(Text(first.Length), "truncated WARC record (the file ends 96 bytes before its block does)"), entries[1]);
    }

    [Fact]
    public void Read_FileEndingBeforeTheBlanksAfterTheLastBlock_LosesNothing()
    {
        var record = HtmlResponse(Uri1, Page(1));

        Assert.Equal(Page(1), BodyText(Assert.Single(ReadAll(record.AsSpan(0, record.Length - 4).ToArray()))));
    }

    [Fact]
    public void Read_OversizedRecord_IsAFailureAndTheRestIsRead()
    {
        var small = HtmlResponse(Uri1, "<html><body>短</body></html>");
        var large = HtmlResponse(Uri2, Page(2));
        var alsoSmall = HtmlResponse(Uri3, "<html><body>也短</body></html>");
        var blockLength = Http(Utf8.GetBytes(Page(2))).Length;
        var options = new EnvelopeOptions { MaxRecordBytes = 300 };

        var entries = ReadAll([.. small, .. large, .. alsoSmall], options);

        Assert.Equal(3, entries.Count);
        Assert.Equal("<html><body>短</body></html>", BodyText(entries[0]));
        Assert.Equal(new EnvelopeEntry.Failed(Text(small.Length), $"a WARC record of {blockLength} bytes, over the 300-byte limit"), entries[1]);
        Assert.Equal("<html><body>也短</body></html>", BodyText(entries[2]));
        Assert.Equal(Text(small.Length + large.Length), entries[2].Member);
    }

    [Fact]
    public void Read_OversizedRecordInGzip_IsAFailureAndTheRestIsRead()
    {
        byte[][] records = [HtmlResponse(Uri1, "<html>短</html>"), HtmlResponse(Uri2, Page(2)), HtmlResponse(Uri3, "<html>也短</html>")];
        var compressed = records.Select(Gzip).ToArray();
        var offsets = Offsets(compressed);

        var entries = ReadAll([.. compressed.SelectMany(c => c)], new EnvelopeOptions { MaxRecordBytes = 300 });

        Assert.Equal([Text(offsets[0]), Text(offsets[1]), Text(offsets[2])], entries.Select(e => e.Member));
        Assert.IsType<EnvelopeEntry.Item>(entries[0]);
        Assert.Contains("over the 300-byte limit", Assert.IsType<EnvelopeEntry.Failed>(entries[1]).Reason, StringComparison.Ordinal);
        Assert.IsType<EnvelopeEntry.Item>(entries[2]);
    }

    [Fact]
    public void Read_KeepTargetRefusing_IsFilteredBeforeTheBodyIsRead()
    {
        var kept = HtmlResponse(Uri1, Page(1));
        var left = HtmlResponse("https://other.example.com/p/1", Page(2));
        // A body that cannot be decoded: filtered records are not decoded, so no failure.
        var undecodable = Response("https://other.example.com/p/2", Http(Utf8.GetBytes(Page(3)), headers: ("Content-Encoding", "compress")));
        var options = new EnvelopeOptions { KeepTarget = uri => new Uri(uri).Host == "news.example.tw" };

        var entries = ReadAll([.. kept, .. left, .. undecodable], options);

        Assert.Equal(3, entries.Count);
        Assert.Equal(Page(1), BodyText(entries[0]));
        Assert.Equal(new EnvelopeEntry.Filtered(Text(kept.Length), "https://other.example.com/p/1"), entries[1]);
        Assert.Equal(new EnvelopeEntry.Filtered(Text(kept.Length + left.Length), "https://other.example.com/p/2"), entries[2]);
    }

    [Fact]
    public void Read_KeepTarget_IsNotAskedOfRecordsWithoutTargetOrOfNoPage()
    {
        var asked = new List<string>();
        var options = new EnvelopeOptions { KeepTarget = uri => { asked.Add(uri); return false; } };
        var noTarget = Record("resource", Common("2024-11-01T02:03:05Z", ("Content-Type", "text/html")), Utf8.GetBytes(Page(1)));

        var gone = Response(Uri2, Http(Utf8.GetBytes(Page(2)), status: "404 Not Found"));
        var image = Response(Uri3, Http([0x89, .. "PNG\r\n"u8], "image/png"));

        var entries = ReadAll([.. Warcinfo(), .. noTarget, .. Request(Uri2), .. gone, .. image], options);

        Assert.Equal(Page(1), BodyText(Assert.Single(entries)));
        Assert.Empty(asked);
    }

    [Fact]
    public void Read_ResponseThatIsNoHttp_IsAFailure()
    {
        var broken = Response(Uri1, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"u8.ToArray());
        var good = HtmlResponse(Uri2, Page(2));

        var entries = ReadAll([.. broken, .. good]);

        Assert.Equal(new EnvelopeEntry.Failed("0", "an HTTP response without the blank line that ends its header"), entries[0]);
        Assert.Equal(Page(2), BodyText(entries[1]));
    }

    [Fact]
    public void Read_ChunkedGzippedResponse_IsDecodedAndItsWarningsKept()
    {
        var html = Utf8.GetBytes(Page(5));
        var gzip = Gzip(html);
        byte[] chunked = [.. Encoding.ASCII.GetBytes($"{gzip.Length:x}\r\n"), .. gzip, .. "\r\n0\r\n\r\n"u8];
        var http = Http(chunked, "text/html; charset=utf-8", headers: [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]);
        var cut = Http(chunked.AsSpan(0, chunked.Length - 7).ToArray(), "text/html", headers: [("Transfer-Encoding", "chunked")]);

        var entries = ReadAll([.. Response(Uri1, http), .. Response(Uri2, cut)]);

        Assert.Equal(html, Item(entries[0]).Input.Bytes.ToArray());
        Assert.Empty(Item(entries[0]).Input.Warnings);
        Assert.Equal(gzip, Item(entries[1]).Input.Bytes.ToArray());
        Assert.Equal(["the HTTP body's chunked encoding ends early: read the chunks that are there"], Item(entries[1]).Input.Warnings.ToArray());
    }

    [Fact]
    public void Read_HttpBodyDecodingOverTheLimit_IsAFailure()
    {
        var http = Http(Gzip(new byte[100_000]), "text/html", headers: ("Content-Encoding", "gzip"));

        var entries = ReadAll(Response(Uri1, http), new EnvelopeOptions { MaxRecordBytes = 50_000 });

        Assert.Equal(new EnvelopeEntry.Failed("0", "the HTTP body decodes to over the 50000-byte limit"), Assert.Single(entries));
    }

    [Fact]
    public void Read_BrotliSaidButNotThere_IsReadAsItIsWithAWarning()
    {
        var http = Http(Utf8.GetBytes(Page(6)), "text/html", headers: ("Content-Encoding", "br"));

        var input = Item(Assert.Single(ReadAll(Response(Uri1, http)))).Input;

        Assert.Equal(Page(6), Utf8.GetString(input.Bytes.Span));
        Assert.Equal(["the HTTP body says Content-Encoding br but is not: read as it is"], input.Warnings.ToArray());
    }

    [Fact]
    public void Read_EmptyFile_HasNoEntries()
    {
        Assert.Empty(ReadAll([]));
        Assert.Empty(ReadAll("\r\n\r\n"u8.ToArray()));
    }

    [Fact]
    public void Read_DamagedGzipMember_IsAFailureNamingItAndTheNextMembersAreRead()
    {
        byte[][] records = [HtmlResponse(Uri1, Page(1)), HtmlResponse(Uri2, Page(2)), HtmlResponse(Uri3, Page(3))];
        var compressed = records.Select(Gzip).ToArray();
        compressed[1][10] = 0xFF;
        var offsets = Offsets(compressed);

        var entries = ReadAll([.. compressed.SelectMany(c => c)]);

        Assert.Equal(3, entries.Count);
        Assert.Equal(Page(1), BodyText(entries[0]));
        Assert.Equal(new EnvelopeEntry.Failed(Text(offsets[1]), "damaged gzip data (its compressed data cannot be decoded)"), entries[1]);
        Assert.Equal(Text(offsets[2]), entries[2].Member);
        Assert.Equal(Page(3), BodyText(entries[2]));
    }

    [Fact]
    public void Read_GarbageBetweenGzipMembers_IsAFailureAndTheNextMembersAreRead()
    {
        var first = Gzip(HtmlResponse(Uri1, Page(1)));
        var junk = "\0\0\0\0junk"u8.ToArray();
        var second = Gzip(HtmlResponse(Uri2, Page(2)));

        var entries = ReadAll([.. first, .. junk, .. second]);

        Assert.Equal(3, entries.Count);
        Assert.Equal("0", entries[0].Member);
        Assert.Equal(new EnvelopeEntry.Failed(Text(first.Length), "no gzip member here (the data after a member is no gzip header)"), entries[1]);
        Assert.Equal(Text(first.Length + junk.Length), entries[2].Member);
        Assert.Equal(Page(2), BodyText(entries[2]));
    }

    [Fact]
    public void Read_TruncatedGzipFile_GivesTheRecordsBeforeAndAFailure()
    {
        var first = Gzip(HtmlResponse(Uri1, Page(1)));
        var second = Gzip(HtmlResponse(Uri2, Page(2)));
        byte[] file = [.. first, .. second.AsSpan(0, second.Length / 2)];

        var entries = ReadAll(file);

        Assert.Equal(2, entries.Count);
        Assert.Equal(Page(1), BodyText(entries[0]));
        var failed = Assert.IsType<EnvelopeEntry.Failed>(entries[1]);
        Assert.Equal(Text(first.Length), failed.Member);
        Assert.Contains("truncated", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneGzipMemberCutInTheLineBreaksAfterABlock_KeepsThatRecord()
    {
        var first = HtmlResponse(Uri1, Page(1));
        var second = HtmlResponse(Uri2, Page(2));
        using var output = new MemoryStream();
        var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        gzip.Write([.. first, .. second.AsSpan(0, second.Length - 3)]);
        gzip.Flush();

        // The member's data stops two bytes into the line breaks after the second block.
        var entries = ReadAll(output.ToArray());

        Assert.Equal(3, entries.Count);
        Assert.Equal("0", entries[0].Member);
        Assert.Equal($"0+{first.Length}", entries[1].Member);
        Assert.Equal(Page(2), BodyText(entries[1]));
        Assert.Equal(new EnvelopeEntry.Failed("0", "truncated gzip member (the file ends inside it)"), entries[2]);
    }

    [Fact]
    public void Read_DamagedRecordInsideAGoodGzipMember_IsAFailureNamingTheRecord()
    {
        var good = HtmlResponse(Uri1, Page(1));
        var bad = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(HtmlResponse(Uri2, Page(2))).Replace("Content-Length: ", "Content-Length: -", StringComparison.Ordinal));
        var after = HtmlResponse(Uri3, Page(3));
        var compressed = new[] { good, bad, after }.Select(Gzip).ToArray();
        var offsets = Offsets(compressed);

        var entries = ReadAll([.. compressed.SelectMany(c => c)]);

        Assert.Equal(3, entries.Count);
        var failed = Assert.IsType<EnvelopeEntry.Failed>(entries[1]);
        Assert.Equal(Text(offsets[1]), failed.Member);
        Assert.StartsWith("a WARC record whose Content-Length is \"-", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Text(offsets[2]), entries[2].Member);
        Assert.Equal(Page(3), BodyText(entries[2]));
    }

    [Fact]
    public void Read_GzipMagicWithoutAHeader_IsOneFailure()
    {
        Assert.Equal([new EnvelopeEntry.Failed("0", "no gzip header")], ReadAll([0x1F, 0x8B, 8, 0]));
    }

    [Fact]
    public void Read_GzipOfNoWarc_IsAFailure()
    {
        var entries = ReadAll(Gzip(Utf8.GetBytes(Page(1))));

        var failed = Assert.IsType<EnvelopeEntry.Failed>(Assert.Single(entries));
        Assert.Equal("0", failed.Member);
        Assert.StartsWith("no WARC record here (it opens with \"<!DOCTYPE html>\")", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LeavesTheCallersStreamToTheCaller()
    {
        using var plain = new MemoryStream(HtmlResponse(Uri1, Page(1)));
        using var gzip = new MemoryStream(Gzip(HtmlResponse(Uri1, Page(1))));

        Assert.Single(WarcEnvelope.Read(plain, "crawl.warc").ToList());
        Assert.Single(WarcEnvelope.Read(gzip, "crawl.warc.gz").ToList());

        Assert.True(plain.CanRead);
        Assert.True(gzip.CanRead);
    }

    [Fact]
    public void Read_CompressedStreamOfTheZipKind_IsReadLikeAFile()
    {
        // A .warc.gz as a zip entry hands it over: a stream that cannot seek.
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("x.warc.gz").Open();
            entry.Write(GzipPerRecord([HtmlResponse(Uri1, Page(1)), HtmlResponse(Uri2, Page(2))]));
        }

        using var read = new ZipArchive(new MemoryStream(zipped.ToArray()), ZipArchiveMode.Read);
        var entries = WarcEnvelope.Read(read.Entries[0].Open(), "x.wacz").ToList();

        Assert.Equal([Page(1), Page(2)], entries.Select(BodyText));
    }
}
