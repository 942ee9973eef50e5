using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using NewsArchive.Testing;

namespace NewsArchive.Cli.Tests;

/// <summary>
/// Web archives as real crawlers write them: GNU wget fetches the golden pages from a loopback
/// server (as their HTTP proxy, so each is named by its own URL), warcio writes the record types
/// wget does not, and the damaged copies are cut from those. Each archive gives the records its
/// pages give as files.
/// </summary>
public sealed class WarcInputTests
{
    /// <summary>What a page read from a web archive may say differently from the same page read as a file.</summary>
    private static readonly string[] EnvelopeFields = ["member", "fetched", "path"];

    private static readonly Lazy<IReadOnlyList<GoldenPage>> Pages = new(LoadPages);

    /// <summary>A golden case's page, the URL it is served at, and its record read as a file.</summary>
    private sealed record GoldenPage(string Name, string InputPath, string Url, JsonObject Record);

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void WgetWarcOfEveryGoldenPage_GivesTheRecordsOfThePagesReadAsFiles(bool compress)
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress);

        var run = CliRun.Invoke("extract", "-f", "jsonl", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var records = JsonLines(run.Stdout);
        Assert.Equal(Pages.Value.Count, records.Count);
        Assert.Equal($"newsarchive: 1 file ({Pages.Value.Count} archived pages), {Pages.Value.Count} records, 0 errors, {Warnings(Pages.Value)}", run.Stderr.Trim());
        AssertSameRecords(Pages.Value, records, warc, member => Assert.Matches("^[0-9]+$", member));
    }

    [SkippableFact]
    public void AllRecordsInOneGzipMember_GiveTheSameRecords_NamedByMemberAndOffset()
    {
        WarcWriters.RequireWget();
        var plain = WgetGoldenWarc(compress: false);
        var one = Path.Combine(Path.GetDirectoryName(plain)!, "one-member.warc.gz");
        using (var output = File.Create(one))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(plain));
        }

        var run = CliRun.Invoke("extract", "-f", "jsonl", one);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var records = JsonLines(run.Stdout);
        AssertSameRecords(Pages.Value, records, one, member => Assert.Matches("^0\\+[0-9]+$", member));

        // The offset after "0+" is where the record starts in the uncompressed data: the plain file's offset.
        var plainRecords = JsonLines(CliRun.Invoke("extract", "-f", "jsonl", plain).Stdout);
        Assert.Equal(plainRecords.Select(r => "0+" + (string?)r["member"]), records.Select(r => (string?)r["member"]));
    }

    [SkippableFact]
    public void Wacz_ReadsItsArchiveWarcs_InNameOrder()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);
        var wacz = Path.Combine(Path.GetDirectoryName(warc)!, "crawl.wacz");
        var pages = Pages.Value;
        var half = pages.Count / 2;
        var first = WarcWriters.WgetWarc([.. pages.Take(half).Select(Served)], Path.Combine(Path.GetDirectoryName(warc)!, "a"));
        var second = WarcWriters.WgetWarc([.. pages.Skip(half).Select(Served)], Path.Combine(Path.GetDirectoryName(warc)!, "b"));
        using (var zip = ZipFile.Open(wacz, ZipArchiveMode.Create))
        {
            // Written out of order, with the other parts of a WACZ: the reader sorts by name and reads archive/ only.
            zip.CreateEntryFromFile(second, "archive/data-2.warc.gz", CompressionLevel.NoCompression);
            zip.CreateEntryFromFile(first, "archive/data-1.warc.gz", CompressionLevel.NoCompression);
            WriteEntry(zip, "datapackage.json", "{\"profile\": \"data-package\", \"wacz_version\": \"1.1.1\"}");
            WriteEntry(zip, "pages/pages.jsonl", "{\"format\": \"json-pages-1.0\"}\n");
        }

        var run = CliRun.Invoke("extract", "-f", "jsonl", wacz);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var records = JsonLines(run.Stdout);
        AssertSameRecords(pages, records, wacz, member => Assert.Matches("^archive/data-[12]\\.warc\\.gz#[0-9]+$", member));
        Assert.All(records.Take(half), r => Assert.StartsWith("archive/data-1.warc.gz#", (string?)r["member"], StringComparison.Ordinal));
        Assert.All(records.Skip(half), r => Assert.StartsWith("archive/data-2.warc.gz#", (string?)r["member"], StringComparison.Ordinal));

        // From standard input too: the zip is copied to a temporary file first.
        var piped = CliRun.InvokeWithStdin(File.ReadAllBytes(wacz), "extract", "-f", "jsonl", "-");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.Equal(records.Select(r => (string?)r["member"]), JsonLines(piped.Stdout).Select(r => (string?)r["member"]));
    }

    [SkippableFact]
    public void TruncatedCopy_ReportsTheCutRecord_ExitsOne_AndKeepsTheRecordsBefore()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);
        var whole = JsonLines(CliRun.Invoke("extract", "-f", "jsonl", warc).Stdout);
        var cutAt = whole.Count / 2;
        var cutMember = long.Parse((string)whole[cutAt]["member"]!, System.Globalization.CultureInfo.InvariantCulture);
        var truncated = Path.Combine(Path.GetDirectoryName(warc)!, "truncated.warc.gz");
        File.WriteAllBytes(truncated, File.ReadAllBytes(warc)[..(int)(cutMember + 200)]);

        var run = CliRun.Invoke("extract", "-f", "jsonl", truncated);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StderrLines, line => !line.StartsWith("newsarchive: 1 file", StringComparison.Ordinal));
        Assert.StartsWith($"newsarchive: {truncated}#{cutMember}: ", error, StringComparison.Ordinal);
        Assert.Contains("truncated", error, StringComparison.Ordinal);
        var records = JsonLines(run.Stdout);
        Assert.Equal(whole.Take(cutAt).Select(r => r.ToJsonString().Replace(warc, truncated, StringComparison.Ordinal)), records.Select(r => r.ToJsonString()));
    }

    [SkippableFact]
    public void DamagedRecord_IsOneErrorLine_AndEveryOtherRecordIsRead()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);
        var whole = JsonLines(CliRun.Invoke("extract", "-f", "jsonl", warc).Stdout);
        var hit = whole.Count / 2;
        var member = long.Parse((string)whole[hit]["member"]!, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(warc);
        for (var i = 40; i < 240; i++)
        {
            // Inside the member's deflate data, past its gzip header.
            bytes[member + i] ^= 0x5A;
        }

        var damaged = Path.Combine(Path.GetDirectoryName(warc)!, "damaged.warc.gz");
        File.WriteAllBytes(damaged, bytes);

        var run = CliRun.Invoke("extract", "-f", "jsonl", damaged);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StderrLines, line => !line.StartsWith("newsarchive: 1 file", StringComparison.Ordinal));
        Assert.StartsWith($"newsarchive: {damaged}#{member}: ", error, StringComparison.Ordinal);
        var expected = whole.Where((_, i) => i != hit).Select(r => (string?)r["id"]);
        Assert.Equal(expected, JsonLines(run.Stdout).Select(r => (string?)r["id"]));
        Assert.EndsWith($"{whole.Count - 1} records, 1 error, {Warnings(Pages.Value.Where((_, i) => i != hit))}", run.StderrLines[^1], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void WarcioRecordTypes_PagesAreRead_RevisitsCounted_TheRestPassedOver()
    {
        WarcWriters.RequireWarcio();
        var page = Pages.Value.First(p => p.Name.StartsWith("udn-html", StringComparison.Ordinal));
        var resource = Pages.Value.First(p => p.Name.StartsWith("cna-html", StringComparison.Ordinal));
        var html = File.ReadAllBytes(page.InputPath);
        var date = new DateTimeOffset(2024, 3, 5, 1, 2, 3, TimeSpan.Zero);
        var directory = Paths.TempDirectory();
        var warc = WarcWriters.WarcioWarc(
            [
                WarcioRecord.Warcinfo("crawl.warc.gz", [new("software", "warcio")], date),
                WarcioRecord.Request(page.Url, date),
                WarcioRecord.Response(page.Url, date, "text/html", html),
                WarcioRecord.Metadata(page.Url, date, "text/html", Encoding.UTF8.GetBytes("<html><body><p>a metadata record's text</p></body></html>")),
                WarcioRecord.Response("http://example.org/missing.html", date, "text/html", Encoding.UTF8.GetBytes("<html><body><p>not found</p></body></html>"), status: 404),
                WarcioRecord.Response("http://example.org/logo.png", date, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
                WarcioRecord.Revisit(page.Url, date.AddDays(1), page.Url, date),
                WarcioRecord.Resource(resource.Url, date.AddHours(2), "text/html", File.ReadAllBytes(resource.InputPath)),
            ],
            Path.Combine(directory, "types.warc.gz"),
            gzip: true,
            warcVersion: "WARC/1.1");

        var run = CliRun.Invoke("extract", "-f", "jsonl", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal($"newsarchive: 1 file (2 archived pages, 1 revisit), 2 records, 0 errors, {Warnings([page, resource])}", run.Stderr.Trim());
        var records = JsonLines(run.Stdout);
        Assert.Equal([page.Record["id"]!.ToString(), resource.Record["id"]!.ToString()], records.Select(r => r["id"]!.ToString()));
        Assert.Equal(["2024-03-05T01:02:03Z", "2024-03-05T03:02:03Z"], records.Select(r => (string?)r["fetched"]));
        AssertSameRecords([page, resource], records, warc, member => Assert.Matches("^[0-9]+$", member));
    }

    [SkippableFact]
    public void HttpEncodings_ChunkedAndGzip_AreUndone()
    {
        WarcWriters.RequireWarcio();
        var page = Pages.Value.First(p => p.Name.StartsWith("udn-html", StringComparison.Ordinal));
        var html = File.ReadAllBytes(page.InputPath);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(html);
        }

        var chunked = Chunked(compressed.ToArray(), 1000);
        var date = new DateTimeOffset(2024, 3, 5, 1, 2, 3, TimeSpan.Zero);
        var warc = WarcWriters.WarcioWarc(
            [
                WarcioRecord.Response(page.Url, date, "text/html", chunked) with
                {
                    HttpHeaders = new Dictionary<string, string> { ["Content-Encoding"] = "gzip", ["Transfer-Encoding"] = "chunked" },
                },
            ],
            Path.Combine(Paths.TempDirectory(), "encoded.warc"),
            gzip: false);

        var run = CliRun.Invoke("extract", "-f", "jsonl", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        AssertSameRecords([page], JsonLines(run.Stdout), warc, member => Assert.Equal("0", member));
    }

    [SkippableFact]
    public void TransportCharset_DecidesAPageThatDeclaresNone()
    {
        WarcWriters.RequireWget();
        var text = "<html><head><title>河濱步道完工 居民散步有新去處</title></head><body><article><h1>河濱步道完工 居民散步有新去處</h1>"
            + string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>第{i}段：市府今天宣布河濱步道整修完成，沿線新增照明與座椅，居民傍晚散步更加安心，里長表示會持續關注維護情形。</p>"))
            + "</article></body></html>";
        var big5 = CodePagesBig5().GetBytes(text);
        var warc = WarcWriters.WgetWarc([("http://www.example-riverside.tw/news/walk.html", big5, "text/html; charset=big5")], Path.Combine(Paths.TempDirectory(), "big5"));

        var run = CliRun.Invoke("extract", "-f", "jsonl", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var record = Assert.Single(JsonLines(run.Stdout));
        Assert.Equal("河濱步道完工 居民散步有新去處", (string?)record["title"]);
        Assert.StartsWith("第1段：市府今天宣布河濱步道整修完成", (string?)record["text"], StringComparison.Ordinal);

        // A page that names no canonical URL takes the target URI.
        Assert.Equal("http://www.example-riverside.tw/news/walk.html", (string?)record["url"]);
        Assert.Equal("example-riverside", (string?)record["source"]);
    }

    [SkippableFact]
    public void Source_DecidesByTheTargetHost_BeforeThePageIsParsed()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);
        var udn = Pages.Value.Where(p => (string?)p.Record["source"] == "udn").ToList();

        var run = CliRun.Invoke("extract", "-f", "jsonl", "--source", "udn", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(udn.Select(p => (string?)p.Record["id"]), JsonLines(run.Stdout).Select(r => (string?)r["id"]));
        Assert.Equal($"newsarchive: 1 file ({Pages.Value.Count} archived pages), {udn.Count} records ({Pages.Value.Count - udn.Count} filtered out), 0 errors, {Warnings(udn)}", run.Stderr.Trim());
    }

    [SkippableFact]
    public void ShardDedupeAndOutputDir_WorkOnItems()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);
        var whole = JsonLines(CliRun.Invoke("extract", "-f", "jsonl", warc).Stdout).Select(r => (string)r["member"]!).ToList();

        // --shard: each item falls in one part, by the archive's path and its member; the parts split the file.
        var parts = Enumerable.Range(1, 3).Select(k => JsonLines(CliRun.Invoke("extract", "-q", "-f", "jsonl", "--shard", $"{k}/3", warc).Stdout).Select(r => (string)r["member"]!).ToList()).ToList();
        Assert.All(parts, part => Assert.NotEmpty(part));
        Assert.Equal(whole.Order(StringComparer.Ordinal), parts.SelectMany(p => p).Order(StringComparer.Ordinal));

        // --dedupe: the same archive twice holds every page twice; one copy of each is written.
        var copy = Path.Combine(Path.GetDirectoryName(warc)!, "copy.warc.gz");
        File.Copy(warc, copy, overwrite: true);
        var deduped = CliRun.Invoke("extract", "-f", "jsonl", "--dedupe", warc, copy);
        Assert.True(deduped.ExitCode == 0, deduped.Stderr);
        var kept = JsonLines(deduped.Stdout);
        Assert.Equal(Pages.Value.Count, kept.Count);
        Assert.All(kept, r => Assert.Contains("1 other copy of this article dropped (--dedupe)", r["warnings"]!.AsArray().Select(w => (string?)w)));

        // --output-dir: an item's record is named by its id; with --keep-dirs, under the archive's name.
        var output = Paths.TempDirectory();
        var written = CliRun.Invoke("extract", "--output-dir", output, "--keep-dirs", warc);
        Assert.True(written.ExitCode == 0, written.Stderr);
        var expected = Pages.Value.Select(p => Path.Combine(output, Path.GetFileName(warc), ((string)p.Record["id"]!).Replace(':', '_') + ".json"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void StandardInput_ReadsAWarcRecordByRecord()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);

        var run = CliRun.InvokeWithStdin(File.ReadAllBytes(warc), "extract", "-f", "jsonl", "-");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var records = JsonLines(run.Stdout);
        AssertSameRecords(Pages.Value, records, "-", member => Assert.Matches("^[0-9]+$", member));
    }

    [SkippableFact]
    public void Audit_CountsTheItems()
    {
        WarcWriters.RequireWget();
        var warc = WgetGoldenWarc(compress: true);

        var run = CliRun.Invoke("audit", "--format", "json", warc);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(1, (int)report["files"]!);
        Assert.Equal(Pages.Value.Count, (int)report["archived_pages"]!);
        Assert.Equal(Pages.Value.Count, (int)report["records"]!);
        Assert.Equal(0, (int)report["revisits"]!);
        var table = CliRun.Invoke("audit", warc);
        Assert.StartsWith($"1 file ({Pages.Value.Count} archived pages), {Pages.Value.Count} records, 0 errors\n", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NamesTheWebArchives()
    {
        var root = CliRun.Invoke("--help");
        Assert.Contains("web archives crawlers write (WARC, WARC.gz, WACZ), record by record", root.Stdout, StringComparison.Ordinal);
        var extract = CliRun.Invoke("extract", "--help");
        Assert.Contains("A web archive (WARC, WARC.gz, WACZ) is read record by record.", extract.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    /// <summary>Each record the archive gave is its page's record read as a file, but for where it sits and when it was fetched.</summary>
    private static void AssertSameRecords(IReadOnlyList<GoldenPage> pages, List<JsonObject> records, string archivePath, Action<string> memberShape)
    {
        Assert.Equal(pages.Count, records.Count);
        foreach (var (page, record) in pages.Zip(records))
        {
            Assert.Equal(archivePath, (string?)record["path"]);
            memberShape((string)record["member"]!);
            Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", (string?)record["fetched"]);
            Assert.Equal(Without(page.Record, EnvelopeFields), Without(record, EnvelopeFields));
        }
    }

    /// <summary>The summary line's count of the pages' warnings, as it writes it.</summary>
    private static string Warnings(IEnumerable<GoldenPage> pages)
    {
        var count = pages.Sum(p => p.Record["warnings"]!.AsArray().Count);
        return count == 1 ? "1 warning" : $"{count} warnings";
    }

    private static string Without(JsonObject record, string[] fields)
    {
        var copy = record.DeepClone().AsObject();
        foreach (var field in fields)
        {
            copy.Remove(field);
        }

        return copy.ToJsonString();
    }

    /// <summary>The golden cases' pages, each with the record the command gives for it read as a file.</summary>
    private static List<GoldenPage> LoadPages()
    {
        var cases = Path.Combine(Paths.RepositoryRoot, "tests", "NewsArchive.Tests", "Cases");
        var pages = new List<GoldenPage>();
        foreach (var directory in Directory.GetDirectories(cases).Order(StringComparer.Ordinal))
        {
            var input = Path.Combine(directory, "input.html");
            if (!File.Exists(input) || !File.Exists(Path.Combine(directory, "expected.json")))
            {
                continue;
            }

            var run = CliRun.Invoke("extract", "-f", "jsonl", input);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var record = Assert.Single(JsonLines(run.Stdout));

            // Served over plain HTTP at the page's own URL (wget reaches it through the test's proxy).
            var url = ((string?)record["url"])?.Replace("https://", "http://", StringComparison.Ordinal)
                ?? $"http://www.example-case.tw/{Path.GetFileName(directory)}.html";
            pages.Add(new GoldenPage(Path.GetFileName(directory), input, url, record));
        }

        Assert.True(pages.Count >= 20, $"only {pages.Count} golden pages");
        return pages;
    }

    /// <summary>One wget crawl of every golden page per test run and compression, shared by the tests.</summary>
    private static string WgetGoldenWarc(bool compress) => (compress ? Compressed : Plain).Value;

    private static readonly Lazy<string> Compressed = new(() => WarcWriters.WgetWarc([.. Pages.Value.Select(Served)], Path.Combine(Paths.TempDirectory(), "golden"), compress: true));

    private static readonly Lazy<string> Plain = new(() => WarcWriters.WgetWarc([.. Pages.Value.Select(Served)], Path.Combine(Paths.TempDirectory(), "golden"), compress: false));

    /// <summary>A page as the server sends it: its bytes as stored, <c>text/html</c> with no charset, so the page's own declaration decides as it does for the file.</summary>
    private static (string UrlPath, byte[] Body, string ContentType) Served(GoldenPage page) => (page.Url, File.ReadAllBytes(page.InputPath), "text/html");

    private static List<JsonObject> JsonLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];

    private static void WriteEntry(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A body in HTTP/1.1 chunked transfer coding, in chunks of <paramref name="size"/> bytes.</summary>
    private static byte[] Chunked(byte[] body, int size)
    {
        using var output = new MemoryStream();
        for (var offset = 0; offset < body.Length; offset += size)
        {
            var length = Math.Min(size, body.Length - offset);
            output.Write(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
            output.Write(body, offset, length);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }

    private static Encoding CodePagesBig5()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(950);
    }
}
