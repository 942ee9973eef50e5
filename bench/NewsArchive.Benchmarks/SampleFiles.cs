namespace NewsArchive.Benchmarks;

/// <summary>The repository's samples, found from the benchmark's own location.</summary>
internal static class SampleFiles
{
    public static byte[] Read(string prefix)
    {
        var samples = FindSamples();
        return File.ReadAllBytes(Directory.GetFiles(samples, prefix + "_*").Single());
    }

    private static string FindSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(directory.FullName, "NewsArchive.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
