using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using NewsArchive.Output;

namespace NewsArchive.Cli;

/// <summary>
/// The <c>newsarchive</c> command line: builds the System.CommandLine tree, maps a parse result to
/// <see cref="RunOptions"/> and hands it to <see cref="ExtractRunner"/>. Usage errors exit with 2.
/// </summary>
public static class CliApp
{
    /// <summary>The exit codes, as the README's contract lists them.</summary>
    private const string ExitCodeLines = """
        Exit codes: 0 every input became a record; 1 some inputs failed (the rest were
        written); 2 usage error or the output could not be written; 3 no input files;
        130 interrupted (Ctrl-C); 143 terminated. A reader that stops early (| head) is not
        an error.
        """;

    private const string ExtractExamples = """
        Examples:
          newsarchive extract samples                          JSON array on stdout
          newsarchive extract ./archive --format jsonl | jq -r 'select(.source=="cna") | .title'
          newsarchive extract ./archive --format csv --output articles.csv
          gzip -dc post.txt.gz | newsarchive extract -          read standard input
          newsarchive extract ./archive -o out.json --errors failed.jsonl

        """ + "\n" + ExitCodeLines;

    private const string RootExamples = """
        Examples:
          newsarchive extract samples                          JSON array on stdout
          newsarchive extract ./archive --format jsonl | jq -r 'select(.source=="cna") | .title'
          newsarchive extract ./archive --format csv --output articles.csv
          newsarchive audit ./archive                          what repeats per source (new boilerplate)

        """ + "\n" + ExitCodeLines;

    private const string AuditExamples = """
        Examples:
          newsarchive audit ./archive                          table: per source, what repeats
          newsarchive audit ./archive -f json | jq '.sources[] | {source, repeated_paragraphs}'

        Exit codes: 0 every input became a record; 1 some inputs failed (the report
        counts them); 2 usage error or the report could not be written; 3 no input files;
        130 interrupted (Ctrl-C); 143 terminated.
        """;

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo? terminal = null, CancellationToken cancellation = default)
    {
        terminal ??= TerminalInfo.Redirected;
        if (args is ["help", .. var rest])
        {
            // `newsarchive help [COMMAND]` is `newsarchive [COMMAND] --help`.
            args = [.. rest, "--help"];
        }

        // Not disposed: disposing would flush stdout, which throws once a reader has closed the pipe.
        var helpOut = new StreamWriter(stdout, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true) { AutoFlush = false };
        var root = BuildCommand(helpOut, out var extract, out var bind, out var audit, out var bindAudit);
        var parseResult = root.Parse(args);
        if (parseResult.Action is HelpWithExamples || parseResult.CommandResult.Command == root && args.Contains("--version"))
        {
            var code = parseResult.Invoke(new InvocationConfiguration { Output = helpOut, Error = stderr, EnableDefaultExceptionHandler = false });
            helpOut.Flush();
            return code;
        }

        if (parseResult.Action is ParseErrorAction || parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"newsarchive: {error.Message}");
            }

            var command = parseResult.CommandResult.Command;
            stderr.WriteLine($"Try '{(command == extract || command == audit ? $"newsarchive {command.Name} --help" : "newsarchive --help")}'.");
            return ExitCodes.Usage;
        }

        if (parseResult.CommandResult.Command == extract || parseResult.CommandResult.Command == audit)
        {
            try
            {
                return parseResult.CommandResult.Command == extract
                    ? new ExtractRunner(bind(parseResult), stdin, stdout, stderr, terminal).Run(cancellation)
                    : new AuditRunner(bindAudit(parseResult), stdin, stdout, stderr, terminal).Run(cancellation);
            }
            catch (Exception ex)
            {
                stderr.WriteLine($"newsarchive: {ex.Message}");
                if (args.Contains("--verbose"))
                {
                    stderr.WriteLine(ex);
                }

                return ExitCodes.Usage;
            }
        }

        var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = helpOut, Error = stderr, EnableDefaultExceptionHandler = false });
        helpOut.Flush();
        return exitCode;
    }

    /// <summary>The command tree; <paramref name="bind"/> maps an extract parse result to options.</summary>
    internal static Command BuildCommand(
        TextWriter helpOut,
        out Command extract,
        out Func<ParseResult, RunOptions> bind,
        out Command audit,
        out Func<ParseResult, AuditOptions> bindAudit)
    {
        var input = new InputOptions("No progress line and no summary line (errors are still reported).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (one array), jsonl (one record per line) or csv.",
            DefaultValueFactory = _ => "json",
            HelpName = "json|jsonl|csv",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write records to FILE instead of standard output ('-'): a regular file is replaced only when the run completes; a device or pipe is written directly.",
            HelpName = "FILE",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Also write per-file errors to FILE as JSON Lines ({\"path\", \"error\"}).",
            HelpName = "FILE",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat parse warnings as errors: a record with warnings is not written.",
        };

        extract = new Command("extract", "Turn news archive files into article records (JSON, JSON Lines or CSV).");
        input.AddTo(extract, format, output, errors, strict);

        var auditInput = new InputOptions("No progress line (per-file errors are still reported).");
        var auditFormat = new Option<string>("--format", "-f")
        {
            Description = "Report format: table (for reading) or json.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        auditFormat.AcceptOnlyFromAmong("table", "json");
        audit = new Command(
            "audit",
            "Report per source: warnings by kind, paragraphs and images that repeat across records (new boilerplate shows there), records that lost text, rules that fired.");
        auditInput.AddTo(audit, auditFormat);

        // A named command rather than RootCommand, whose name is the host process's (testhost, dotnet).
        var root = new Command("newsarchive", "Clean article records from archives of scraped Taiwanese news (CNA Jekyll posts, UDN page dumps, other Jekyll posts).")
        {
            extract,
            audit,
            new HelpOption(),
            new VersionOption(),
        };

        var examples = new Dictionary<Command, string>
        {
            [root] = RootExamples,
            [extract] = ExtractExamples,
            [audit] = AuditExamples,
        };
        foreach (var option in root.Options)
        {
            // The root's help option is recursive: it serves every command, with that command's examples.
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExamples(help, helpOut, examples);
            }
        }

        bind = parseResult => new RunOptions
        {
            Input = input.Selection(parseResult),
            Format = parseResult.GetValue(format) switch
            {
                "jsonl" => OutputFormat.JsonLines,
                "csv" => OutputFormat.Csv,
                _ => OutputFormat.Json,
            },
            Output = parseResult.GetValue(output),
            ErrorsFile = parseResult.GetValue(errors),
            MaxFileSize = input.MaxFileSize(parseResult),
            Strict = parseResult.GetValue(strict),
            Jobs = input.Jobs(parseResult),
            Quiet = input.Quiet(parseResult),
            Verbose = input.Verbose(parseResult),
        };
        bindAudit = parseResult => new AuditOptions
        {
            Input = auditInput.Selection(parseResult),
            Json = parseResult.GetValue(auditFormat) == "json",
            MaxFileSize = auditInput.MaxFileSize(parseResult),
            Jobs = auditInput.Jobs(parseResult),
            Quiet = auditInput.Quiet(parseResult),
            Verbose = auditInput.Verbose(parseResult),
        };
        return root;
    }

    /// <summary>The standard help text followed by examples and the exit codes.</summary>
    private sealed class HelpWithExamples(HelpAction standard, TextWriter output, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                output.WriteLine(text);
            }

            return exitCode;
        }
    }
}
