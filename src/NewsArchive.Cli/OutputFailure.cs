namespace NewsArchive.Cli;

/// <summary>
/// A write to an output target failed: which target, and why (the I/O error inside). A closed pipe
/// (<c>EPIPE</c>: the reader of standard output went away) is told apart from a real failure such as
/// a full disk (<c>ENOSPC</c>), which must be reported and must not exit 0.
/// </summary>
public sealed class OutputFailure(OutputTarget target, IOException inner) : Exception($"cannot write {target.Description}: {inner.Message}", inner)
{
    /// <summary>The errno of a write to a pipe nobody reads any more; .NET puts errno in the HResult.</summary>
    private const int Epipe = 32;

    public OutputTarget Target { get; } = target;

    public bool IsClosedPipe => InnerException is IOException { HResult: Epipe };

    /// <summary>Runs a write to <paramref name="target"/>, turning its I/O error into an <see cref="OutputFailure"/>.</summary>
    public static void Guard(OutputTarget target, Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new OutputFailure(target, ex);
        }
    }
}
