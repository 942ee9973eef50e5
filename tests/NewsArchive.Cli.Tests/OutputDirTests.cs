using System.Text.Json;

namespace NewsArchive.Cli.Tests;

/// <summary>--output-dir: one JSON file per record, replaced whole, never an older copy over a newer one.</summary>
public sealed class OutputDirTests
{
    [Fact]
    public void Extract_OutputDir_WritesOneFilePerRecordNamedByItsId()
    {
        var target = Path.Combine(Paths.TempDirectory(), "records");
        var lines = CliRun.Invoke("extract", Paths.Samples, "-f", "jsonl", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var run = CliRun.Invoke("extract", Paths.Samples, "--output-dir", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StdoutBytes);
        Assert.Equal($"newsarchive: 5 files, 5 records in {target}, 0 errors, 0 warnings", Assert.Single(run.StderrLines));
        var files = Directory.GetFiles(target).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cna_202212200002.json", "cna_202212300243.json", "cna_202303220008.json", "cna_202309130119.json", "udn_sha256_7d057579ccef8600.json"], files);
        foreach (var line in lines)
        {
            var id = JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;
            Assert.Equal(line + "\n", File.ReadAllText(Path.Combine(target, id.Replace(':', '_') + ".json")));
        }
    }

    [Fact]
    public void Extract_KeepDirs_MirrorsTheInputTree()
    {
        var root = Paths.TempDirectory();
        var archive = Path.Combine(root, "archive");
        Directory.CreateDirectory(Path.Combine(archive, "2022", "12"));
        Directory.CreateDirectory(Path.Combine(archive, "2023"));
        File.WriteAllText(Path.Combine(archive, "2022", "12", "a.txt"), Paths.SampleText("000"));
        File.WriteAllText(Path.Combine(archive, "2023", "b.txt"), Paths.SampleText("003"));
        var target = Path.Combine(root, "out");

        var run = CliRun.Invoke("extract", archive, "--output-dir", target, "--keep-dirs", "-q");

        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["2022/12/a.txt.json", "2023/b.txt.json"], files);
    }

    [Fact]
    public void Extract_OutputDir_NeverReplacesANewerCopyWithAnOlderOne()
    {
        var root = Paths.TempDirectory();
        var post = Paths.SampleText("000");
        File.WriteAllText(Path.Combine(root, "1-update.txt"), post.Replace("date: 2022-12-19T18:04:03.000Z", "date: 2022-12-20T18:04:03.000Z", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "2-first.txt"), post);
        var target = Path.Combine(Paths.TempDirectory(), "records");

        var run = CliRun.Invoke("extract", root, "--output-dir", target);

        Assert.Equal(0, run.ExitCode);
        var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "cna_202212200002.json"))).RootElement;
        Assert.EndsWith("1-update.txt", record.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 older copy not written over newer ones", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(target));
    }

    [Theory]
    [InlineData("--output", "x.json")]
    [InlineData("--format", "csv")]
    public void Extract_OutputDirWithAnotherTarget_IsAUsageError(string option, string value)
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--output-dir", Path.Combine(Paths.TempDirectory(), "d"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output-dir writes one JSON file per record", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_KeepDirsAlone_IsAUsageError()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--keep-dirs");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--keep-dirs goes with --output-dir", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OutputDirThatIsAFile_IsAnError()
    {
        var file = Path.Combine(Paths.TempDirectory(), "taken");
        File.WriteAllText(file, "x");
        var run = CliRun.Invoke("extract", Paths.Samples, "--output-dir", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--output-dir: {file}:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }
}
