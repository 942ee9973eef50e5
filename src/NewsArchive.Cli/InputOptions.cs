using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NewsArchive.Cli;

/// <summary>
/// The options every reading command shares: what to read (PATH, <c>--files-from</c>, <c>--glob</c>,
/// <c>--exclude</c>, <c>--hidden</c>), how large a file may be, how many files at once, and how much to
/// say. One instance per command (System.CommandLine gives each command its own option objects).
/// </summary>
internal sealed class InputOptions
{
    /// <summary>The most files parsed at once: each worker is a thread with its own parser.</summary>
    public const int MaxJobs = 256;

    private readonly Argument<string[]> paths = new("PATH")
    {
        Description = "Files or directories to read (directories recursively, in path order); '-' reads standard input. A web archive (WARC, WARC.gz, WACZ) is read record by record.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> filesFrom = new("--files-from")
    {
        Description = "Also read the paths listed in FILE, one a line ('-' for standard input), as `find ... -type f` prints them.",
        HelpName = "FILE",
    };

    private readonly Option<string[]> globs = new("--glob", "-g")
    {
        Description = "In directories, read only files matching GLOB (repeatable; '*.html' matches at any depth, 'a/**/*.txt' from the directory).",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string[]> excludes = new("--exclude")
    {
        Description = "In directories, skip files matching GLOB (repeatable).",
        HelpName = "GLOB",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<bool> hidden = new("--hidden")
    {
        Description = "Also read hidden files and directories (names starting with '.', such as .git/), skipped by default.",
    };

    private readonly Option<long> maxFileSize = new("--max-file-size")
    {
        Description = "Largest input accepted (default 32M; bytes, or with a K, M or G suffix); larger files are errors. In a web archive, the limit of each record, whatever the archive's size.",
        CustomParser = ParseSize,
        HelpName = "SIZE",
    };

    private readonly Option<int?> jobs = new("--jobs", "-j")
    {
        Description = $"Number of files parsed in parallel, 1 to {MaxJobs} (default: the processor count); output order never changes.",
        HelpName = "N",
        CustomParser = ParseJobs,
    };

    private readonly Option<Shard> shard = new("--shard")
    {
        Description = "Read only part K of N (1/3, 2/3, 3/3): a stable split by a hash of each file's path relative to its PATH, so a file keeps its part when others are added (a web archive's records: by the archive's path and each record's member); the N parts together are the whole run.",
        HelpName = "K/N",
        CustomParser = ParseShard,
        DefaultValueFactory = _ => Shard.All,
    };

    private readonly Option<string?> newerThan = new("--newer-than")
    {
        Description = "Read only files modified after FILE was (for incremental jobs: touch FILE after each run).",
        HelpName = "FILE",
    };

    private readonly Option<bool> quiet;

    private readonly Option<bool> verbose = new("--verbose")
    {
        Description = "Show stack traces for internal errors.",
    };

    public InputOptions(string quietDescription)
    {
        quiet = new Option<bool>("--quiet", "-q") { Description = quietDescription };
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
    }

    /// <summary>Adds the shared options to <paramref name="command"/>, the command's own in between.</summary>
    public void AddTo(Command command, params Option[] own)
    {
        command.Arguments.Add(paths);
        foreach (var option in own)
        {
            command.Options.Add(option);
        }

        foreach (var option in new Option[] { filesFrom, globs, excludes, hidden, newerThan, shard, maxFileSize, jobs, quiet, verbose })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(paths) is not { Length: > 0 } && result.GetValue(filesFrom) is null)
            {
                result.AddError($"Required argument 'PATH' missing for command: '{command.Name}' (or give --files-from).");
            }
        });
    }

    public InputSelection Selection(ParseResult result) => new()
    {
        Paths = [.. result.GetValue(paths) ?? []],
        FilesFrom = result.GetValue(filesFrom),
        Hidden = result.GetValue(hidden),
        Globs = [.. result.GetValue(globs) ?? []],
        Excludes = [.. result.GetValue(excludes) ?? []],
        Shard = result.GetValue(shard),
        NewerThan = result.GetValue(newerThan),
    };

    public long MaxFileSize(ParseResult result) => result.GetResult(maxFileSize) is null ? RunOptions.DefaultMaxFileSize : result.GetValue(maxFileSize);

    public int Jobs(ParseResult result) => result.GetValue(jobs) ?? Math.Min(Environment.ProcessorCount, MaxJobs);

    public bool Quiet(ParseResult result) => result.GetValue(quiet);

    public bool Verbose(ParseResult result) => result.GetValue(verbose);

    private static int? ParseJobs(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > MaxJobs)
        {
            result.AddError($"--jobs: '{text}' is not a whole number from 1 to {MaxJobs}.");
            return null;
        }

        return value;
    }

    private static Shard ParseShard(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (!Shard.TryParse(text, out var value))
        {
            result.AddError($"--shard: '{text}' is not K/N with N from 1 to {Shard.MaxCount} and K from 1 to N (such as 2/3).");
        }

        return value;
    }

    private static long ParseSize(ArgumentResult result)
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
