using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsArchive.Testing;

namespace NewsArchive.Cli.Tests;

/// <summary>
/// <c>--format parquet</c> from the command, read by DuckDB the way the README tells users to: its
/// query, the shards read as one table, and the rule that binary output never goes to a terminal.
/// </summary>
public sealed partial class ParquetOutputTests
{
    [Fact]
    public void ReadmeQuery_OnTheSamples_GivesTheRowsJsonLinesImply()
    {
        var directory = Paths.TempDirectory();
        var parquet = Path.Combine(directory, "articles.parquet");
        Assert.Equal(0, CliRun.Invoke("extract", Paths.Samples, "-f", "parquet", "-o", parquet, "-q").ExitCode);
        var jsonl = CliRun.Invoke("extract", Paths.Samples, "-f", "jsonl", "-q");

        var readme = File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "README.md"));
        var query = ReadmeQuery().Match(readme);
        Assert.True(query.Success, "README has the <!-- parquet-query --> block");
        var sql = query.Groups["sql"].Value.Replace("'articles.parquet'", $"'{parquet}'", StringComparison.Ordinal);
        var rows = Query(sql);

        var since = DateTimeOffset.Parse("2022-12-01T00:00:00+08:00", CultureInfo.InvariantCulture);
        var expected = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .Where(r => (string?)r["published"] is { Length: > 10 } p && DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) >= since && r["editors"]!.AsArray().Count > 0)
            .OrderBy(r => DateTimeOffset.Parse((string)r["published"]!, CultureInfo.InvariantCulture))
            .ThenBy(r => (string)r["id"]!, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var record = expected[i];
            var row = rows[i];
            Assert.Equal((string)record["id"]!, row[0]);
            Assert.Equal(DateTimeOffset.Parse((string)record["published"]!, CultureInfo.InvariantCulture).UtcDateTime, ((DateTime)row[1]!).ToUniversalTime());
            Assert.Equal(((string)record["published"]!)[..10], ((DateOnly)row[2]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal((string?)record["dateline"]?["location"], row[3]);
            Assert.Equal(record["paragraphs"]!.AsArray().Count, Convert.ToInt32(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(record["authors"]!.AsArray().Select(a => (string)a!), ((System.Collections.IEnumerable)row[5]!).Cast<string>());
            Assert.Equal(record["editors"]!.AsArray().Select(a => (string)a!), ((System.Collections.IEnumerable)row[6]!).Cast<string>());
        }
    }

    [Fact]
    public void Shards_ReadAsOneTable_AreTheUnshardedRun()
    {
        var directory = Paths.TempDirectory();
        for (var k = 1; k <= 3; k++)
        {
            var run = CliRun.Invoke("extract", Paths.Samples, "-f", "parquet", "--shard", $"{k}/3", "-o", Path.Combine(directory, $"part-{k}.parquet"), "-q");
            Assert.True(run.ExitCode is 0 or 3, run.Stderr);
        }

        Assert.Equal(0, CliRun.Invoke("extract", Paths.Samples, "-f", "parquet", "-o", Path.Combine(directory, "all.parquet"), "-q").ExitCode);
        var shards = Query($"SELECT path, id, text FROM read_parquet('{directory}/part-*.parquet') ORDER BY path");
        var whole = Query($"SELECT path, id, text FROM '{directory}/all.parquet' ORDER BY path");
        Assert.Equal(5, whole.Count);
        Assert.Equal(whole, shards);
    }

    [Fact]
    public void StandardOutput_Redirected_SameBytesAsTheOutputFile()
    {
        var directory = Paths.TempDirectory();
        var file = Path.Combine(directory, "out.parquet");
        Assert.Equal(0, CliRun.Invoke("extract", Paths.Samples, "-f", "parquet", "-o", file).ExitCode);
        var piped = CliRun.Invoke("extract", Paths.Samples, "-f", "parquet");
        Assert.Equal(0, piped.ExitCode);
        Assert.Equal(File.ReadAllBytes(file), piped.StdoutBytes);
        Assert.Equal("PAR1"u8.ToArray(), piped.StdoutBytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), piped.StdoutBytes[^4..]);
    }

    [Fact]
    public void StandardOutputATerminal_Refused()
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(["extract", Paths.Samples, "-f", "parquet"], new MemoryStream(), output, error, new TerminalInfo(StderrRedirected: true, StdoutRedirected: false));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(0, output.Length);
        Assert.Equal("newsarchive: --format parquet is binary and standard output is a terminal; give --output FILE or redirect it" + Environment.NewLine, error.ToString());
    }

    [Theory]
    [InlineData("--excel")]
    [InlineData("--output-dir")]
    public void Parquet_WithAnOptionForAnotherFormat_IsAUsageError(string option)
    {
        var args = new List<string> { "extract", Paths.Samples, "-f", "parquet", option };
        if (option == "--output-dir")
        {
            args.Add(Paths.TempDirectory());
        }

        var run = CliRun.Invoke([.. args]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.StdoutBytes);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
    }

    private static List<object?[]> Query(string sql) => DuckDbQuery.Rows(sql);

    [GeneratedRegex(@"<!-- parquet-query -->\s*```sql\n(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeQuery();
}
