namespace NewsArchive.Cli;

/// <summary>Whether stderr is a terminal a person watches (progress is shown only then).</summary>
public sealed record TerminalInfo(bool StderrRedirected)
{
    public static readonly TerminalInfo Redirected = new(true);

    public bool StderrIsTerminal => !StderrRedirected;
}
