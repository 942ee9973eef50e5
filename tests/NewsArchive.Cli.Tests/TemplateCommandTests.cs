using System.Text.Json;
using NewsArchive.Decoding;
using NewsArchive.Testing;

namespace NewsArchive.Cli.Tests;

/// <summary>
/// The template as the command learns and uses it: a plain run takes out what recurs across a
/// source's posts, --no-template keeps it, audit --template-out writes the template and
/// --template FILE uses it, so that sharded runs are parts of the plain run.
/// </summary>
public sealed class TemplateCommandTests
{
    /// <summary>60 posts, the promo in every third and the credit in every second (30 and 50%), a line of its own in one.</summary>
    private static string Archive() => TemplateArchive.Write(
        Path.Combine(Paths.TempDirectory(), "archive"),
        60,
        n => [.. n % 3 == 0 ? new[] { TemplateArchive.Promo } : [], .. n % 2 == 0 ? new[] { TemplateArchive.Credit } : [], .. n == 7 ? new[] { "只在第七篇出現的一句話。" } : []]);

    private static List<JsonElement> Records(CliRun run) =>
        [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];

    private static string[] Paragraphs(JsonElement record) => [.. record.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!)];

    [Fact]
    public void Extract_PlainRun_TakesOutWhatRecursAndSaysSo()
    {
        var archive = Archive();
        var run = CliRun.Invoke("extract", archive, "-f", "jsonl", "-j", "2");

        Assert.Equal(0, run.ExitCode);
        var records = Records(run);
        Assert.Equal(60, records.Count);
        Assert.All(records, r => Assert.DoesNotContain(TemplateArchive.Promo, Paragraphs(r)));
        Assert.Equal(30, records.Count(r => Paragraphs(r).Contains(TemplateArchive.Credit)));
        Assert.Contains("只在第七篇出現的一句話。", Paragraphs(records[7]));
        Assert.Equal(
            "newsarchive: 60 files, 60 records, 0 errors, 0 warnings; the template removed 20 lines, 0 images and 0 related links from 20 records",
            Assert.Single(run.StderrLines));

        // Records keep the input order.
        Assert.Equal(Enumerable.Range(0, 60).Select(n => $"https://news.example-morning.tw/2024/11/story-{n}"), records.Select(r => r.GetProperty("url").GetString()));
    }

    [Fact]
    public void Extract_NoTemplate_KeepsEveryLine()
    {
        var archive = Archive();
        var run = CliRun.Invoke("extract", archive, "-f", "jsonl", "--no-template");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(20, Records(run).Count(r => Paragraphs(r).Contains(TemplateArchive.Promo)));
        Assert.Equal("newsarchive: 60 files, 60 records, 0 errors, 0 warnings", Assert.Single(run.StderrLines));
    }

    [Fact]
    public void Extract_LearningAndWithTheTemplateFile_WriteTheSameBytes()
    {
        var archive = Archive();
        var template = Path.Combine(Path.GetDirectoryName(archive)!, "template.json");
        var audit = CliRun.Invoke("audit", archive, "--template-out", template, "-q");
        Assert.Equal(0, audit.ExitCode);

        var learned = CliRun.Invoke("extract", archive, "-f", "jsonl", "-q");
        var given = CliRun.Invoke("extract", archive, "-f", "jsonl", "-q", "--template", template);
        Assert.Equal(learned.Stdout, given.Stdout);

        using var file = JsonDocument.Parse(File.ReadAllText(template));
        var source = file.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "exmorning");
        Assert.Equal(TemplateArchive.Promo, source.GetProperty("paragraphs")[0].GetProperty("text").GetString());
        Assert.Equal(20, source.GetProperty("paragraphs")[0].GetProperty("articles").GetInt32());
    }

    [Fact]
    public void Extract_ShardsWithTheTemplateFile_AreExactlyThePartsOfThePlainRun()
    {
        var archive = Archive();
        var template = Path.Combine(Path.GetDirectoryName(archive)!, "template.json");
        Assert.Equal(0, CliRun.Invoke("audit", archive, "--template-out", template, "-q").ExitCode);

        var plain = CliRun.Invoke("extract", archive, "-f", "jsonl", "-q", "--template", template);
        var plainLines = plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(60, plainLines.Length);

        // The plain run that learns writes the same records as the one given the template.
        Assert.Equal(plain.Stdout, CliRun.Invoke("extract", archive, "-f", "jsonl", "-q").Stdout);
        var parts = new List<string[]>();
        for (var k = 1; k <= 3; k++)
        {
            var part = CliRun.Invoke("extract", archive, "-f", "jsonl", "-q", "--template", template, "--shard", $"{k}/3");
            Assert.Equal(0, part.ExitCode);
            var lines = part.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);

            // Each part is exactly the plain run's records whose files fall in that part, in the plain run's order.
            var expected = plainLines.Where(line => Shard.Of(Path.GetFileName(JsonDocument.Parse(line).RootElement.GetProperty("path").GetString()!), 3) == k);
            Assert.Equal(expected, lines);
            parts.Add(lines);
        }

        Assert.Equal(plainLines.Order(StringComparer.Ordinal), parts.SelectMany(p => p).Order(StringComparer.Ordinal));
        Assert.All(parts.SelectMany(p => p), line => Assert.DoesNotContain(TemplateArchive.Promo, line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--shard", "2/3", "--shard 2/3")]
    [InlineData("--newer-than", "{stamp}", "--newer-than")]
    public void Extract_LearningFromAPart_SaysHowToUseTheWholeArchivesTemplate(string option, string value, string named)
    {
        var archive = Archive();
        if (value == "{stamp}")
        {
            value = Path.Combine(Paths.TempDirectory(), "last-run");
            File.WriteAllText(value, string.Empty);
            File.SetLastWriteTimeUtc(value, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        var run = CliRun.Invoke("extract", archive, "-f", "jsonl", option, value);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"newsarchive: note: the template is learned from the records {named} selects; for the whole archive's, write it once (audit --template-out FILE) and pass --template FILE",
            run.StderrLines[0]);

        // Quiet, or told which template to use, the run says nothing of it.
        Assert.Empty(CliRun.Invoke("extract", archive, "-f", "jsonl", option, value, "-q").StderrLines);
        Assert.DoesNotContain(CliRun.Invoke("extract", archive, "-f", "jsonl", option, value, "--no-template").StderrLines, l => l.Contains("note:", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_InputsFromStandardInput_LearnAsWell()
    {
        var archive = Archive();
        var list = string.Join('\n', Directory.GetFiles(archive).Order(StringComparer.Ordinal)) + "\n";
        var run = CliRun.InvokeWithStdin(System.Text.Encoding.UTF8.GetBytes(list), "extract", "--files-from", "-", "-f", "jsonl", "-q");
        Assert.Equal(0, run.ExitCode);
        Assert.All(Records(run), r => Assert.DoesNotContain(TemplateArchive.Promo, Paragraphs(r)));
    }

    [Fact]
    public void Audit_Json_ListsWhatTheTemplateRemoves()
    {
        var archive = Archive();
        var run = CliRun.Invoke("audit", archive, "-f", "json", "-q");
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        var template = report.RootElement.GetProperty("sources")[0].GetProperty("template");
        Assert.Equal(60, template.GetProperty("articles").GetInt32());
        var entry = template.GetProperty("paragraphs").EnumerateArray().Single();
        Assert.Equal(TemplateArchive.Promo, entry.GetProperty("text").GetString());
        Assert.Equal(20, entry.GetProperty("records").GetInt32());
        var chars = TextNormalizer.CountVisible(TemplateArchive.Promo);
        Assert.Equal(chars, entry.GetProperty("chars").GetInt32());

        // Every carrier has two paragraphs of its own before the promo.
        Assert.Equal("start:2", entry.GetProperty("place").GetString());
        var removed = template.GetProperty("removed");
        Assert.Equal(20, removed.GetProperty("records").GetInt32());
        Assert.Equal(20, removed.GetProperty("lines").GetInt32());
        Assert.Equal(0, removed.GetProperty("images").GetInt32());
        Assert.Equal(0, removed.GetProperty("related").GetInt32());
        Assert.Equal(20L * chars, removed.GetProperty("chars").GetInt64());
    }

    [Fact]
    public void Extract_StrictAndATemplateLoss_RefusesTheRecord()
    {
        var notice = string.Concat(Enumerable.Repeat("本網站內容僅供參考，轉載請註明出處並附上原文連結，違者將依法追究。", 8));
        var archive = TemplateArchive.Write(Path.Combine(Paths.TempDirectory(), "archive"), 12, _ => [notice]);
        var run = CliRun.Invoke("extract", archive, "-f", "jsonl", "--strict");
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(12, run.StderrLines.Count(l => l.Contains("warnings (--strict): furniture rule", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("{\"format\": \"other\"}", "not a newsarchive template")]
    [InlineData("{\"format\": \"newsarchive-template\", \"version\": 9}", "a template of version 9; this newsarchive reads version 1")]
    public void Extract_TemplateFileThatIsNone_IsAUsageError(string content, string reason)
    {
        var directory = Paths.TempDirectory();
        var template = Path.Combine(directory, "bad.json");
        File.WriteAllText(template, content);
        var run = CliRun.Invoke("extract", Paths.Samples, "--template", template);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith($"newsarchive: --template {template}: {reason}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoTemplateAndATemplateFile_IsAUsageError()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--no-template", "--template", "t.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-template and --template FILE ask for opposite things", run.Stderr, StringComparison.Ordinal);
    }
}
