namespace NewsArchive.Tests;

/// <summary>Where the test sources live: golden cases are read and accepted in place, not from bin/.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CasesDirectory => Path.Combine(RepositoryRoot, "tests", "NewsArchive.Tests", "Cases");

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsArchive.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NewsArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
