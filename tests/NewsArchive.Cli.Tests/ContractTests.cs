using System.Diagnostics;
using System.Text;

namespace NewsArchive.Cli.Tests;

/// <summary>
/// The command's contract where scripts and root shells lean on it: where output goes, which inputs a
/// directory gives, what an empty run says. Real processes where only a real process shows the
/// behaviour (devices, named pipes, a closed pipe, a full disk, signals).
/// </summary>
public sealed class ContractTests
{
    private static string Cli => typeof(CliApp).Assembly.Location;

    private static bool IsRoot => Environment.UserName == "root";

    private static byte[] Sample(string prefix) =>
        File.ReadAllBytes(Directory.GetFiles(Paths.SamplesAbsolute, prefix + "_*").Single());

    [Fact]
    public async Task Extract_OutputDash_WritesStandardOutput()
    {
        var directory = Paths.TempDirectory();
        var start = Start(["extract", Paths.SamplesAbsolute, "-o", "-", "-f", "jsonl"]);
        start.WorkingDirectory = directory;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await stderr;
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(5, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void Extract_SameTargetForOutputAndErrors_IsAUsageError()
    {
        var directory = Paths.TempDirectory();
        var target = Path.Combine(directory, "out.jsonl");
        File.CreateSymbolicLink(Path.Combine(directory, "link.jsonl"), target);
        foreach (var (output, errors) in new[] { (target, target), (target, Path.Combine(directory, "link.jsonl")), ("-", "-") })
        {
            var run = CliRun.Invoke("extract", Paths.Samples, "-o", output, "--errors", errors);
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("newsarchive: --output and --errors name the same target", run.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Extract_OutputThroughSymbolicLink_ReplacesTheFileAndKeepsTheLink()
    {
        var directory = Paths.TempDirectory();
        var target = Path.Combine(directory, "real.jsonl");
        var link = Path.Combine(directory, "link.jsonl");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);
        var run = CliRun.Invoke("extract", Paths.Samples, "-o", link, "-f", "jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link, followLinks: false));
        Assert.Equal(5, File.ReadAllLines(target).Length);
        Assert.Equal(["link.jsonl", "real.jsonl"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Extract_ToCharacterDevice_WritesThroughAndLeavesTheDevice()
    {
        if (!IsRoot)
        {
            // mknod needs root; CI runs as root.
            return;
        }

        var directory = Paths.TempDirectory();
        var device = Path.Combine(directory, "null");
        Run("mknod", device, "c", "1", "3");
        var result = Process(["extract", Paths.SamplesAbsolute, "-o", device]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device, followLinks: false));
        Assert.Equal(["null"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Extract_ToFullDevice_ReportsAndExitsTwoAndLeavesTheDevice()
    {
        if (!IsRoot)
        {
            return;
        }

        var directory = Paths.TempDirectory();
        var device = Path.Combine(directory, "full");
        Run("mknod", device, "c", "1", "7");
        var result = Process(["extract", Paths.SamplesAbsolute, "-o", device, "-q"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsarchive: cannot write", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("No space left on device", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of(device, followLinks: false));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("parquet")]
    public void Extract_StandardOutputOnAFullDisk_ReportsAndExitsTwo(string format)
    {
        var result = Shell($"dotnet '{Cli}' extract '{Paths.SamplesAbsolute}' -f {format} > /dev/full");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsarchive: cannot write standard output: No space left on device", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ToNamedPipe_RecordsReachTheReaderAndThePipeStays()
    {
        var directory = Paths.TempDirectory();
        var pipe = Path.Combine(directory, "pipe");
        Run("mkfifo", pipe);
        var received = Path.Combine(directory, "received");
        using var reader = System.Diagnostics.Process.Start("bash", ["-c", $"cat '{pipe}' > '{received}'"])!;
        var result = Process(["extract", Paths.SamplesAbsolute, "-o", pipe, "-f", "jsonl"]);
        Assert.True(reader.WaitForExit(30_000));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(FileKind.NamedPipe, FileKinds.Of(pipe, followLinks: false));
        Assert.Equal(5, File.ReadAllLines(received).Length);
    }

    [Theory]
    [InlineData("--no-template")]
    [InlineData("--template")]
    public void Extract_ReaderClosesThePipe_StopsBeforeTheRestOfTheInputs(string template)
    {
        // Forty posts and then a named pipe nobody writes: opening it would block forever. A run that
        // learns no template streams, and must stop at the closed pipe (head has what it wants) long
        // before it gets there.
        var directory = Paths.TempDirectory();
        if (template == "--template")
        {
            var file = Path.Combine(directory, "template.json");
            File.WriteAllText(file, "{\"format\": \"newsarchive-template\", \"version\": 1, \"sources\": []}");
            template = $"--template '{file}'";
        }

        var paths = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var path = Path.Combine(directory, $"{i:D2}.txt");
            File.WriteAllBytes(path, Sample("002"));
            paths.Add($"'{path}'");
        }

        var never = Path.Combine(directory, "zz-never-written");
        Run("mkfifo", never);
        var result = Shell($"set -o pipefail; dotnet '{Cli}' extract -j 1 -f jsonl {template} {string.Join(' ', paths)} '{never}' | head -c 100 > /dev/null");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Extract_LearningRunAndAReaderThatClosesThePipe_EndsQuietly()
    {
        // A run that learns reads every input before it writes; the closed pipe ends it then,
        // with the exit code of success and nothing on stderr.
        var directory = Paths.TempDirectory();
        for (var i = 0; i < 40; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"{i:D2}.txt"), Sample("002"));
        }

        var result = Shell($"set -o pipefail; dotnet '{Cli}' extract -j 1 -f jsonl '{directory}' | head -c 100 > /dev/null");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Extract_RunsSharingOneRedirect_WriteAfterEachOther()
    {
        // The shell opens the file once; every process writes at the offset they share. A run that
        // wrote at an offset of its own would be overwritten by the next writer.
        var directory = Paths.TempDirectory();
        var first = Directory.GetFiles(Paths.SamplesAbsolute, "000_*").Single();
        var second = Directory.GetFiles(Paths.SamplesAbsolute, "001_*").Single();
        var output = Path.Combine(directory, "out.jsonl");
        var result = Shell($"{{ echo head; dotnet '{Cli}' extract '{first}' -f jsonl -q; dotnet '{Cli}' --version; dotnet '{Cli}' extract '{second}' -f jsonl -q; echo tail; }} > '{output}'");
        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(5, lines.Length);
        Assert.Equal("head", lines[0]);
        Assert.StartsWith("{\"id\":\"cna:202212200002\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("newsarchive ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":\"cna:202212300243\"", lines[3], StringComparison.Ordinal);
        Assert.Equal("tail", lines[4]);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("completion bash")]
    [InlineData("schema")]
    public void NonRecordOutput_ReaderGoneOrDiskFull_KeepsTheContract(string args)
    {
        var closed = Shell($"set -o pipefail; dotnet '{Cli}' {args} | (exec 0<&-; sleep 0.1)");
        Assert.Equal(0, closed.ExitCode);
        Assert.Equal(string.Empty, closed.Stderr);
        var full = Shell($"dotnet '{Cli}' {args} > /dev/full");
        Assert.Equal(2, full.ExitCode);
        Assert.Contains("newsarchive: cannot write standard output: No space left on device", full.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Terminated_ExitsWith143()
    {
        var directory = Paths.TempDirectory();
        var sample = Sample("002");
        for (var i = 0; i < 3000; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"{i:D5}.txt"), sample);
        }

        using var process = System.Diagnostics.Process.Start(Start(["extract", directory, "-j", "1", "-q"]))!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        Thread.Sleep(1500);
        Assert.False(process.HasExited, "the run ended before it could be terminated");
        Run("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(143, process.ExitCode);
    }

    [Fact]
    public void Extract_StaleTemporaryOfAKilledRun_IsRemovedByTheNextRun()
    {
        var directory = Paths.TempDirectory();
        var output = Path.Combine(directory, "out.json");
        var stale = Path.Combine(directory, $".out.json.999999999.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(directory, $".out.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(directory, $".other.json.999999999.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "left by a killed run");
        File.WriteAllText(live, "another run, still going");
        File.WriteAllText(other, "another target's");
        var run = CliRun.Invoke("extract", Paths.Samples, "-o", output);
        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Extract_HiddenEntries_SkippedUnlessHidden()
    {
        var directory = Paths.TempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "post.txt"), Sample("003"));
        Directory.CreateDirectory(Path.Combine(directory, ".git", "objects"));
        File.WriteAllText(Path.Combine(directory, ".git", "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(directory, ".DS_Store.txt"), "not a post\n");

        var run = CliRun.Invoke("extract", directory, "-f", "jsonl");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("newsarchive: 1 file, 1 record, 0 errors, 0 warnings", run.StderrLines.Single());

        var hidden = CliRun.Invoke("extract", directory, "-f", "jsonl", "--hidden");
        Assert.Equal(1, hidden.ExitCode);
        Assert.Equal("newsarchive: 3 files, 1 record, 2 errors, 0 warnings", hidden.StderrLines[^1]);
    }

    [Fact]
    public void Extract_GlobAndExclude_ChooseFilesInDirectories()
    {
        var directory = Paths.TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory, "2024", "drafts"));
        File.WriteAllBytes(Path.Combine(directory, "a.txt"), Sample("003"));
        File.WriteAllBytes(Path.Combine(directory, "2024", "b.html"), Sample("001"));
        File.WriteAllBytes(Path.Combine(directory, "2024", "drafts", "c.html"), Sample("000"));
        File.WriteAllText(Path.Combine(directory, "notes.md"), "not a post\n");

        Assert.Equal(["2024/b.html", "2024/drafts/c.html"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "-g", "*.html"), directory));
        Assert.Equal(["2024/b.html"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "-g", "*.html", "--exclude", "2024/drafts/**"), directory));
        Assert.Equal(["2024/b.html"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "-g", "*.html", "--exclude", "drafts"), directory));
        Assert.Equal(["2024/b.html", "2024/drafts/c.html"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "-g", "*.html", "--exclude", "drafts/**"), directory));
        Assert.Equal(["a.txt"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "--glob", "*.txt"), directory));
        Assert.Equal(["2024/b.html", "2024/drafts/c.html", "a.txt"], RecordPaths(CliRun.Invoke("extract", directory, "-f", "jsonl", "--exclude", "*.md"), directory));
    }

    [Fact]
    public void Extract_FilesFrom_ReadsTheListedPathsAsOneDocument()
    {
        var directory = Paths.TempDirectory();
        var a = Path.Combine(directory, "a.txt");
        var b = Path.Combine(directory, "b.txt");
        File.WriteAllBytes(a, Sample("003"));
        File.WriteAllBytes(b, Sample("001"));
        var list = Encoding.UTF8.GetBytes($"{a}\n\n{b}\n");

        var fromStdin = CliRun.InvokeWithStdin(list, "extract", "--files-from", "-");
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(fromStdin.StdoutBytes).RootElement.GetArrayLength());

        var listFile = Path.Combine(directory, "list");
        File.WriteAllBytes(listFile, list);
        var fromFile = CliRun.Invoke("extract", "--files-from", listFile, "-f", "jsonl");
        Assert.Equal(fromStdin.Stderr, fromFile.Stderr);
        Assert.Equal(2, fromFile.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var both = CliRun.InvokeWithStdin(list, "extract", "-", "--files-from", "-");
        Assert.Equal(2, both.ExitCode);
        var missing = CliRun.Invoke("extract", "--files-from", Path.Combine(directory, "nope"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal($"newsarchive: --files-from: {Path.Combine(directory, "nope")}: no such file", missing.StderrLines.Single());
    }

    [Fact]
    public void Extract_NoInputFiles_SaysSoAndExitsThree()
    {
        var directory = Paths.TempDirectory();
        var run = CliRun.Invoke("extract", directory);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("newsarchive: no input files", run.StderrLines.Single());
        Assert.Equal("[]\n", run.Stdout);

        var output = Path.Combine(Paths.TempDirectory(), "out.json");
        File.WriteAllText(output, "previous");
        Assert.Equal(3, CliRun.Invoke("extract", directory, "-o", output).ExitCode);
        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Equal(3, CliRun.Invoke("audit", directory).ExitCode);
    }

    [Fact]
    public void Extract_LinksUpTheTree_EveryDirectoryReadOnce_AndALinkAboveTheStartFollowedOnce()
    {
        var directory = Paths.TempDirectory();
        var root = Path.Combine(directory, "archive");
        Directory.CreateDirectory(Path.Combine(root, "a", "b"));
        File.WriteAllBytes(Path.Combine(root, "a", "one.txt"), Sample("003"));
        File.WriteAllBytes(Path.Combine(root, "a", "b", "two.txt"), Sample("001"));
        File.WriteAllBytes(Path.Combine(directory, "outside.txt"), Sample("000"));
        File.CreateSymbolicLink(Path.Combine(root, "a", "b", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(root, "a", "b", "top"), directory);
        File.CreateSymbolicLink(Path.Combine(root, "also-a"), Path.Combine(root, "a"));
        File.CreateSymbolicLink(Path.Combine(root, "also-a-again"), Path.Combine(root, "a"));

        var run = CliRun.Invoke("extract", root, "-f", "jsonl");
        Assert.Equal(0, run.ExitCode);

        // top leads above the walk's start: followed once, it reads outside.txt, and not the archive again.
        Assert.Equal(
            [$"{root}/a/b/top/outside.txt", $"{root}/a/b/two.txt", $"{root}/a/one.txt"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()));
        Assert.Equal("newsarchive: 3 files, 3 records, 0 errors, 0 warnings", run.StderrLines[^1]);
        Assert.Contains(run.StderrLines, l => l.EndsWith("/a/b/up: skipped: symbolic link loop", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.EndsWith("/a/b/top/archive: skipped: symbolic link loop", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.EndsWith("/also-a-again: skipped: directory already read by another path", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_FileAndDirectoryNamesNotUtf8_AreRead()
    {
        var directory = Paths.TempDirectory();
        File.WriteAllBytes(Path.Combine(directory, "good.txt"), Sample("003"));
        Run("bash", "-c", $"cp '{Path.Combine(directory, "good.txt")}' \"{directory}/$(printf 'bad-\\xff.txt')\" && mkdir \"{directory}/$(printf 'dir-\\xff')\" && cp '{Path.Combine(directory, "good.txt")}' \"{directory}/$(printf 'dir-\\xff')/in.txt\"");
        var run = CliRun.Invoke("extract", directory, "-f", "jsonl");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["bad-\\xFF.txt", "dir-\\xFF/in.txt", "good.txt"], RecordPaths(run, directory));
    }

    [Theory]
    [InlineData(new[] { "help" }, "newsarchive [command] [options]")]
    [InlineData(new[] { "help", "extract" }, "newsarchive extract [<PATH>...] [options]")]
    [InlineData(new[] { "help", "audit" }, "newsarchive audit [<PATH>...] [options]")]
    public void Help_Command_PrintsHelpAndExitsZero(string[] args, string usage)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(usage, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    private static string[] RecordPaths(CliRun run, string directory) =>
        [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("path").GetString()!)
            .Select(path => path[(directory.Length + 1)..])];

    private static void Run(string command, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(command, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static ProcessStartInfo Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static (int ExitCode, string Stderr) Process(string[] args) => Wait(Start(args));

    private static (int ExitCode, string Stderr) Shell(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return Wait(start);
    }

    private static (int ExitCode, string Stderr) Wait(ProcessStartInfo start)
    {
        using var process = System.Diagnostics.Process.Start(start)!;
        if (start.RedirectStandardOutput)
        {
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        }

        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within a minute");
        }

        return (process.ExitCode, stderr.Result);
    }
}
