using System.Text;
using System.Text.Json;

namespace NewsArchive.Cli.Tests;

public sealed class AuditCommandTests
{
    /// <summary>A line no rule knows, as a template change would add it.</summary>
    private const string Promo = "下載新版新聞App，隨時隨地掌握第一手消息";

    /// <summary>Article text long enough that losing it is a loss (over 200 visible characters).</summary>
    private static readonly string HiddenText = string.Concat(Enumerable.Repeat("這一段是被隱藏起來的長段落，用來模擬網頁把整篇文章放進一個不顯示的分頁裡。", 8));

    [Fact]
    public void Audit_PromoInThirtyPercentOfOneSource_ListsItFirstForThatSource()
    {
        var archive = SyntheticArchive(posts: 20, withPromo: 6);
        var run = CliRun.Invoke("audit", archive, "--format", "json", "-j", "2");
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.StdoutBytes);
        var root = report.RootElement;
        Assert.Equal(21, root.GetProperty("files").GetInt32());
        Assert.Equal(21, root.GetProperty("records").GetInt32());
        var cna = root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "cna");
        Assert.Equal(20, cna.GetProperty("records").GetInt32());
        var first = cna.GetProperty("repeated_paragraphs")[0];
        Assert.Equal(Promo, first.GetProperty("text").GetString());
        Assert.Equal(6, first.GetProperty("count").GetInt32());
        var udn = root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "udn");
        Assert.DoesNotContain(udn.GetProperty("repeated_paragraphs").EnumerateArray(), p => p.GetProperty("text").GetString() == Promo);
    }

    [Fact]
    public void Audit_Table_ShowsThePromoUnderItsSourceAndNoRecordsOnStdout()
    {
        var archive = SyntheticArchive(posts: 10, withPromo: 3);
        var run = CliRun.Invoke("audit", archive);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Equal("11 files, 11 records, 0 errors", lines[0]);
        var section = Array.IndexOf(lines, "== cna (10 records)");
        Assert.True(section > 0, run.Stdout);
        Assert.Equal("  repeated paragraphs (records)", lines[section + 1]);
        Assert.Equal($"         3  30%  {Promo}", lines[section + 2]);
        Assert.DoesNotContain("\"paragraphs\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_LossAndErrors_AreReportedAndExitOne()
    {
        var archive = SyntheticArchive(posts: 2, withPromo: 0);
        File.WriteAllText(Path.Combine(archive, "hidden.html"), $"""
            ---
            title: 文字都藏起來的貼文
            link: https://www.example.com/news/hidden
            categories: example
            ---
            <p>開頭一句。</p>
            <div style="display:none"><p>{HiddenText}</p></div>
            """);
        File.WriteAllBytes(Path.Combine(archive, "zz-empty.txt"), []);
        var run = CliRun.Invoke("audit", archive, "-f", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("zz-empty.txt: empty file", run.Stderr, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(run.StdoutBytes);
        Assert.Equal(1, report.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal("empty file", report.RootElement.GetProperty("error_kinds")[0].GetProperty("error").GetString());
        var example = report.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "example");
        var loss = Assert.Single(example.GetProperty("loss_records").EnumerateArray());
        Assert.EndsWith("hidden.html", loss.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("furniture rule \"hidden elements\" removed", loss.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Contains(example.GetProperty("rules").EnumerateArray(), r => r.GetProperty("reason").GetString() == "hidden elements");
    }

    [Fact]
    public void Extract_Strict_RefusesARecordThatLostText()
    {
        var archive = Paths.TempDirectory();
        File.WriteAllText(Path.Combine(archive, "hidden.html"), $"""
            ---
            title: 文字都藏起來的貼文
            date: 2025-05-01 10:00:00 +08:00
            link: https://www.example.com/news/hidden
            ---
            <p>開頭一句。</p>
            <div hidden><p>{HiddenText}</p></div>
            """);
        var lenient = CliRun.Invoke("extract", archive, "-f", "jsonl");
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("removed", lenient.Stdout, StringComparison.Ordinal);
        var strict = CliRun.Invoke("extract", archive, "-f", "jsonl", "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Empty(strict.StdoutBytes);
        Assert.Contains("warnings (--strict): furniture rule \"hidden elements\" removed", strict.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A directory of CNA-style posts with text of their own (no paragraph repeats across posts), the
    /// promo line in <paramref name="withPromo"/> of them, and the UDN sample dump.
    /// </summary>
    private static string SyntheticArchive(int posts, int withPromo)
    {
        var directory = Paths.TempDirectory();
        for (var i = 0; i < posts; i++)
        {
            var body = new StringBuilder();
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<div class=\"paragraph\"><p>（中央社記者王小明台北{i % 28 + 1}日電）第{i}則新聞的導言，說明今天發生的第{i}件事情與它的來龍去脈。</p>");
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>第{i}則新聞的第二段，引述官員對第{i}件事情的說法。</p>");
            if (HasPromo(i, posts, withPromo))
            {
                body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{Promo}</p>");
            }

            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>第{i}則新聞的第三段，補充第{i}件事情的背景。（編輯：李大華）</p></div>");
            File.WriteAllText(Path.Combine(directory, $"post-{i:D3}.html"), $"""
                ---
                title: 第{i}則新聞
                date: 2025-05-{i % 28 + 1:D2} 10:00:00 +08:00
                link: https://www.cna.com.tw/news/aipl/2025050{i % 10}{i:D4}.aspx
                ---
                {body}
                """);
        }

        File.Copy(Path.Combine(Paths.SamplesAbsolute, "004_c1e0c6e294c401c5.txt"), Path.Combine(directory, "udn.txt"));
        return directory;
    }

    /// <summary>Spreads <paramref name="withPromo"/> posts evenly through the archive (post i has it when it is one of them).</summary>
    private static bool HasPromo(int i, int posts, int withPromo) => withPromo > 0 && i * withPromo / posts != (i + 1) * withPromo / posts;
}
