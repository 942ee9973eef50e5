namespace NewsArchive.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        return CliApp.Run(args, stdin, stdout, Console.Error, new TerminalInfo(Console.IsErrorRedirected));
    }
}
