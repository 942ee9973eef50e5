namespace NewsArchive.Cli;

/// <summary>
/// Whether stderr is a terminal a person watches (progress is shown only then), and whether stdout is
/// one (binary output is refused there).
/// </summary>
public sealed record TerminalInfo(bool StderrRedirected, bool StdoutRedirected = true)
{
    public static readonly TerminalInfo Redirected = new(true);

    public bool StderrIsTerminal => !StderrRedirected;

    public bool StdoutIsTerminal => !StdoutRedirected;
}
