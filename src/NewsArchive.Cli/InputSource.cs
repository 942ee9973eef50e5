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

    /// <summary>
    /// An item of a web archive, or standard input read whole: its bytes are in hand, and the
    /// worker parses them instead of reading a file.
    /// </summary>
    public NewsArchive.InputFile? Item { get; init; }

    /// <summary>The web archive (<c>WARC</c>, <c>WACZ</c>) this file is, announced before its items; null for any other input.</summary>
    public string? Envelope { get; init; }

    /// <summary>A web archive's <c>revisit</c> record: counted, no record.</summary>
    public bool Revisit { get; init; }

    /// <summary>A web archive's item left out by its target's host (<c>--source</c>) before it was parsed.</summary>
    public bool LeftOut { get; init; }

    /// <summary>For an item of a web archive: the archive's path under its PATH (or its name), where <c>--output-dir --keep-dirs</c> puts the item's record.</summary>
    public string? EnvelopeKey { get; init; }

    /// <summary>What a web archive holds (an item, or a failed, revisited or left-out record), not the archive itself.</summary>
    public bool InArchive => EnvelopeKey is not null && Envelope is null;

    /// <summary>
    /// The bytes of the file's path where its name is not valid UTF-8 (<see cref="RawFileNames"/>):
    /// it is opened by them, and <see cref="DisplayPath"/> shows the name escaped.
    /// </summary>
    public byte[]? RawPath { get; init; }

    /// <summary>Opens the file for reading: by <see cref="RawPath"/> where there is one, else by <see cref="FilePath"/>.</summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle OpenRead() => RawPath is { } raw
        ? RawFileNames.Open(raw)
        : File.OpenHandle(FilePath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    /// <summary>Something skipped on the way (a symbolic link loop), reported in its place in the order.</summary>
    public static InputSource Skipped(string displayPath, string notice) => new(displayPath, null, null, notice);
}
