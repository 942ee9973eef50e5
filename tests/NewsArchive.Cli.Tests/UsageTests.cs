namespace NewsArchive.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "newsarchive: Required command was not provided.")]
    [InlineData(new[] { "extract" }, "newsarchive: Required argument 'PATH' missing for command: 'extract' (or give --files-from).")]
    [InlineData(new[] { "extract", "x", "--format", "xml" }, "newsarchive: Argument 'xml' not recognized. Must be one of:\n\t'json'\n\t'jsonl'\n\t'csv'")]
    [InlineData(new[] { "extract", "x", "--jobs", "0" }, "newsarchive: --jobs: '0' is not a whole number from 1 to 256.")]
    [InlineData(new[] { "extract", "x", "-j", "abc" }, "newsarchive: --jobs: 'abc' is not a whole number from 1 to 256.")]
    [InlineData(new[] { "extract", "x", "-j", "1.5" }, "newsarchive: --jobs: '1.5' is not a whole number from 1 to 256.")]
    [InlineData(new[] { "extract", "x", "-j", "20000" }, "newsarchive: --jobs: '20000' is not a whole number from 1 to 256.")]
    [InlineData(new[] { "extract", "x", "--max-file-size", "lots" }, "newsarchive: --max-file-size: 'lots' is not a positive size such as 1048576, 512K or 32M.")]
    [InlineData(new[] { "extract", "x", "--bogus" }, "newsarchive: Unrecognized option '--bogus'.")]
    [InlineData(new[] { "fetch" }, "newsarchive: Unrecognized command or argument 'fetch'.")]
    [InlineData(new[] { "audit" }, "newsarchive: Required argument 'PATH' missing for command: 'audit' (or give --files-from).")]
    [InlineData(new[] { "audit", "x", "--format", "csv" }, "newsarchive: Argument 'csv' not recognized. Must be one of:\n\t'table'\n\t'json'")]
    [InlineData(new[] { "audit", "x", "--jobs", "0" }, "newsarchive: --jobs: '0' is not a whole number from 1 to 256.")]
    public void Run_BadArguments_ExitTwoWithMessageOnStderr(string[] args, string message)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("--help'.\n", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
    }

    [Fact]
    public void Run_OutputInMissingDirectory_ExitsTwo()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--output", "/no/such/dir/out.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("newsarchive: /no/such/dir/out.json: directory does not exist", run.StderrLines[0]);
    }

    [Theory]
    [InlineData("512K", 512L * 1024)]
    [InlineData("32M", 32L * 1024 * 1024)]
    [InlineData("1000", 1000L)]
    public void Parse_MaxFileSize_AcceptsSuffixes(string value, long expected)
    {
        var root = CliApp.BuildCommand(TextWriter.Null, out _, out var bind, out _, out _);
        var result = root.Parse(["extract", "x", "--max-file-size", value]);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, bind(result).MaxFileSize);
    }

    [Fact]
    public void Parse_Defaults_AreJsonStdoutAllCores()
    {
        var root = CliApp.BuildCommand(TextWriter.Null, out _, out var bind, out _, out _);
        var options = bind(root.Parse(["extract", "a", "b"]));
        Assert.Equal<string>(["a", "b"], options.Input.Paths);
        Assert.Equal(NewsArchive.Output.RecordFormat.Json, options.Format);
        Assert.Null(options.Output);
        Assert.Equal(Environment.ProcessorCount, options.Jobs);
        Assert.Equal(32L * 1024 * 1024, options.MaxFileSize);
    }

    [Fact]
    public void Parse_AuditDefaults_AreTableAllCores()
    {
        var root = CliApp.BuildCommand(TextWriter.Null, out _, out _, out _, out var bindAudit);
        var options = bindAudit(root.Parse(["audit", "a", "b"]));
        Assert.Equal<string>(["a", "b"], options.Input.Paths);
        Assert.False(options.Json);
        Assert.Equal(Environment.ProcessorCount, options.Jobs);
        Assert.True(bindAudit(root.Parse(["audit", "a", "-f", "json"])).Json);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("audit")]
    public void Help_Command_MatchesSnapshot(string command)
    {
        var run = CliRun.Invoke(command, "--help");
        Assert.Equal(0, run.ExitCode);
        var snapshot = Path.Combine(Paths.RepositoryRoot, "tests", "NewsArchive.Cli.Tests", $"{command}-help.txt");
        if (Environment.GetEnvironmentVariable("NEWSARCHIVE_ACCEPT") == "1")
        {
            File.WriteAllText(snapshot, run.Stdout);
        }

        Assert.Equal(File.ReadAllText(snapshot), run.Stdout);
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
    }
}
