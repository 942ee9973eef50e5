using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsArchive.Cli.Tests;

/// <summary>What ships beside the command: its version line, the manual page, the completion scripts.</summary>
public sealed class DistributionTests
{
    [Fact]
    public void Version_PrintsPackageVersionAndCommit()
    {
        var run = CliRun.Invoke("--version");
        Assert.Equal(0, run.ExitCode);
        var match = Regex.Match(run.Stdout, @"\Anewsarchive (\d+\.\d+\.\d+) \(commit ([0-9a-f]{40}|unknown)\)\n\z");
        Assert.True(match.Success, run.Stdout);
        Assert.Empty(run.Stderr);
        if (match.Groups[2].Value != "unknown" && Git("rev-parse", "HEAD") is not null)
        {
            // Built from this checkout: the commit is one of its own, HEAD or (when a commit came
            // after the last build) one before it.
            Assert.NotNull(Git("merge-base", "--is-ancestor", match.Groups[2].Value, "HEAD"));
        }
    }

    [Fact]
    public void Schema_PrintsTheShippedJsonSchema()
    {
        var run = CliRun.Invoke("schema");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Records.RecordSchema.Json, run.Stdout);
        using var schema = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void ManPage_IsTheRenderingOfTheCommandTree()
    {
        var root = CliApp.BuildCommand(TextWriter.Null, out _, out _, out _, out _);
        var page = ManPage.Render(root);
        var file = Path.Combine(Paths.RepositoryRoot, "docs", "newsarchive.1");
        if (Environment.GetEnvironmentVariable("NEWSARCHIVE_ACCEPT") == "1")
        {
            File.WriteAllText(file, page);
        }

        Assert.Equal(File.ReadAllText(file), page);
    }

    [Fact]
    public void ManPage_NamesEveryCommandAndOption()
    {
        var root = CliApp.BuildCommand(TextWriter.Null, out _, out _, out _, out _);
        var page = ManPage.Render(root);
        foreach (var command in root.Subcommands)
        {
            Assert.Contains($".SH {command.Name.ToUpperInvariant()}\n", page, StringComparison.Ordinal);
            foreach (var option in command.Options.Where(option => !option.Hidden))
            {
                Assert.Contains($"\\fB{ManPage.Escape(option.Name)}\\fR", page, StringComparison.Ordinal);
            }
        }

        Assert.Contains("\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIjson|jsonl|csv|parquet\\fR", page, StringComparison.Ordinal);
        Assert.Contains("Default: json.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -o bashdefault -F _newsarchive_complete newsarchive")]
    [InlineData("zsh", "compdef _newsarchive_complete newsarchive")]
    public void Completion_PrintsTheScriptForTheShell(string shell, string registration)
    {
        var run = CliRun.Invoke("completion", shell);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registration, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_IsAUsageError()
    {
        var run = CliRun.Invoke("completion", "fish");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Try 'newsarchive completion --help'.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("newsarchive ex", "extract")]
    [InlineData("newsarchive extract --form", "--format")]
    [InlineData("newsarchive extract --format ", "csv\njson\njsonl\nparquet")]
    [InlineData("newsarchive audit --format t", "table")]
    [InlineData("newsarchive completion ", "--help\n-?\n-h\n/?\n/h\nbash\nzsh")]
    public void SuggestDirective_CompletesCommandsOptionsAndValues(string line, string expected)
    {
        var run = CliRun.Invoke($"[suggest:{line.Length}]", line);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected + "\n", run.Stdout);
    }

    [Fact]
    public void BashCompletion_InARealShell_CompletesFromTheCommand()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/bash"))
        {
            return;
        }

        var directory = Paths.TempDirectory();
        var wrapper = Path.Combine(directory, "newsarchive");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{typeof(CliApp).Assembly.Location}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        const string Script = """
            source <(newsarchive completion bash)
            COMP_LINE='newsarchive extract --format j'; COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(newsarchive extract --format j); COMP_CWORD=3
            _newsarchive_complete
            echo "${COMPREPLY[*]}"
            """;
        var start = new ProcessStartInfo("bash", ["-c", Script]) { RedirectStandardOutput = true };
        start.Environment["PATH"] = directory + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal("json jsonl\n", output);
    }

    private static string? Git(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git", args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.RepositoryRoot };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
