using System.Diagnostics;
using System.Text.Json;

namespace NewsArchive.Cli.Tests;

/// <summary>File names that are not valid UTF-8 (Big5 names from an old Windows copy), read by their bytes.</summary>
public sealed class InputNameTests
{
    [Fact]
    public void Big5FileName_IsRead_AndItsPathShowsTheBytesEscaped()
    {
        var directory = Paths.TempDirectory();
        var post = Directory.GetFiles(Paths.SamplesAbsolute, "003_*").Single();

        // 新聞.txt in Big5 (B7 73 BB D0), and a UTF-8 name beside it; created by the shell, which takes bytes.
        Shell($"cp '{post}' \"$(printf '\\267\\163\\273\\320.txt')\" && cp '{post}' '中文.txt'", directory);
        Assert.Contains(Directory.GetFiles(directory), f => f.Contains('\uFFFD', StringComparison.Ordinal));

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var paths = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).ToList();
        Assert.Equal([$"{directory}/\\xB7s\\xBB\\xD0.txt", $"{directory}/中文.txt"], paths);
        Assert.Equal("newsarchive: 2 files, 2 records, 0 errors, 0 warnings", run.StderrLines[^1]);
    }

    [Fact]
    public void Big5DirectoryName_IsWalkedByItsBytes_InOrder_AndALoopInsideItIsSkipped()
    {
        var directory = Paths.TempDirectory();
        var post = Directory.GetFiles(Paths.SamplesAbsolute, "003_*").Single();

        // 新聞/ in Big5 holding 台北.txt in Big5 (A5 78 A5 5F), a UTF-8 name, a Big5-named
        // subdirectory 舊/ (C2 C2) with a post in it, and a link back to the Big5 directory.
        Shell(
            "d=\"$(printf '\\267\\163\\273\\320')\" && mkdir -p \"$d/$(printf '\\302\\302')\" "
            + $"&& cp '{post}' \"$d/$(printf '\\245\\170\\245\\137.txt')\" && cp '{post}' \"$d/中文.txt\" "
            + $"&& cp '{post}' \"$d/$(printf '\\302\\302')/a.txt\" && ln -s .. \"$d/$(printf '\\302\\302')/up\"",
            directory);
        Assert.Contains(Directory.GetDirectories(directory), d => d.Contains('\uFFFD', StringComparison.Ordinal));

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var paths = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).ToList();
        var big5 = $"{directory}/\\xB7s\\xBB\\xD0";
        Assert.Equal([$"{big5}/\\xA5x\\xA5_.txt", $"{big5}/\\xC2\\xC2/a.txt", $"{big5}/中文.txt"], paths);
        Assert.Contains(run.StderrLines, l => l == $"newsarchive: {big5}/\\xC2\\xC2/up: skipped: symbolic link loop");
        Assert.Equal("newsarchive: 3 files, 3 records, 0 errors, 0 warnings", run.StderrLines[^1]);
    }

    [Theory]
    [InlineData(new byte[] { 0xB7, 0x73, 0xBB, 0xD0 }, "\\xB7s\\xBB\\xD0")]
    [InlineData(new byte[] { 0xE4, 0xB8, 0xAD, 0xFF, 0x2E, 0x6D, 0x64 }, "中\\xFF.md")]
    [InlineData(new byte[] { 0xE4, 0xB8 }, "\\xE4\\xB8")]
    [InlineData(new byte[] { 0xC0, 0xAF }, "\\xC0\\xAF")]
    [InlineData(new byte[] { 0x61, 0x62 }, "ab")]
    public void Escape_KeepsUtf8_AndWritesOtherBytesAsHex(byte[] name, string expected)
    {
        Assert.Equal(expected, RawFileNames.Escape(name));
    }

    private static void Shell(string command, string directory)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { WorkingDirectory = directory, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
