using System.Globalization;

namespace NewsArchive.Cli;

/// <summary>
/// Where output goes. Standard output (<c>-</c>), a device or a named pipe is written directly, and is
/// never replaced. A regular file (or a new one) is written under a temporary name in its directory and
/// renamed over the target only when the run completes, so a failed or killed run leaves either the
/// old file or the new complete one, never half a file; a symbolic link is followed, so the file it
/// points to is replaced and the link stays a link. Temporary files a killed run left behind for the
/// same target are removed by the next run.
/// </summary>
public sealed class OutputTarget : IDisposable
{
    /// <summary>The name a temporary file gets: <c>.NAME.PID.RANDOM.tmp</c> beside the target.</summary>
    private const string TempSuffix = ".tmp";

    private readonly string? finalPath;
    private readonly string? tempPath;
    private bool committed;

    private OutputTarget(Stream stream, string? finalPath, string? tempPath, string description)
    {
        Stream = stream;
        this.finalPath = finalPath;
        this.tempPath = tempPath;
        Description = description;
    }

    public Stream Stream { get; }

    /// <summary>How to name the target in a message: the path, or "standard output".</summary>
    public string Description { get; }

    /// <summary>Whether this writes to the standard output stream the command was given.</summary>
    public bool IsStandardOutput { get; private init; }

    public static OutputTarget ForStream(Stream stream) =>
        new(new BufferedStream(stream, 64 * 1024), null, null, "standard output") { IsStandardOutput = true };

    /// <summary>Opens <paramref name="path"/> for output; <c>-</c> is <paramref name="stdout"/>.</summary>
    public static bool TryOpen(string path, Stream stdout, out OutputTarget? target, out string error)
    {
        target = null;
        error = string.Empty;
        if (path == InputSource.StdinPath)
        {
            target = ForStream(stdout);
            return true;
        }

        var final = ResolveLinks(path);
        var kind = FileKinds.Of(final, followLinks: true);
        switch (kind)
        {
            case FileKind.Directory:
                error = $"{path}: is a directory";
                return false;
            case FileKind.Regular or FileKind.Missing:
                return TryCreateTemporary(path, final, out target, out error);
            default:
                // A device, a named pipe or a socket: written in place, never replaced.
                try
                {
                    var stream = new FileStream(final, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                    target = new OutputTarget(new BufferedStream(stream, 64 * 1024), null, null, path);
                    return true;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error = $"{path}: cannot write ({ex.Message})";
                    return false;
                }
        }
    }

    /// <summary>
    /// Whether two output paths name the same target: the same file after links, or both standard
    /// output. Writing both streams to one target would lose one of them.
    /// </summary>
    public static bool SameTarget(string first, string second)
    {
        if (first == InputSource.StdinPath || second == InputSource.StdinPath)
        {
            return first == second;
        }

        return string.Equals(ResolveLinks(first), ResolveLinks(second), StringComparison.Ordinal);
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
        if (IsStandardOutput)
        {
            return;
        }

        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // Disposing flushes what is left: on a full disk that fails again; the temporary file
            // still goes below.
        }

        if (!committed && tempPath is not null && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }

    /// <summary>The full path a chain of symbolic links ends at (the path itself when it is none).</summary>
    private static string ResolveLinks(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return FileKinds.Of(full, followLinks: false) == FileKind.SymbolicLink
                ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full
                : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static bool TryCreateTemporary(string path, string final, out OutputTarget? target, out string error)
    {
        target = null;
        var directory = Path.GetDirectoryName(final) ?? ".";
        if (!Directory.Exists(directory))
        {
            error = $"{path}: directory does not exist";
            return false;
        }

        RemoveStaleTemporaries(directory, Path.GetFileName(final));
        var temp = Path.Combine(directory, $".{Path.GetFileName(final)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            target = new OutputTarget(stream, final, temp, path);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot write ({ex.Message})";
            return false;
        }
    }

    /// <summary>
    /// Deletes temporary files of this target whose process is gone (a run killed with SIGKILL cannot
    /// clean up after itself). A file whose process still runs is another run's, and is left alone.
    /// </summary>
    private static void RemoveStaleTemporaries(string directory, string name)
    {
        if (!Directory.Exists("/proc/self"))
        {
            // Without /proc a live process cannot be told from a dead one: nothing is removed.
            return;
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, $".{name}.*{TempSuffix}"))
            {
                var middle = Path.GetFileName(file)[(name.Length + 2)..^TempSuffix.Length];
                var dot = middle.IndexOf('.');
                if (dot > 0 && int.TryParse(middle.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    && middle.Length - dot - 1 == 32 && !Directory.Exists($"/proc/{pid}"))
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy: a directory that cannot be listed is written to all the same.
        }
    }
}
