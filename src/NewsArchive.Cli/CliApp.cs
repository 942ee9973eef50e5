using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;
using NewsArchive.Output;

namespace NewsArchive.Cli;

/// <summary>
/// The <c>newsarchive</c> command line: builds the System.CommandLine tree, maps a parse result to
/// <see cref="RunOptions"/> and hands it to <see cref="ExtractRunner"/>. Usage errors exit with 2.
/// </summary>
public static class CliApp
{
    private const string ExtractExamples = """
        Examples:
          newsarchive extract samples                          JSON array on stdout
          newsarchive extract ./archive --format jsonl | jq -r 'select(.source=="cna") | .title'
          newsarchive extract ./archive --format csv --output articles.csv
          gzip -dc post.txt.gz | newsarchive extract -          read standard input
          newsarchive extract ./archive -o out.json --errors failed.jsonl

        Exit codes: 0 every input became a record; 1 some inputs failed (the rest were
        written); 2 usage error or the output could not be written.
        """;

    private const string RootExamples = """
        Examples:
          newsarchive extract samples                          JSON array on stdout
          newsarchive extract ./archive --format jsonl | jq -r 'select(.source=="cna") | .title'
          newsarchive extract ./archive --format csv --output articles.csv
          newsarchive audit ./archive                          what repeats per source (new boilerplate)

        Exit codes: 0 every input became a record; 1 some inputs failed (the rest were
        written); 2 usage error or the output could not be written.
        """;

    private const string AuditExamples = """
        Examples:
          newsarchive audit ./archive                          table: per source, what repeats
          newsarchive audit ./archive -f json | jq '.sources[] | {source, repeated_paragraphs}'

        Exit codes: 0 every input became a record; 1 some inputs failed (the report
        counts them); 2 usage error.
        """;

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo? terminal = null, CancellationToken cancellation = default)
    {
        terminal ??= TerminalInfo.Redirected;
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
        var paths = PathsArgument();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: json (one array), jsonl (one record per line) or csv.",
            DefaultValueFactory = _ => "json",
            HelpName = "json|jsonl|csv",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write records to FILE (atomically, on success) instead of standard output.",
            HelpName = "FILE",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Also write per-file errors to FILE as JSON Lines ({\"path\", \"error\"}).",
            HelpName = "FILE",
        };
        var maxFileSize = MaxFileSizeOption();
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat parse warnings as errors: a record with warnings is not written.",
        };
        var jobs = JobsOption();
        var quiet = QuietOption();
        var verbose = VerboseOption();

        extract = new Command("extract", "Turn news archive files into article records (JSON, JSON Lines or CSV).")
        {
            paths, format, output, errors, maxFileSize, strict, jobs, quiet, verbose,
        };
        var auditPaths = PathsArgument();
        var auditFormat = new Option<string>("--format", "-f")
        {
            Description = "Report format: table (for reading) or json.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        auditFormat.AcceptOnlyFromAmong("table", "json");
        var auditMaxFileSize = MaxFileSizeOption();
        var auditJobs = JobsOption();
        var auditQuiet = new Option<bool>("--quiet", "-q") { Description = "No progress line (per-file errors are still reported)." };
        var auditVerbose = VerboseOption();
        audit = new Command(
            "audit",
            "Report per source: warnings by kind, paragraphs and images that repeat across records (new boilerplate shows there), records that lost text, rules that fired.")
        {
            auditPaths, auditFormat, auditMaxFileSize, auditJobs, auditQuiet, auditVerbose,
        };

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
            Paths = [.. parseResult.GetValue(paths) ?? []],
            Format = parseResult.GetValue(format) switch
            {
                "jsonl" => OutputFormat.JsonLines,
                "csv" => OutputFormat.Csv,
                _ => OutputFormat.Json,
            },
            Output = parseResult.GetValue(output),
            ErrorsFile = parseResult.GetValue(errors),
            MaxFileSize = parseResult.GetResult(maxFileSize) is null ? RunOptions.DefaultMaxFileSize : parseResult.GetValue(maxFileSize),
            Strict = parseResult.GetValue(strict),
            Jobs = parseResult.GetValue(jobs) ?? Environment.ProcessorCount,
            Quiet = parseResult.GetValue(quiet),
            Verbose = parseResult.GetValue(verbose),
        };
        bindAudit = parseResult => new AuditOptions
        {
            Paths = parseResult.GetValue(auditPaths) ?? [],
            Json = parseResult.GetValue(auditFormat) == "json",
            MaxFileSize = parseResult.GetResult(auditMaxFileSize) is null ? RunOptions.DefaultMaxFileSize : parseResult.GetValue(auditMaxFileSize),
            Jobs = parseResult.GetValue(auditJobs) ?? Environment.ProcessorCount,
            Quiet = parseResult.GetValue(auditQuiet),
            Verbose = parseResult.GetValue(auditVerbose),
        };
        return root;
    }

    private static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or directories to read (directories recursively, in path order); '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a path; '-' alone is standard input.
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        return paths;
    }

    private static Option<long> MaxFileSizeOption() => new("--max-file-size")
    {
        Description = "Largest input accepted (default 32M; bytes, or with a K, M or G suffix); larger files are errors.",
        CustomParser = ParseSize,
        HelpName = "SIZE",
    };

    private static Option<int?> JobsOption()
    {
        var jobs = new Option<int?>("--jobs", "-j")
        {
            Description = "Number of files parsed in parallel (default: the processor count); output order never changes.",
            HelpName = "N",
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--jobs must be at least 1.");
            }
        });
        return jobs;
    }

    private static Option<bool> QuietOption() => new("--quiet", "-q")
    {
        Description = "No progress line and no summary line (errors are still reported).",
    };

    private static Option<bool> VerboseOption() => new("--verbose")
    {
        Description = "Show stack traces for internal errors.",
    };

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

    private static long ParseSize(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value.Trim();
        var multiplier = 1L;
        if (text.Length > 0 && char.ToUpperInvariant(text[^1]) is 'K' or 'M' or 'G')
        {
            multiplier = char.ToUpperInvariant(text[^1]) switch { 'K' => 1024L, 'M' => 1024L * 1024, _ => 1024L * 1024 * 1024 };
            text = text[..^1];
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > long.MaxValue / multiplier)
        {
            result.AddError($"--max-file-size: '{result.Tokens.FirstOrDefault()?.Value}' is not a positive size such as 1048576, 512K or 32M.");
            return 0;
        }

        return value * multiplier;
    }
}
