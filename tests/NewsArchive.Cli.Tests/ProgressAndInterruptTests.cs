namespace NewsArchive.Cli.Tests;

public sealed class ProgressAndInterruptTests
{
    [Theory]
    [InlineData(500, -1, 2.0, "newsarchive: 500 files, 250 files/s")]
    [InlineData(500, 1500, 2.0, "newsarchive: 500/1500 files, 250 files/s, 0:04 left")]
    [InlineData(0, 10, 0.5, "newsarchive: 0/10 files")]
    [InlineData(1, 7188, 0.01, "newsarchive: 1/7188 files")]
    [InlineData(1, 7188, 1.5, "newsarchive: 1/7188 files, 1 files/s")]
    [InlineData(3000, 7188, 1.5, "newsarchive: 3000/7188 files, 2000 files/s, 0:02 left")]
    [InlineData(40, -1, 0.5, "newsarchive: 40 files")]
    public void Describe_FilesRateAndTimeLeft(int files, int total, double seconds, string expected)
    {
        Assert.Equal(expected, ProgressLine.Describe(files, total, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Extract_StderrNotATerminal_NoProgressLine()
    {
        var run = CliRun.Invoke("extract", Paths.Samples);
        Assert.DoesNotContain('\r', run.Stderr);
    }

    [Fact]
    public void Extract_StderrATerminal_DrawsAndClearsProgress()
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(["extract", Paths.Samples, "--jobs", "1"], new MemoryStream(), output, error, new TerminalInfo(StderrRedirected: false));
        Assert.Equal(0, code);
        Assert.EndsWith("newsarchive: 5 files, 5 records, 0 errors, 0 warnings" + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Interrupted_ExitsWith130AndLeavesOldOutput()
    {
        var directory = Paths.TempDirectory();
        var output = Path.Combine(directory, "out.json");
        File.WriteAllText(output, "previous complete output");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var error = new StringWriter();

        var code = CliApp.Run(["extract", Paths.Samples, "-o", output], new MemoryStream(), new MemoryStream(), error, TerminalInfo.Redirected, cancelled.Token);

        Assert.Equal(130, code);
        Assert.Equal($"newsarchive: interrupted; {output} was not written" + Environment.NewLine, error.ToString());
        Assert.Equal("previous complete output", File.ReadAllText(output));
        Assert.Equal(["out.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }
}
