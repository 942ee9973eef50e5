using System.IO.Enumeration;

namespace NewsArchive.Cli;

/// <summary>
/// Expands the command's PATH arguments: files as given, <c>-</c> for standard input, directories
/// recursively in ordinal order of their full paths. The walk is lazy, one directory listing at a
/// time, so memory does not grow with the archive. Symbolic links to directories are followed; a
/// link back into a directory already being walked (a loop) is reported and skipped. Nothing is read.
/// </summary>
public static class InputEnumerator
{
    public static IEnumerable<InputSource> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == InputSource.StdinPath)
            {
                yield return new InputSource(InputSource.StdinPath, null);
                continue;
            }

            if (Directory.Exists(path))
            {
                foreach (var source in Walk(path, ToDisplay(path).TrimEnd('/')))
                {
                    yield return source;
                }

                continue;
            }

            if (File.Exists(path))
            {
                yield return new InputSource(ToDisplay(path), path);
                continue;
            }

            yield return new InputSource(ToDisplay(path), null, IsBrokenLink(path) ? "broken symbolic link" : "no such file or directory");
        }
    }

    private sealed record Frame(string RealPath, List<Entry> Entries)
    {
        public int Next { get; set; }
    }

    /// <summary>A directory entry as listed; <paramref name="FileLength"/> is the size of a plain file (not a link), else null.</summary>
    private readonly record struct Entry(string Path, string Display, string SortKey, bool IsDirectory, long? FileLength);

    /// <summary>
    /// Depth-first, with each directory's entries sorted by name, directories as <c>name/</c>: that
    /// order is exactly the ordinal order of the full paths, so no whole-tree list is needed.
    /// </summary>
    private static IEnumerable<InputSource> Walk(string root, string rootDisplay)
    {
        var stack = new Stack<Frame>();
        var active = new HashSet<string>(StringComparer.Ordinal);
        if (!TryOpen(root, rootDisplay, stack, active, out var rootError))
        {
            yield return rootError!;
            yield break;
        }

        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (frame.Next >= frame.Entries.Count)
            {
                active.Remove(frame.RealPath);
                stack.Pop();
                continue;
            }

            var entry = frame.Entries[frame.Next++];
            if (entry.IsDirectory)
            {
                if (!TryOpen(entry.Path, entry.Display, stack, active, out var error) && error is not null)
                {
                    yield return error;
                }

                continue;
            }

            // Anything but a plain file of known size is checked by the worker that reads it.
            yield return new InputSource(entry.Display, entry.Path) { FoundInDirectory = true, ListedLength = entry.FileLength };
        }
    }

    private static bool TryOpen(string directory, string display, Stack<Frame> stack, HashSet<string> active, out InputSource? error)
    {
        error = null;
        var real = RealPath(directory);
        if (active.Contains(real))
        {
            error = InputSource.Skipped(display, "skipped: symbolic link loop");
            return false;
        }

        List<Entry> entries;
        try
        {
            // One readdir pass, and the one lstat that reading an entry's attributes costs: its size is
            // kept, so the worker that reads a plain file needs no second look at it.
            var listing = new FileSystemEnumerable<Entry>(
                directory,
                (ref FileSystemEntry entry) =>
                {
                    var name = entry.FileName.ToString();
                    var path = entry.ToFullPath();
                    var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                    var isDirectory = entry.IsDirectory || (isLink && Directory.Exists(path));
                    long? length = isDirectory || isLink ? null : entry.Length;
                    return new Entry(path, display.Length == 0 ? name : $"{display}/{name}", isDirectory ? name + "/" : name, isDirectory, length);
                },
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false });
            entries = [.. listing];
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            error = new InputSource(display, null, $"cannot list directory ({ex.Message})");
            return false;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        active.Add(real);
        stack.Push(new Frame(real, entries));
        return true;
    }

    internal static bool IsBrokenLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return (target?.FullName ?? info.FullName).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return Path.GetFullPath(directory);
        }
    }

    /// <summary>The path as the user named it, with <c>/</c> separators.</summary>
    public static string ToDisplay(string path) => path.Replace('\\', '/');
}
