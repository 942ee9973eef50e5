using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using NewsArchive.Output;
using NewsArchive.Records;

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
          newsarchive extract ./archive --format parquet -o articles.parquet --since 2024-11-01
          gzip -dc post.txt.gz | newsarchive extract -          read standard input
          newsarchive extract CC-NEWS-*.warc.gz --source cna,udn -f parquet -o part.parquet
          newsarchive extract ./archive -o out.json --errors failed.jsonl
          newsarchive audit ./archive --template-out site.template.json
          newsarchive extract ./archive --template site.template.json --shard 1/4 -o part-1.jsonl

        Records are written once every input is read: the archive's template (lines, images and
        related links that recur across a source's articles) is learned from the whole run first.
        --no-template writes each record as it is parsed; --template FILE uses a learned template.

        Web archives (WARC 1.0/1.1, plain or gzip; WACZ) are read record by record: each HTML
        response or resource is an item, its record's member says where it sits (a byte offset)
        and fetched when it was captured. An error names FILE#MEMBER; the rest is still read.

        """ + "\n" + ExitCodeLines;

    private const string RootExamples = """
        Examples:
          newsarchive extract samples                          JSON array on stdout
          newsarchive extract ./archive --format jsonl | jq -r 'select(.source=="cna") | .title'
          newsarchive extract ./archive --format csv --output articles.csv
          newsarchive extract crawl.warc.gz -f jsonl --source cna,udn   pages of a web archive
          newsarchive audit ./archive                          what repeats per source (new boilerplate)

        """ + "\n" + ExitCodeLines;

    private const string AuditExamples = """
        Examples:
          newsarchive audit ./archive                          table: per source, what repeats
          newsarchive audit ./archive -f json | jq '.sources[] | {source, repeated_paragraphs}'
          newsarchive audit ./archive --template-out site.template.json   keep the learned template

        Exit codes: 0 every input became a record; 1 some inputs failed (the report
        counts them); 2 usage error or the report could not be written; 3 no input files;
        130 interrupted (Ctrl-C); 143 terminated.
        """;

    private const string DedupeTextSwitch = "--dedupe-by-text";

    private const string SchemaExamples = """
        Examples:
          newsarchive schema > record.schema.json
          check-jsonschema --schemafile record.schema.json out.json

        The schema describes one record; a JSON array of them, or each JSON line, keeps to it.
        """;

    private const string CompletionExamples = """
        Set-up, once per shell (in ~/.bashrc or ~/.zshrc):
          source <(newsarchive completion bash)
          source <(newsarchive completion zsh)

        Completions come from the command itself through the [suggest] directive; where it has
        nothing to suggest, the shell completes file names.
        """;

    /// <summary>What help prints after the options of <paramref name="command"/>: examples, exit codes.</summary>
    internal static string? Epilogue(Command command) => command switch
    {
        RootCommand => RootExamples,
        { Name: "extract" } => ExtractExamples,
        { Name: "audit" } => AuditExamples,
        { Name: "completion" } => CompletionExamples,
        { Name: "schema" } => SchemaExamples,
        _ => null,
    };

    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo? terminal = null, CancellationToken cancellation = default)
    {
        terminal ??= TerminalInfo.Redirected;
        if (args is ["help", .. var rest])
        {
            // `newsarchive help [COMMAND]` is `newsarchive [COMMAND] --help`.
            args = [.. rest, "--help"];
        }

        // `--dedupe=text` is the text mode of the --dedupe switch. A switch with an optional value
        // would take the PATH after a bare `--dedupe` for its value, so the mode has its own
        // (hidden) switch, and these two spellings are read as that.
        args = [.. args.SelectMany(a => a switch
        {
            "--dedupe=text" => new[] { "--dedupe", DedupeTextSwitch },
            "--dedupe=id" => ["--dedupe"],
            _ => [a],
        })];

        // Not disposed: disposing would flush stdout, which throws once a reader has closed the pipe.
        var helpOut = new StreamWriter(stdout, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true) { AutoFlush = false };
        var root = BuildCommand(helpOut, out var extract, out var bind, out var audit, out var bindAudit);
        // Commands whose whole output is one text on standard output.
        var printing = root.Subcommands.Where(command => command.Name is "completion" or "schema").ToHashSet();
        var parseResult = root.Parse(args);
        var suggest = root.Directives.OfType<SuggestDirective>().Single();
        if (parseResult.Action is HelpWithExamples or PrintVersion
            || parseResult.Action == suggest.Action
            || printing.Contains(parseResult.CommandResult.Command) && parseResult.Errors.Count == 0)
        {
            return InvokeWritingStandardOutput(parseResult, helpOut, stdout, stderr);
        }

        if (parseResult.Action is ParseErrorAction || parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"newsarchive: {error.Message}");
            }

            var command = parseResult.CommandResult.Command;
            stderr.WriteLine($"Try '{(command == root ? "newsarchive --help" : $"newsarchive {command.Name} --help")}'.");
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

        return InvokeWritingStandardOutput(parseResult, helpOut, stdout, stderr);
    }

    /// <summary>
    /// Runs an action that writes to standard output (help, version, suggestions, a completion
    /// script) with the same contract as records: a reader that went away is not an error, any other
    /// failed write exits 2.
    /// </summary>
    private static int InvokeWritingStandardOutput(ParseResult parseResult, StreamWriter helpOut, Stream stdout, TextWriter stderr)
    {
        try
        {
            var code = parseResult.Invoke(new InvocationConfiguration { Output = helpOut, Error = stderr, EnableDefaultExceptionHandler = false });
            helpOut.Flush();
            return code;
        }
        catch (IOException ex)
        {
            var failure = new OutputFailure(OutputTarget.ForStream(stdout), ex);
            if (failure.IsClosedPipe)
            {
                return ExitCodes.Success;
            }

            stderr.WriteLine($"newsarchive: {failure.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The command tree; <paramref name="bind"/> maps an extract parse result to options.</summary>
    internal static RootCommand BuildCommand(
        TextWriter helpOut,
        out Command extract,
        out Func<ParseResult, RunOptions> bind,
        out Command audit,
        out Func<ParseResult, AuditOptions> bindAudit)
    {
        var input = new InputOptions("No progress line and no summary line (errors are still reported).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", RecordFormat.All.Select(f => $"{f.Name} ({f.Description})")) + ".",
            DefaultValueFactory = _ => RecordFormat.Json.Name,
            HelpName = string.Join("|", RecordFormat.All.Select(f => f.Name)),
        };
        format.AcceptOnlyFromAmong([.. RecordFormat.All.Select(f => f.Name)]);
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
        var excel = new Option<bool>("--excel")
        {
            Description = "With --format csv: a CSV safe to open in Excel or LibreOffice: a byte-order mark, a leading ' before cells that start with = + - @ (never a live formula), cells cut at 32,767 characters with a warning.",
        };
        var sources = new Option<string[]>("--source")
        {
            Description = "Write only records of these sources (cna,udn; repeatable).",
            HelpName = "CODES",
            AllowMultipleArgumentsPerToken = false,
        };
        var since = new Option<RecordTime?>("--since")
        {
            Description = "Write only records published at or after this date or time, by each record's own clock (2024-11-01: from that day on; a time with an offset: that instant).",
            HelpName = "DATE",
            CustomParser = ParseBound,
        };
        var until = new Option<RecordTime?>("--until")
        {
            Description = "Write only records published at or before this date (the whole day) or time, by each record's own clock.",
            HelpName = "DATE",
            CustomParser = ParseBound,
        };
        var dedupe = new Option<bool>("--dedupe")
        {
            Description = "One record per id: keep the copy with the latest published time, then the longest text, then the last in input order; its warnings say how many copies were dropped. Reads the inputs twice. --dedupe=text also merges records whose title and text are the same (white space and case aside) under different ids.",
        };
        var dedupeByText = new Option<bool>(DedupeTextSwitch) { Hidden = true };
        var outputDir = new Option<string?>("--output-dir")
        {
            Description = "Write one JSON file per record, DIR/<id>.json (':' written as '_'), each replaced whole; a newer copy of a record is never replaced by an older one in the same run.",
            HelpName = "DIR",
        };
        var keepDirs = new Option<bool>("--keep-dirs")
        {
            Description = "With --output-dir: name each file after its input's path under its PATH, with .json added, mirroring the input tree (a web archive's records: DIR/<archive path>/<id>.json).",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat parse warnings as errors: a record with warnings is not written.",
        };
        var noTemplate = new Option<bool>("--no-template")
        {
            Description = "Do not learn the archive's template: write each record as soon as it is parsed, with what its rules removed only.",
        };
        var templateFile = new Option<string?>("--template")
        {
            Description = "Take this template (audit --template-out FILE) out of the records instead of learning one: no records are held back, and every --shard K/N gives exactly its part of the run.",
            HelpName = "FILE",
        };

        extract = new Command("extract", "Turn news archive files into article records (JSON, JSON Lines, CSV or Parquet).");
        input.AddTo(extract, format, excel, output, outputDir, keepDirs, errors, sources, since, until, dedupe, dedupeByText, strict, noTemplate, templateFile);
        extract.Validators.Add(result =>
        {
            if (result.GetValue(excel) && RecordFormat.Find(result.GetValue(format) ?? "")?.SpreadsheetVariant is null)
            {
                result.AddError($"--excel goes with --format {string.Join(" or ", RecordFormat.All.Where(f => f.SpreadsheetVariant is not null).Select(f => f.Name))}.");
            }

            if (result.GetValue(outputDir) is not null && (result.GetValue(output) is not null || result.GetValue(format) is not (null or "json")))
            {
                result.AddError("--output-dir writes one JSON file per record: it goes with neither --output nor a --format other than json.");
            }

            if (result.GetValue(keepDirs) && result.GetValue(outputDir) is null)
            {
                result.AddError("--keep-dirs goes with --output-dir.");
            }

            if (result.GetValue(noTemplate) && result.GetValue(templateFile) is not null)
            {
                result.AddError("--no-template and --template FILE ask for opposite things: give one.");
            }
        });

        var auditInput = new InputOptions("No progress line (per-file errors are still reported).");
        var auditFormat = new Option<string>("--format", "-f")
        {
            Description = "Report format: table (for reading) or json.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json",
        };
        auditFormat.AcceptOnlyFromAmong("table", "json");
        var templateOut = new Option<string?>("--template-out")
        {
            Description = "Also write the template learned from the archive to FILE (JSON, versioned), for extract --template FILE.",
            HelpName = "FILE",
        };
        audit = new Command(
            "audit",
            "Report per source: warnings by kind, paragraphs and images that repeat across records (new boilerplate shows there), records that lost text, rules that fired.");
        auditInput.AddTo(audit, auditFormat, templateOut);

        var shell = new Argument<string>("SHELL")
        {
            Description = "bash or zsh.",
            HelpName = "bash|zsh",
        };
        shell.AcceptOnlyFromAmong(ShellCompletion.Shells);
        var completion = new Command(
            "completion",
            "Print the shell completion script for bash or zsh; set up with: source <(newsarchive completion bash)")
        {
            shell,
        };
        completion.SetAction(parseResult =>
        {
            helpOut.Write(ShellCompletion.Script(parseResult.GetValue(shell)!));
            return ExitCodes.Success;
        });

        var schema = new Command("schema", "Print the record's JSON Schema (draft 2020-12): every field JSON and JSON Lines write, with its type.");
        schema.SetAction(_ =>
        {
            helpOut.Write(RecordSchema.Json);
            return ExitCodes.Success;
        });

        // The root's name is the host process's (testhost, dotnet); help shows HelpName. RootCommand
        // brings the [suggest] directive that the completion scripts call.
        var root = new RootCommand("Clean article records from archives of scraped Taiwanese news (CNA Jekyll posts, UDN page dumps, saved pages, other Jekyll posts), and from the web archives crawlers write (WARC, WARC.gz, WACZ), record by record.")
        {
            extract,
            audit,
            schema,
            completion,
        };
        root.HelpName = "newsarchive";
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersion(helpOut);
            }
        }

        foreach (var option in root.Options)
        {
            // The root's help option is recursive: it serves every command, with that command's examples.
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExamples(help, helpOut);
            }
        }

        bind = parseResult => new RunOptions
        {
            Input = input.Selection(parseResult),
            Format = RecordFormat.Find(parseResult.GetValue(format) ?? "") is { } chosen
                ? parseResult.GetValue(excel) ? chosen.SpreadsheetVariant ?? chosen : chosen
                : RecordFormat.Json,
            Output = parseResult.GetValue(output),
            ErrorsFile = parseResult.GetValue(errors),
            Filter = new RecordFilter
            {
                Sources = [.. (parseResult.GetValue(sources) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                Since = parseResult.GetValue(since),
                Until = parseResult.GetValue(until),
            },
            Dedupe = parseResult.GetValue(dedupe) || parseResult.GetValue(dedupeByText),
            OutputDir = parseResult.GetValue(outputDir),
            KeepDirs = parseResult.GetValue(keepDirs),
            DedupeByText = parseResult.GetValue(dedupeByText),
            MaxFileSize = input.MaxFileSize(parseResult),
            Strict = parseResult.GetValue(strict),
            LearnTemplate = !parseResult.GetValue(noTemplate),
            TemplateFile = parseResult.GetValue(templateFile),
            Jobs = input.Jobs(parseResult),
            Quiet = input.Quiet(parseResult),
            Verbose = input.Verbose(parseResult),
        };
        bindAudit = parseResult => new AuditOptions
        {
            Input = auditInput.Selection(parseResult),
            Json = parseResult.GetValue(auditFormat) == "json",
            TemplateOut = parseResult.GetValue(templateOut),
            MaxFileSize = auditInput.MaxFileSize(parseResult),
            Jobs = auditInput.Jobs(parseResult),
            Quiet = auditInput.Quiet(parseResult),
            Verbose = auditInput.Verbose(parseResult),
        };
        return root;
    }

    private static RecordTime? ParseBound(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (RecordTime.TryParseBound(text, out var bound))
        {
            return bound;
        }

        var name = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "--since/--until";
        result.AddError($"{name}: '{text}' is not a date (2024-11-01) or a time (2024-11-01T08:00, 2024-11-01T08:00+08:00).");
        return null;
    }

    /// <summary><c>--version</c>: the package version and the commit the binary was built from.</summary>
    private sealed class PrintVersion(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(BuildInfo.VersionLine);
            return ExitCodes.Success;
        }
    }

    /// <summary>The standard help text followed by examples and the exit codes.</summary>
    private sealed class HelpWithExamples(HelpAction standard, TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (Epilogue(parseResult.CommandResult.Command) is { } text)
            {
                output.WriteLine(text);
            }

            return exitCode;
        }
    }
}
