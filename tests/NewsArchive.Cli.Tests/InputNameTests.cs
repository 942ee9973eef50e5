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
