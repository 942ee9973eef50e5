namespace NewsArchive.Cli;

/// <summary>
/// Expands the command's PATH arguments: files as given, <c>-</c> for standard input, directories
/// recursively in ordinal path order. Symbolic links to directories are followed once; a link back
/// into a directory already being walked (a loop) is reported and skipped. Nothing is read here.
/// </summary>
public static class InputEnumerator
{
    public static IEnumerable<InputSource> Expand(IEnumerable<string> paths, Action<string> notice)
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
                foreach (var source in ExpandDirectory(path, notice))
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

    private static IEnumerable<InputSource> ExpandDirectory(string root, Action<string> notice)
    {
        var files = new List<(string Display, string Path)>();
        var errors = new List<InputSource>();
        var active = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, ToDisplay(root).TrimEnd('/'), files, errors, active, notice);
        var all = files.Select(f => new InputSource(f.Display, f.Path)).Concat(errors);
        return all.OrderBy(s => s.DisplayPath, StringComparer.Ordinal);
    }

    private static void Walk(string directory, string display, List<(string, string)> files, List<InputSource> errors, HashSet<string> active, Action<string> notice)
    {
        var real = RealPath(directory);
        if (!active.Add(real))
        {
            notice($"{display}: skipped: symbolic link loop");
            return;
        }

        try
        {
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(directory).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                errors.Add(new InputSource(display, null, $"cannot list directory ({ex.Message})"));
                return;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                var entryDisplay = display.Length == 0 ? name : $"{display}/{name}";
                if (Directory.Exists(entry))
                {
                    Walk(entry, entryDisplay, files, errors, active, notice);
                }
                else if (File.Exists(entry))
                {
                    if (IsRegularOrLink(entry))
                    {
                        files.Add((entryDisplay, entry));
                    }
                    else
                    {
                        notice($"{entryDisplay}: skipped: not a regular file");
                    }
                }
                else
                {
                    errors.Add(new InputSource(entryDisplay, null, IsBrokenLink(entry) ? "broken symbolic link" : "no such file or directory"));
                }
            }
        }
        finally
        {
            active.Remove(real);
        }
    }

    private static bool IsRegularOrLink(string path)
    {
        var attributes = File.GetAttributes(path);
        return (attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0;
    }

    private static bool IsBrokenLink(string path)
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
            var full = (target?.FullName ?? info.FullName).TrimEnd(Path.DirectorySeparatorChar);
            return full;
        }
        catch (IOException)
        {
            return Path.GetFullPath(directory);
        }
    }

    /// <summary>The path as the user named it, with <c>/</c> separators.</summary>
    public static string ToDisplay(string path) => path.Replace('\\', '/');
}
