using System.Text.Json;

namespace NewsArchive.Cli.Tests;

/// <summary>--dedupe: one record per id, the documented copy kept where it stands, the others dropped and counted.</summary>
public sealed class DedupeTests
{
    [Fact]
    public void Extract_Dedupe_KeepsTheDocumentedCopyOfEachId()
    {
        var directory = Paths.TempDirectory();
        var post000 = Paths.SampleText("000");
        var post003 = Paths.SampleText("003");
        var lastParagraph = post003.LastIndexOf("</p>", StringComparison.Ordinal);

        // 000: an update a day later wins over the first fetch and its identical refetch.
        File.WriteAllText(Path.Combine(directory, "a1.txt"), post000);
        File.WriteAllText(Path.Combine(directory, "a2.txt"), post000.Replace("date: 2022-12-19T18:04:03.000Z", "date: 2022-12-20T18:04:03.000Z", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "a3.txt"), post000);

        // 003: same time, the longer text wins.
        File.WriteAllText(Path.Combine(directory, "b1.txt"), post003.Insert(lastParagraph + 4, "<p>更正後補上的一段文字。</p>"));
        File.WriteAllText(Path.Combine(directory, "b2.txt"), post003);

        // 001: identical copies, the last in input order wins.
        File.WriteAllText(Path.Combine(directory, "c1.txt"), Paths.SampleText("001"));
        File.WriteAllText(Path.Combine(directory, "c2.txt"), Paths.SampleText("001"));

        // 002: one copy, untouched.
        File.WriteAllText(Path.Combine(directory, "d.txt"), Paths.SampleText("002"));

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl", "--dedupe");

        Assert.Equal(0, run.ExitCode);
        var records = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var kept = records.Select(r => (Path.GetFileName(r.GetProperty("path").GetString()), r.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToArray())).ToList();
        Assert.Equal(["a2.txt", "b1.txt", "c2.txt", "d.txt"], kept.Select(k => k.Item1));
        Assert.Contains("2 other copies of this article dropped (--dedupe)", kept[0].Item2);
        Assert.Contains("1 other copy of this article dropped (--dedupe)", kept[1].Item2);
        Assert.Contains("1 other copy of this article dropped (--dedupe)", kept[2].Item2);
        Assert.DoesNotContain(kept[3].Item2, w => w!.Contains("--dedupe", StringComparison.Ordinal));
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.Contains("(4 duplicates dropped)", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DedupeText_AlsoMergesTheSameArticleUnderAnotherId()
    {
        var directory = Paths.TempDirectory();
        var post = Paths.SampleText("003");
        var url = "https://www.cna.com.tw/news/aopl/202309130119.aspx";
        Assert.Contains(url, post, StringComparison.Ordinal);

        // The same story filed under a second URL, its text re-wrapped with other white space.
        File.WriteAllText(Path.Combine(directory, "a.txt"), post);
        File.WriteAllText(Path.Combine(directory, "b.txt"), post.Replace(url, "https://www.cna.com.tw/news/aipl/202309130999.aspx", StringComparison.Ordinal).Replace("。", "。 ", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "c.txt"), Paths.SampleText("000"));

        var byId = CliRun.Invoke("extract", directory, "-f", "jsonl", "-q", "--dedupe");
        var byText = CliRun.Invoke("extract", directory, "-f", "jsonl", "-q", "--dedupe=text");

        Assert.Equal(3, byId.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var kept = byText.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["b.txt", "c.txt"], kept.Select(r => Path.GetFileName(r.GetProperty("path").GetString())));
        Assert.Contains("1 other copy of this article dropped (--dedupe)", kept[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void Extract_DedupeBeforeAPath_IsTheSwitchNotAValue()
    {
        var run = CliRun.Invoke("extract", "--dedupe", Paths.Samples, "-q", "-f", "jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Extract_DedupeFromStandardInput_IsAUsageError()
    {
        var run = CliRun.Invoke("extract", "-", "--dedupe");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dedupe reads the inputs twice", run.Stderr, StringComparison.Ordinal);
    }
}
