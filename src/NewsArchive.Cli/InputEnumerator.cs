using System.IO.Enumeration;

namespace NewsArchive.Cli;

/// <summary>
/// Expands the command's PATH arguments (and a <c>--files-from</c> list): files as given, <c>-</c> for
/// standard input, directories recursively in ordinal order of their full paths, hidden entries and
/// files the patterns leave out skipped (<see cref="InputSelection"/>). The walk is lazy, one directory
/// listing at a time, so memory does not grow with the archive. Symbolic links to directories are
/// followed, and every directory is walked once: a link back to a directory being walked (a loop) and
/// a second way into a directory already walked are reported and skipped. A link to a directory
/// above the one the walk started in is followed once, and the files it leads to that were not read
/// are read. Nothing is read.
/// </summary>
public static class InputEnumerator
{
    /// <summary>The selection's inputs, its <c>--files-from</c> list read from its file or from <paramref name="stdin"/>.</summary>
    public static IEnumerable<InputSource> Expand(InputSelection selection, Stream stdin) =>
        Expand(selection, selection.FilesFrom is null ? null : ReadList(selection.FilesFrom, stdin));

    /// <summary>The paths of a list, one a line (as <c>find</c> prints them); blank lines are skipped.</summary>
    private static IEnumerable<string> ReadList(string path, Stream stdin)
    {
        using var reader = path == InputSource.StdinPath
            ? new StreamReader(stdin, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true)
            : new StreamReader(path, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <param name="selection">What to read.</param>
    /// <param name="filesFrom">The <c>--files-from</c> list's lines (read by the caller), or null.</param>
    private static IEnumerable<InputSource> Expand(InputSelection selection, IEnumerable<string>? filesFrom)
    {
        // Errors and notices belong to a part too, so the parts together report each exactly once.
        DateTime? newerThan = selection.NewerThan is { } reference ? File.GetLastWriteTimeUtc(reference) : null;
        foreach (var source in ExpandAll(selection, filesFrom))
        {
            if (!selection.Shard.Contains(source.ShardKey ?? source.DisplayPath))
            {
                continue;
            }

            if (newerThan is { } since && source.FilePath is { } file && !(File.GetLastWriteTimeUtc(file) > since))
            {
                continue;
            }

            yield return source;
        }
    }

    private static IEnumerable<InputSource> ExpandAll(InputSelection selection, IEnumerable<string>? filesFrom)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var chooses = selection.Chooser();
        foreach (var path in filesFrom is null ? selection.Paths : selection.Paths.Concat(filesFrom))
        {
            if (path == InputSource.StdinPath)
            {
                yield return new InputSource(InputSource.StdinPath, null);
                continue;
            }

            if (Directory.Exists(path))
            {
                foreach (var source in Walk(path, ToDisplay(path).TrimEnd('/'), selection.Hidden, chooses, visited))
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

            yield return new InputSource(ToDisplay(path), null, MissingReason(path));
        }
    }

    /// <summary>Why a path that names nothing readable is an error.</summary>
    private static string MissingReason(string path) =>
        path.Contains('\uFFFD', StringComparison.Ordinal) ? "file name is not valid UTF-8 (it cannot be opened by this name)"
        : IsBrokenLink(path) ? "broken symbolic link" : "no such file or directory";

    private sealed record Frame(string RealPath, string Relative, List<Entry> Entries)
    {
        public int Next { get; set; }
    }

    /// <summary>A directory entry as listed; <paramref name="FileLength"/> is the size of a plain file (not a link), else null.</summary>
    private readonly record struct Entry(string Path, string Name, string Display, string SortKey, bool IsDirectory, long? FileLength)
    {
        /// <summary>The bytes of the entry's path, where its name is not valid UTF-8.</summary>
        public byte[]? RawPath { get; init; }
    }

    /// <summary>
    /// Depth-first, with each directory's entries sorted by name, directories as <c>name/</c>: that
    /// order is exactly the ordinal order of the full paths, so no whole-tree list is needed.
    /// </summary>
    private static IEnumerable<InputSource> Walk(string root, string rootDisplay, bool hidden, Func<string, bool> chooses, HashSet<string> visited)
    {
        var stack = new Stack<Frame>();
        if (!TryOpen(root, rootDisplay, string.Empty, stack, visited, out var rootError))
        {
            if (rootError is not null)
            {
                yield return rootError;
            }

            yield break;
        }

        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (frame.Next >= frame.Entries.Count)
            {
                stack.Pop();
                continue;
            }

            var entry = frame.Entries[frame.Next++];
            if (!hidden && entry.Name.StartsWith('.'))
            {
                continue;
            }

            var relative = frame.Relative.Length == 0 ? entry.Name : $"{frame.Relative}/{entry.Name}";
            if (entry.IsDirectory)
            {
                if (!TryOpen(entry.Path, entry.Display, relative, stack, visited, out var error, entry.RawPath) && error is not null)
                {
                    yield return error;
                }

                continue;
            }

            if (!chooses(relative))
            {
                continue;
            }

            if (entry.RawPath is null && entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !File.Exists(entry.Path))
            {
                yield return new InputSource(entry.Display, null, MissingReason(entry.Path)) { ShardKey = relative };
                continue;
            }

            // Anything but a plain file of known size is checked by the worker that reads it.
            yield return new InputSource(entry.Display, entry.Path) { FoundInDirectory = true, ListedLength = entry.FileLength, ShardKey = relative, RawPath = entry.RawPath };
        }
    }

    /// <summary>
    /// Lists a directory and pushes it on <paramref name="stack"/>, the directories being walked; a
    /// directory whose path is not valid UTF-8 is listed by <paramref name="rawPath"/>, its bytes.
    /// </summary>
    private static bool TryOpen(string directory, string display, string relative, Stack<Frame> stack, HashSet<string> visited, out InputSource? error, byte[]? rawPath = null)
    {
        error = null;
        var real = rawPath is null ? RealPath(directory) : FileKinds.Resolve(rawPath) ?? RawFileNames.Escape(rawPath);
        if (stack.Any(open => open.RealPath == real))
        {
            // A link to a directory being walked (this one or one it is in): following it would walk in
            // circles. A link further up, above where the walk started, is followed once: what it leads
            // to is read, but for the directories already read or being read.
            error = InputSource.Skipped(display, "skipped: symbolic link loop");
            return false;
        }

        if (!visited.Add(real))
        {
            // Two ways into one directory (two links, or a link and the directory itself): read once.
            error = InputSource.Skipped(display, "skipped: directory already read by another path");
            return false;
        }

        var entries = rawPath is null ? List(directory, display, out var listError) : ListRaw(rawPath, display, out listError);
        if (entries is null)
        {
            error = new InputSource(display, null, listError!);
            return false;
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        stack.Push(new Frame(real, relative, entries));
        return true;
    }

    /// <summary>A directory's entries, listed by its name; null, with <paramref name="error"/>, where it cannot be listed.</summary>
    private static List<Entry>? List(string directory, string display, out string? error)
    {
        error = null;
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
                    return new Entry(path, name, display.Length == 0 ? name : $"{display}/{name}", isDirectory ? name + "/" : name, isDirectory, length);
                },
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false });
            entries = [.. listing];
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            error = directory.Contains('\uFFFD', StringComparison.Ordinal)
                ? "directory name is not valid UTF-8 (its files cannot be listed by this name)"
                : $"cannot list directory ({ex.Message})";
            return null;
        }

        if (entries.Any(e => e.Name.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            entries = WithRawNames(directory, display, entries);
        }

        return entries;
    }

    /// <summary>
    /// The entries of a directory listed by its bytes (its path is not valid UTF-8): every name shown
    /// escaped, every entry opened (or listed) by the bytes of its path. Sizes are not listed: the
    /// worker that reads a file finds its size.
    /// </summary>
    private static List<Entry>? ListRaw(byte[] rawPath, string display, out string? error)
    {
        if (RawFileNames.List(rawPath, out var failure) is not { } listed)
        {
            error = $"cannot list directory ({failure})";
            return null;
        }

        error = null;
        var entries = new List<Entry>(listed.Count);
        foreach (var (bytes, isDirectory) in listed)
        {
            var name = RawFileNames.Escape(bytes);
            var path = RawFileNames.Join(rawPath, bytes);
            entries.Add(new Entry(RawFileNames.Lossy(path), name, display.Length == 0 ? name : $"{display}/{name}", isDirectory ? name + "/" : name, isDirectory, null) { RawPath = path });
        }

        return entries;
    }

    /// <summary>
    /// The entries whose names are not valid UTF-8, matched with their bytes: shown escaped, sorted by
    /// the escaped name, and opened (a directory: listed) by the bytes.
    /// </summary>
    private static List<Entry> WithRawNames(string directory, string display, List<Entry> entries)
    {
        var raw = RawFileNames.UndecodableNames(directory);
        var used = new bool[raw.Count];
        var result = new List<Entry>(entries.Count);
        foreach (var entry in entries)
        {
            var match = entry.Name.Contains('\uFFFD', StringComparison.Ordinal)
                ? Enumerable.Range(0, raw.Count).FirstOrDefault(i => !used[i] && RawFileNames.Lossy(raw[i]) == entry.Name, -1)
                : -1;
            if (match < 0)
            {
                result.Add(entry);
                continue;
            }

            used[match] = true;
            var name = RawFileNames.Escape(raw[match]);
            result.Add(entry with
            {
                Name = name,
                Display = display.Length == 0 ? name : $"{display}/{name}",
                SortKey = entry.IsDirectory ? name + "/" : name,
                RawPath = RawFileNames.Join(directory, raw[match]),
            });
        }

        return result;
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
        if (FileKinds.Resolve(directory) is { } resolved)
        {
            return resolved.TrimEnd(Path.DirectorySeparatorChar);
        }

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
