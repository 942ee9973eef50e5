namespace NewsArchive.Cli;

/// <summary>The command's exit codes; the README lists them too.</summary>
public static class ExitCodes
{
    /// <summary>Every input became a record.</summary>
    public const int Success = 0;

    /// <summary>At least one input failed; the records of the others were written.</summary>
    public const int SomeFailed = 1;

    /// <summary>Bad arguments, or nothing could run (the output could not be written).</summary>
    public const int Usage = 2;

    /// <summary>There was nothing to read: an empty directory, or patterns that chose no file.</summary>
    public const int NoInput = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it); no output file was replaced.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by a TERM signal (128 + SIGTERM); no output file was replaced.</summary>
    public const int Terminated = 143;
}
