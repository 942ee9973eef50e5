namespace NewsArchive.Cli;

/// <summary>
/// One input to read: a file (by the path shown to the user and the path to open), standard input,
/// or an entry that could not be listed and is already an error.
/// </summary>
public sealed record InputSource(string DisplayPath, string? FilePath, string? Error = null)
{
    public const string StdinPath = "-";

    public bool IsStdin => DisplayPath == StdinPath && FilePath is null && Error is null;
}
