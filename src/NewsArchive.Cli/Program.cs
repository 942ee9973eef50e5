using System.Runtime.InteropServices;

namespace NewsArchive.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Ctrl-C or a TERM signal stops the run cleanly: workers stop, and an --output file being
        // written is deleted, so the old file (if any) stays as it was. The exit code is 128 + the
        // signal's number, as a shell reports a process the signal ended: 130 for INT, 143 for TERM.
        using var interrupted = new CancellationTokenSource();
        var signal = 0;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var stdin = Console.OpenStandardInput();

        // Not the console stream: it drops writes to a closed pipe without a word, so
        // `newsarchive ... | head` would parse the whole archive for nobody, and a full disk would
        // look like success. Not a FileStream either: see StandardOutputStream.
        using var stdout = new StandardOutputStream();
        var code = CliApp.Run(args, stdin, stdout, Console.Error, new TerminalInfo(Console.IsErrorRedirected, Console.IsOutputRedirected), interrupted.Token);
        return code == ExitCodes.Interrupted && signal == 15 ? ExitCodes.Terminated : code;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            signal = context.Signal == PosixSignal.SIGTERM ? 15 : 2;
            interrupted.Cancel();
        }
    }
}
