using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsArchive.Cli.Tests;

/// <summary>Whole-archive behaviour: every file a record or one error line, nothing lost, nothing half-written.</summary>
public sealed class RobustnessTests
{
    static RobustnessTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Sample(string prefix) =>
        File.ReadAllBytes(Directory.GetFiles(Paths.SamplesAbsolute, prefix + "_*").Single());

    /// <summary>The mixed archive of the README's example: samples plus every kind of bad or odd file.</summary>
    internal static string MixedArchive()
    {
        var directory = Paths.TempDirectory();
        foreach (var file in Directory.GetFiles(Paths.SamplesAbsolute))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var text = Encoding.UTF8.GetString(Sample("003"));
        File.WriteAllBytes(Path.Combine(directory, "big5.txt"), Encoding.GetEncoding(950).GetBytes(text));
        File.WriteAllBytes(Path.Combine(directory, "utf16.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        using (var gz = File.Create(Path.Combine(directory, "post.txt.gz")))
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest))
        {
            gzip.Write(Sample("001"));
        }

        File.WriteAllBytes(Path.Combine(directory, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        File.WriteAllBytes(Path.Combine(directory, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(directory, "truncated.txt"), Sample("000")[..700]);
        Directory.CreateDirectory(Path.Combine(directory, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(directory, "sub", "loop"), directory);
        return directory;
    }

    [Fact]
    public void Extract_StrictGzipPost_IsARecordNotAnError()
    {
        var directory = Paths.TempDirectory();
        using (var gz = File.Create(Path.Combine(directory, "post.txt.gz")))
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest))
        {
            gzip.Write(Sample("003"));
        }

        var run = CliRun.Invoke("extract", directory, "--strict", "-f", "jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"warnings\":[]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MixedArchive_RecordsForGoodFilesOneErrorLinePerBadFile()
    {
        var directory = MixedArchive();

        var run = CliRun.Invoke("extract", directory, "--format", "jsonl");

        Assert.Equal(1, run.ExitCode);
        var records = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            ["000_37fcc0a31354a62f.txt", "001_a418087d319c409a.txt", "002_55d047e4c7f49f96.txt", "003_dae2ec665a9c8c4c.txt", "004_c1e0c6e294c401c5.txt", "big5.txt", "post.txt.gz", "truncated.txt", "utf16.txt"],
            records.Select(r => Path.GetFileName(r.GetProperty("path").GetString())));
        var big5 = records.Single(r => r.GetProperty("path").GetString()!.EndsWith("big5.txt", StringComparison.Ordinal));
        Assert.Equal("金正恩會蒲亭 將在敏感領域合作", big5.GetProperty("title").GetString());
        Assert.Contains("transcoded from Big5 to UTF-8", big5.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(4, records.Single(r => r.GetProperty("path").GetString()!.EndsWith("utf16.txt", StringComparison.Ordinal)).GetProperty("paragraphs").GetArrayLength());
        Assert.Equal("cna:202212300243", records.Single(r => r.GetProperty("path").GetString()!.EndsWith(".gz", StringComparison.Ordinal)).GetProperty("id").GetString());
        Assert.Equal(
            [
                $"newsarchive: {directory}/empty.txt: empty file",
                $"newsarchive: {directory}/image.png: not a text file (PNG image)",
                $"newsarchive: {directory}/sub/loop: skipped: symbolic link loop",
                "newsarchive: 11 files, 9 records, 2 errors, 2 warnings",
            ],
            run.StderrLines);
    }

    [Fact]
    public void Extract_Directory_ListsFilesInOrdinalOrderOfTheirFullPaths()
    {
        var directory = Paths.TempDirectory();
        foreach (var relative in new[] { "a/x.txt", "a-b/x.txt", "a.txt", "B/x.txt", "a/b/c.txt" })
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Sample("003"));
        }

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl", "-q");

        var paths = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()![(directory.Length + 1)..]);
        Assert.Equal(["B/x.txt", "a-b/x.txt", "a.txt", "a/b/c.txt", "a/x.txt"], paths);
        Assert.Equal(["B/x.txt", "a-b/x.txt", "a.txt", "a/b/c.txt", "a/x.txt"], paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Extract_NamedPipeAndBrokenLinkInDirectory_AreErrorsNotHangs()
    {
        var directory = Paths.TempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "a.txt"), Sample("003"));
        File.CreateSymbolicLink(Path.Combine(directory, "broken"), Path.Combine(directory, "missing"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(directory, "pipe")))
        {
            mkfifo.WaitForExit();
        }

        var result = await Task.Run(() => CliRun.Invoke("extract", directory, "-f", "jsonl")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"newsarchive: {directory}/broken: broken symbolic link",
                $"newsarchive: {directory}/pipe: empty file",
                "newsarchive: 3 files, 1 record, 2 errors, 0 warnings",
            ],
            result.StderrLines);
    }

    [Fact]
    public void Extract_FileOverSizeLimit_IsAnErrorAndTheRunGoesOn()
    {
        var directory = Paths.TempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "a.txt"), Sample("003"));
        File.WriteAllBytes(Path.Combine(directory, "b.txt"), Sample("000"));

        var run = CliRun.Invoke("extract", directory, "--max-file-size", "5K", "-f", "jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"newsarchive: {directory}/b.txt: file is 13329 bytes, over the 5120-byte limit (--max-file-size)", run.StderrLines[0]);
    }

    [Fact]
    public void Extract_OutputWhenRunCannotStart_LeavesOldFileUntouched()
    {
        var directory = Paths.TempDirectory();
        var output = Path.Combine(directory, "out.json");
        File.WriteAllText(output, "previous complete output");

        var run = CliRun.Invoke("extract", Paths.Samples, "-o", output, "--errors", Path.Combine(directory, "missing", "e.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous complete output", File.ReadAllText(output));
        Assert.Equal(["out.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Extract_KilledMidRun_LeavesOldFileAndNoPartialOne()
    {
        var directory = Paths.TempDirectory();
        var archive = Path.Combine(directory, "archive");
        Directory.CreateDirectory(archive);
        var sample = Sample("002");
        for (var i = 0; i < 3000; i++)
        {
            File.WriteAllBytes(Path.Combine(archive, $"{i:D5}.txt"), sample);
        }

        var output = Path.Combine(directory, "out.jsonl");
        File.WriteAllText(output, "previous complete output");
        var cli = typeof(CliApp).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "extract", archive, "-f", "jsonl", "-o", output, "-q"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var deadline = Stopwatch.StartNew();
        while (!Directory.GetFiles(directory, ".out.jsonl.*.tmp").Any() && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(5);
        }

        Assert.False(process.HasExited, "the run ended before it could be interrupted");
        process.Kill();
        process.WaitForExit();

        Assert.Equal("previous complete output", File.ReadAllText(output));
        Assert.DoesNotContain(Directory.GetFiles(directory), f => Path.GetFileName(f) != "out.jsonl" && !Path.GetFileName(f).EndsWith(".tmp", StringComparison.Ordinal));
    }
}
