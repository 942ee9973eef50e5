namespace NewsArchive.Cli;

/// <summary>
/// One input to read: a file (by the path shown to the user and the path to open), standard input,
/// an entry that could not be listed and is already an error, or a notice about something skipped.
/// </summary>
public sealed record InputSource(string DisplayPath, string? FilePath, string? Error = null, string? Notice = null)
{
    public const string StdinPath = "-";

    /// <summary>
    /// Found by walking a directory rather than named by the user. Such a file is never opened when
    /// it is empty: a named pipe in an archive would otherwise block the run until something writes
    /// to it. A pipe the user names (<c>&lt;(zcat post.gz)</c>) is read.
    /// </summary>
    public bool FoundInDirectory { get; init; }

    /// <summary>The size the directory listing gave for a plain file (not a link); null when not listed so.</summary>
    public long? ListedLength { get; init; }

    /// <summary>
    /// The path <c>--shard</c> hashes: relative to the PATH a file was found under, or the path as
    /// the user gave it. Null means <see cref="DisplayPath"/>.
    /// </summary>
    public string? ShardKey { get; init; }

    /// <summary>Something skipped on the way (a symbolic link loop), reported in its place in the order.</summary>
    public static InputSource Skipped(string displayPath, string notice) => new(displayPath, null, null, notice);
}
