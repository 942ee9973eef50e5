using System.Globalization;
using System.Text;
using NewsArchive.Records;

namespace NewsArchive.Cli;

/// <summary>
/// <c>--output-dir DIR</c>: one JSON file per record, <c>DIR/&lt;id&gt;.json</c> (the id's <c>:</c> and any
/// character a file name cannot hold written as <c>_</c>), or with <c>--keep-dirs</c> the input's path
/// under its PATH with <c>.json</c> added. Each file is written under a temporary name beside it and
/// renamed into place, so a reader never sees half a record. Within a run, a file is never replaced by
/// an older copy of the same record (an earlier <c>published</c>).
/// </summary>
internal sealed class RecordDirectory(string root, bool keepDirs)
{
    private readonly Dictionary<string, RecordTime?> written = new(StringComparer.Ordinal);

    public string Root => root;

    /// <summary>Files are named after their inputs (<c>--keep-dirs</c>), not their records' ids.</summary>
    public bool KeepDirs => keepDirs;

    /// <summary>Where a record goes by its id.</summary>
    public string TargetFor(string id) => Path.Combine(root, SafeName(id) + ".json");

    /// <summary>Where a record goes: by id, or by the input's path under its PATH.</summary>
    public string TargetFor(string id, InputSource source)
    {
        if (!keepDirs)
        {
            return TargetFor(id);
        }

        if (source.EnvelopeKey is { } archive)
        {
            // An item of a web archive: under the archive's path, by its id.
            return Path.Combine([root, .. PathParts(archive), SafeName(id) + ".json"]);
        }

        // A file found in a directory has its path under that PATH; a file named directly, only its name.
        var relative = source.ShardKey ?? (source.DisplayPath == InputSource.StdinPath ? "stdin" : Path.GetFileName(source.DisplayPath));
        return Path.Combine([root, .. PathParts(relative)]) + ".json";
    }

    private static IEnumerable<string> PathParts(string relative) =>
        relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p is not "." and not "..").Select(SafeName);

    /// <summary>Writes <paramref name="json"/> to <paramref name="target"/> unless a newer copy is already there from this run.</summary>
    /// <returns>False when an older copy was not written.</returns>
    public bool TryWrite(string target, string? published, ReadOnlySpan<byte> json)
    {
        RecordTime? time = RecordTime.TryParse(published, out var parsed) ? parsed : null;
        if (written.TryGetValue(target, out var previous) && RecordTime.Compare(time, previous) < 0)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Random.Shared.Next():x8}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(json);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        written[target] = time;
        return true;
    }

    /// <summary>A name every file system takes: letters, digits, CJK and <c>. _ -</c> kept, anything else <c>_</c>.</summary>
    internal static string SafeName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' || category == UnicodeCategory.OtherLetter ? c : '_');
        }

        var text = safe.ToString().TrimStart('.');
        return text.Length == 0 ? "_" : text;
    }
}
