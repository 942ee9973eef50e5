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

    /// <summary>Stopped by Ctrl-C or TERM (128 + SIGINT, as shells report it); no output file was replaced.</summary>
    public const int Interrupted = 130;
}
