namespace NewsArchive.Cli;

/// <summary>
/// Where records go: standard output, or a file written under a temporary name in the same directory
/// and renamed over the target only when the run completes, so a failed or killed run leaves either
/// the old file or the new complete one, never half a file.
/// </summary>
public sealed class OutputTarget : IDisposable
{
    private readonly string? finalPath;
    private readonly string? tempPath;
    private bool committed;

    private OutputTarget(Stream stream, string? finalPath, string? tempPath)
    {
        Stream = stream;
        this.finalPath = finalPath;
        this.tempPath = tempPath;
    }

    public Stream Stream { get; }

    public static OutputTarget ForStream(Stream stream) => new(new BufferedStream(stream, 64 * 1024), null, null);

    public static bool TryCreateFile(string path, out OutputTarget? target, out string error)
    {
        target = null;
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory))
        {
            error = $"{path}: directory does not exist";
            return false;
        }

        if (Directory.Exists(full))
        {
            error = $"{path}: is a directory";
            return false;
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            target = new OutputTarget(stream, full, temp);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot write ({ex.Message})";
            return false;
        }
    }

    /// <summary>Flushes everything and, for a file, moves it into place.</summary>
    public void Commit()
    {
        Stream.Flush();
        if (finalPath is not null && tempPath is not null)
        {
            if (Stream is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }

            Stream.Dispose();
            File.Move(tempPath, finalPath, overwrite: true);
        }

        committed = true;
    }

    public void Dispose()
    {
        if (finalPath is null)
        {
            return;
        }

        Stream.Dispose();
        if (!committed && tempPath is not null && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }
}
