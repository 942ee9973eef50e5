using System.Text.Json;
using CsvHelper;

namespace NewsArchive.Cli.Tests;

public sealed class ExtractCommandTests
{
    [Fact]
    public void Extract_Samples_PrintsJsonArrayOfFiveRecords()
    {
        var run = CliRun.Invoke("extract", Paths.Samples);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        var records = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, records.Count);
        Assert.Equal(["cna:202212200002", "cna:202212300243", "cna:202303220008", "cna:202309130119"], records.Take(4).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("udn-text", records[4].GetProperty("format").GetString());
        Assert.Equal(Paths.Samples + "/000_37fcc0a31354a62f.txt", records[0].GetProperty("path").GetString());
        Assert.Equal([6, 3, 16, 4, 12], records.Select(r => r.GetProperty("paragraphs").GetArrayLength()));
        Assert.Equal("newsarchive: 5 files, 5 records, 0 errors, 0 warnings", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Extract_Json_WritesChineseLiterally()
    {
        var run = CliRun.Invoke("extract", Paths.Samples + "/003_dae2ec665a9c8c4c.txt");
        Assert.Contains("\"title\": \"金正恩會蒲亭 將在敏感領域合作\"", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_JsonLines_OneParsableRecordPerLine()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--format", "jsonl");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        foreach (var line in lines[..^1])
        {
            using var record = JsonDocument.Parse(line);
            Assert.Equal(21, record.RootElement.EnumerateObject().Count());
        }
    }

    [Fact]
    public void Extract_Csv_ReadsBackAsHeaderAndFiveRows()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "-f", "csv");

        Assert.Equal(0, run.ExitCode);
        using var reader = CsvReader.Create(run.StdoutBytes, CsvReaderOptions.Default);
        var rows = new List<(string Id, string Tags, string Count, string Text)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString("id"), reader.GetString("tags"), reader.GetString("paragraph_count"), reader.GetString("text")));
        }

        Assert.Equal(
            ["id", "source", "format", "path", "url", "title", "published", "agency", "dateline_location", "dateline_day", "dateline_kind", "authors", "editors", "translators", "tags", "related_count", "image_count", "paragraph_count", "text", "warnings", "member", "fetched"],
            reader.Headers);
        Assert.Equal(5, rows.Count);
        Assert.Equal("蒲亭; 魯卡申柯; 俄羅斯", rows[0].Tags);
        Assert.Equal("12", rows[4].Count);
        Assert.Equal(12, rows[4].Text.Split('\n').Length);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public void Extract_HugePostBetweenSmallOnes_WrittenInOrderAndWhole(string format)
    {
        // A post whose text is large enough to be written straight to the output, not buffered.
        var directory = Paths.TempDirectory();
        File.Copy(Path.Combine(Paths.SamplesAbsolute, "003_dae2ec665a9c8c4c.txt"), Path.Combine(directory, "a.txt"));
        var body = string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p>第{i}段：{new string('字', 100)}。</p>\n"));
        File.WriteAllText(Path.Combine(directory, "b.txt"), $"---\ntitle: 很長的文章\nlink: https://example.com/huge\n---\n{body}");
        File.Copy(Path.Combine(Paths.SamplesAbsolute, "001_a418087d319c409a.txt"), Path.Combine(directory, "c.txt"));
        var run = CliRun.Invoke("extract", directory, "-f", format, "-j", "2");
        Assert.Equal(0, run.ExitCode);

        var reference = new[] { "a.txt", "b.txt", "c.txt" }
            .Select(name => ((ParseOutcome.Parsed)new ArchiveParser().Parse(new InputFile(Path.Combine(directory, name), File.ReadAllBytes(Path.Combine(directory, name))))).Record)
            .ToArray();
        Assert.True(Output.RecordEncoder.ShouldStream(reference[1]));
        using var expected = new MemoryStream();
        using (var writer = new Output.RecordWriter(expected, Output.RecordFormat.Find(format)!))
        {
            foreach (var record in reference)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        Assert.Equal(expected.ToArray(), run.StdoutBytes);
        Assert.Contains("第2999段", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BadFileAmongGood_WritesOthersReportsErrorExitsOne()
    {
        var directory = Paths.TempDirectory();
        File.Copy(Path.Combine(Paths.SamplesAbsolute, "003_dae2ec665a9c8c4c.txt"), Path.Combine(directory, "a.txt"));
        File.WriteAllBytes(Path.Combine(directory, "b.txt"), []);
        File.WriteAllText(Path.Combine(directory, "c.txt"), "普通的文字筆記，不是新聞。\n");

        var run = CliRun.Invoke("extract", directory, "--format", "jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            [
                $"newsarchive: {directory}/b.txt: empty file",
                $"newsarchive: {directory}/c.txt: unrecognised format: plain text (no front matter, no markup) that no text format (udn-text) recognises",
                "newsarchive: 3 files, 1 record, 2 errors, 0 warnings",
            ],
            run.StderrLines);
    }

    [Fact]
    public void Extract_MissingPath_IsAPerFileError()
    {
        var run = CliRun.Invoke("extract", "no-such-dir/x.txt", Paths.Samples + "/000_37fcc0a31354a62f.txt");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("newsarchive: no-such-dir/x.txt: no such file or directory", run.StderrLines[0]);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        Assert.Equal(1, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Extract_Stdin_ReadsDashAsStandardInput()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Paths.SamplesAbsolute, "004_c1e0c6e294c401c5.txt"));
        var run = CliRun.InvokeWithStdin(bytes, "extract", "-", "--format", "jsonl", "--quiet");

        Assert.Equal(0, run.ExitCode);
        using var record = JsonDocument.Parse(run.Stdout);
        Assert.Equal("-", record.RootElement.GetProperty("path").GetString());
        Assert.Equal("澤倫斯基：正與盟國協商安全保障細節", record.RootElement.GetProperty("title").GetString());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Extract_OutputFile_WritesFileAndNothingOnStdout()
    {
        var directory = Paths.TempDirectory();
        var output = Path.Combine(directory, "articles.csv");
        File.WriteAllText(output, "old content");

        var run = CliRun.Invoke("extract", Paths.Samples, "--format", "csv", "--output", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StdoutBytes);
        Assert.StartsWith("id,source,format,path,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["articles.csv"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Extract_ErrorsFile_ListsFailuresAsJsonLines()
    {
        var directory = Paths.TempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "empty.txt"), []);
        var errors = Path.Combine(directory, "errors.jsonl");

        var run = CliRun.Invoke("extract", Path.Combine(directory, "empty.txt"), "--errors", errors, "-q");

        Assert.Equal(1, run.ExitCode);
        using var line = JsonDocument.Parse(File.ReadAllText(errors));
        Assert.Equal(Path.Combine(directory, "empty.txt"), line.RootElement.GetProperty("path").GetString());
        Assert.Equal("empty file", line.RootElement.GetProperty("error").GetString());
        Assert.Equal("[]\n", run.Stdout);
    }

    [Fact]
    public void Extract_TwoRunsAndAnyJobCount_GiveIdenticalBytes()
    {
        var first = CliRun.Invoke("extract", Paths.Samples, "--jobs", "1");
        var second = CliRun.Invoke("extract", Paths.Samples, "--jobs", "4");
        var third = CliRun.Invoke("extract", Paths.Samples);
        Assert.Equal(first.StdoutBytes, second.StdoutBytes);
        Assert.Equal(first.StdoutBytes, third.StdoutBytes);
    }

    [Fact]
    public void Extract_Excel_IsCsvWithAByteOrderMarkAndOnlyWithCsv()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "-q", "-f", "csv", "--excel");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, run.StdoutBytes[..3]);
        using var reader = CsvReader.Create(run.StdoutBytes.AsMemory(3), CsvReaderOptions.Default);
        var titles = new List<string>();
        while (reader.Read())
        {
            titles.Add(reader.GetString("title"));
        }

        Assert.Equal(5, titles.Count);
        Assert.Equal("蒲亭訪問白俄羅斯  魯卡申柯盼兩國加強軍事合作", titles[0]);

        var wrong = CliRun.Invoke("extract", Paths.Samples, "-f", "jsonl", "--excel");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--excel goes with --format csv.", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Csv_WarningsThenTheWebArchiveColumns()
    {
        var directory = Paths.TempDirectory();
        var path = Path.Combine(directory, "post.txt");
        File.WriteAllText(path, "---\ntitle: 標題\nlink: https://www.cna.com.tw/news/aopl/202309130119.aspx\n---\n<p>沒有電頭的內文。</p>\n");

        var run = CliRun.Invoke("extract", path, "-q", "-f", "csv");

        Assert.Equal(0, run.ExitCode);
        using var reader = CsvReader.Create(run.StdoutBytes, CsvReaderOptions.Default);
        Assert.True(reader.Read());
        Assert.Equal(["warnings", "member", "fetched"], reader.Headers.Skip(reader.Headers.Count - 3));
        Assert.Equal("no date in front matter; no dateline found", reader.GetString("warnings"));
        Assert.Equal(string.Empty, reader.GetString("member"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Extract_Strict_TurnsWarningsIntoErrors()
    {
        var directory = Paths.TempDirectory();
        var path = Path.Combine(directory, "post.txt");
        File.WriteAllText(path, "---\ntitle: 標題\nlink: https://www.cna.com.tw/news/aopl/202309130119.aspx\n---\n<p>沒有電頭的內文。</p>\n");

        var relaxed = CliRun.Invoke("extract", path, "-q");
        var strict = CliRun.Invoke("extract", path, "--strict", "-q");

        Assert.Equal(0, relaxed.ExitCode);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal($"newsarchive: {path}: warnings (--strict): no date in front matter; no dateline found", Assert.Single(strict.StderrLines));
        Assert.Equal("[]\n", strict.Stdout);
    }

    [Fact]
    public void Extract_ClosedPipe_EndsQuietlyWithZero()
    {
        using var closed = new ClosedPipeStream();
        using var error = new StringWriter();
        var code = CliApp.Run(["extract", Paths.Samples], new MemoryStream(), closed, error);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Extract_FullDisk_ReportsAndExitsTwo()
    {
        using var full = new FailingStream("No space left on device", 28);
        using var error = new StringWriter();
        var code = CliApp.Run(["extract", Paths.Samples], new MemoryStream(), full, error);
        Assert.Equal(2, code);
        Assert.Equal("newsarchive: cannot write standard output: No space left on device", error.ToString().Trim());
    }

    /// <summary>A closed pipe, as .NET reports one: an IOException whose HResult is EPIPE.</summary>
    private sealed class ClosedPipeStream() : FailingStream("Broken pipe", 32);

    private class FailingStream(string message, int errno) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException(message, errno);

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException(message, errno);

        public override void Flush() => throw new IOException(message, errno);
    }
}
