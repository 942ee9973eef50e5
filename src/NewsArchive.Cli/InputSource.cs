namespace NewsArchive.Cli;

/// <summary>
/// One input to read: a file (by the path shown to the user and the path to open), standard input,
/// an entry that could not be listed and is already an error, or a notice about something skipped.
/// </summary>
public sealed record InputSource(string DisplayPath, string? FilePath, string? Error = null, string? Notice = null)
{
    public const string StdinPath = "-";

    public bool IsStdin => DisplayPath == StdinPath && FilePath is null && Error is null && Notice is null;

    /// <summary>Something skipped on the way (a symbolic link loop), reported in its place in the order.</summary>
    public static InputSource Skipped(string displayPath, string notice) => new(displayPath, null, null, notice);
}
