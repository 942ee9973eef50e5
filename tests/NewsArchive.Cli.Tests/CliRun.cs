using System.Text;

namespace NewsArchive.Cli.Tests;

/// <summary>One in-process run of the command: exit code, the bytes on stdout, the text on stderr.</summary>
internal sealed record CliRun(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static CliRun Invoke(params string[] args) => InvokeWithStdin([], args);

    public static CliRun InvokeWithStdin(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, input, output, error);
        return new CliRun(code, output.ToArray(), error.ToString());
    }
}

internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary><c>samples/</c> relative to the working directory, as a user would type it.</summary>
    public static string Samples => Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(RepositoryRoot, "samples")).Replace('\\', '/');

    public static string SamplesAbsolute => Path.Combine(RepositoryRoot, "samples");

    /// <summary>The text of the sample whose name starts with <paramref name="prefix"/> (<c>000</c>).</summary>
    public static string SampleText(string prefix) =>
        File.ReadAllText(Directory.GetFiles(SamplesAbsolute, prefix + "_*").Single());

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "newsarchive-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsArchive.sln not found");
    }
}
