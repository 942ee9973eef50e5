using System.Runtime.InteropServices;

namespace NewsArchive.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Ctrl-C or a TERM signal stops the run cleanly: workers stop, and an --output file being
        // written is deleted, so the old file (if any) stays as it was.
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        return CliApp.Run(args, stdin, stdout, Console.Error, new TerminalInfo(Console.IsErrorRedirected), interrupted.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }
}
