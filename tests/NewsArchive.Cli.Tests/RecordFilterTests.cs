using NewsArchive.Records;
using NewsArchive.Testing;

namespace NewsArchive.Cli.Tests;

/// <summary>--source, --since, --until: which parsed records a run writes, by each record's own clock.</summary>
public sealed class RecordFilterTests
{
    [Theory]
    [InlineData("2024-11-01T00:10:00+08:00", "2024-11-01", null, true)]
    [InlineData("2024-10-31T23:59:59+08:00", "2024-11-01", null, false)]
    [InlineData("2024-10-31T16:10:00Z", "2024-11-01", null, false)] // 31 October by its own (UTC) clock
    [InlineData("2024-11-30T23:59:00+08:00", null, "2024-11-30", true)] // --until takes in the whole day
    [InlineData("2024-12-01T00:00:00+08:00", null, "2024-11-30", false)]
    [InlineData("2024-11-15", "2024-11-01", "2024-11-30", true)] // a date alone
    [InlineData("2024-11-01", "2024-11-01T12:00", null, true)] // a date on the bound's day is in
    [InlineData("2024-11-01T11:00:00+08:00", "2024-11-01T12:00", null, false)] // a local time: the record's clock
    [InlineData("2024-11-01T03:30:00Z", "2024-11-01T12:00+08:00", null, false)] // an offset: the instant (12:00+08:00 is 04:00Z)
    [InlineData("2024-11-01T04:30:00Z", "2024-11-01T12:00+08:00", null, true)]
    [InlineData("2024-11-01T11:00:00", "2024-11-01T12:00+08:00", null, false)] // no offset: no instant, whatever the machine's zone; the clocks compare
    [InlineData("2024-11-01T12:30:00", "2024-11-01T12:00+08:00", null, true)]
    [InlineData(null, "2024-11-01", null, false)] // no time: not kept when a time bound is given
    public void Keeps_ComparesInTheRecordsOwnOffset(string? published, string? since, string? until, bool kept)
    {
        var filter = new RecordFilter { Since = Bound(since), Until = Bound(until) };
        Assert.Equal(kept, filter.Keeps(Record("cna", published)));
    }

    [Fact]
    public void Keeps_Sources()
    {
        var filter = new RecordFilter { Sources = ["cna", "udn"] };
        Assert.True(filter.Keeps(Record("udn", null)));
        Assert.False(filter.Keeps(Record("dw", null)));
        Assert.True(RecordFilter.None.Keeps(Record("dw", null)));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("2024-11-01T25:00")]
    public void Extract_UnreadableBound_IsAUsageError(string value)
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--since", value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--since: '{value}' is not a date", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Filters_WriteOnlyWhatTheyKeepAndCountTheRest()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "-f", "jsonl", "--source", "cna", "--since", "2023-01-01", "--until", "2023-12-31");
        Assert.Equal(0, run.ExitCode);
        var ids = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        Assert.Equal(["cna:202303220008", "cna:202309130119"], ids);
        Assert.Equal("newsarchive: 5 files, 2 records (3 filtered out), 0 errors, 0 warnings", Assert.Single(run.StderrLines));
    }

    /// <summary>
    /// A post whose body cannot be read (nested past the parser's limit) is an error, unless its front
    /// matter already leaves it out: then its body is never read.
    /// </summary>
    [Theory]
    [InlineData(null, null, 1, "newsarchive: 6 files, 5 records, 1 error, 0 warnings")]
    [InlineData("--source", "cna,udn", 0, "newsarchive: 6 files, 5 records (1 filtered out), 0 errors, 0 warnings")]
    [InlineData("--until", "2024-10-31", 0, "newsarchive: 6 files, 4 records (2 filtered out), 0 errors, 0 warnings")]
    [InlineData("--since", "2024-11-02", 1, "newsarchive: 6 files, 1 record (4 filtered out), 1 error, 0 warnings")]
    [InlineData("--source", "dw", 1, "newsarchive: 6 files, 0 records (5 filtered out), 1 error, 0 warnings")]
    public void Extract_FilteredByFrontMatter_BodyNeverRead(string? option, string? value, int exitCode, string summary)
    {
        var directory = Paths.TempDirectory();
        foreach (var sample in Directory.GetFiles(Paths.SamplesAbsolute))
        {
            File.Copy(sample, Path.Combine(directory, Path.GetFileName(sample)));
        }

        var body = string.Concat(Enumerable.Repeat("<div>", 600)) + "<p>文字</p>";
        File.WriteAllText(Path.Combine(directory, "deep.md"), $"---\ntitle: 標題\ndate: 2024-11-05T08:00:00+08:00\nlink: https://www.dw.com/zh/a/a-1\n---\n{body}");
        var run = CliRun.Invoke(option is null ? ["extract", directory, "-f", "jsonl"] : ["extract", directory, "-f", "jsonl", option, value!]);
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(summary, run.StderrLines[^1]);
        Assert.Equal(exitCode == 1, run.Stderr.Contains("deep.md: jekyll: HTML is nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NewerThan_ReadsOnlyFilesModifiedAfterTheReference()
    {
        var directory = Paths.TempDirectory();
        var samples = Directory.GetFiles(Paths.SamplesAbsolute).Order(StringComparer.Ordinal).ToArray();
        var old = Path.Combine(directory, "old.txt");
        var fresh = Path.Combine(directory, "fresh.txt");
        var stamp = Path.Combine(directory, ".last-run");
        File.Copy(samples[0], old);
        File.Copy(samples[1], fresh);
        File.WriteAllText(stamp, string.Empty);
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(old, now.AddHours(-2));
        File.SetLastWriteTimeUtc(stamp, now.AddHours(-1));
        File.SetLastWriteTimeUtc(fresh, now);

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl", "-q", "--newer-than", stamp);
        Assert.Equal(0, run.ExitCode);
        var record = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fresh.txt", record, StringComparison.Ordinal);

        var missing = CliRun.Invoke("extract", directory, "--newer-than", Path.Combine(directory, "nope"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--newer-than:", missing.Stderr, StringComparison.Ordinal);
    }

    private static RecordTime? Bound(string? text) => text is null ? null : RecordTime.TryParseBound(text, out var bound) ? bound : throw new ArgumentException(text);

    private static ArticleRecord Record(string source, string? published) => TestRecords.Bare(source) with { Published = published };
}
