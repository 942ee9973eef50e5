using System.Text;
using NewsArchive.Audit;

namespace NewsArchive.Cli;

/// <summary>Everything <c>newsarchive audit</c> was asked to do.</summary>
public sealed record AuditOptions
{
    public required InputSelection Input { get; init; }

    /// <summary>True for JSON, false for the table.</summary>
    public bool Json { get; init; }

    /// <summary>Where the learned template goes (<c>--template-out FILE</c>), or null.</summary>
    public string? TemplateOut { get; init; }

    public long MaxFileSize { get; init; } = RunOptions.DefaultMaxFileSize;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }
}

/// <summary>
/// Runs <c>newsarchive audit</c>: parses every input as <c>extract</c> does (same reading, same
/// parallel pipeline, same per-file error lines on stderr) and feeds the outcomes, in input order, to
/// an <see cref="ArchiveAudit"/>; the report goes to stdout as a table or JSON.
/// </summary>
public sealed class AuditRunner(AuditOptions options, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo terminal)
{
    private sealed record Item(string Path, ParseOutcome? Outcome, string? Notice)
    {
        public bool OpensEnvelope { get; init; }

        public bool Archived { get; init; }
    }

    public int Run(CancellationToken cancellation = default)
    {
        if (options.Input.Problem() is { } problem)
        {
            stderr.WriteLine($"newsarchive: {problem}");
            return ExitCodes.Usage;
        }

        using var audit = new ArchiveAudit();
        var progress = new ProgressLine(stderr, enabled: terminal.StderrIsTerminal && !options.Quiet);
        var files = 0;
        var errors = 0;
        try
        {
            OrderedParallel.Run<InputSource, Item>(
                InputItems.Expand(options.Input, stdin, options.MaxFileSize),
                options.Jobs,
                () =>
                {
                    var reader = new InputParser(options.MaxFileSize, options.Verbose);
                    return source => source.Notice is not null ? new Item(source.DisplayPath, null, source.Notice)
                        : source.Envelope is not null || source.Revisit ? new Item(source.DisplayPath, null, null) { OpensEnvelope = source.Envelope is not null }
                        : new Item(source.DisplayPath, reader.Parse(source), null) { Archived = source.InArchive };
                },
                item =>
                {
                    if (item.Outcome is null && item.Notice is null)
                    {
                        // A web archive opened (a file), or one of its revisit records (no article).
                        files += item.OpensEnvelope ? 1 : 0;
                        if (item.OpensEnvelope)
                        {
                            audit.AddEnvelope();
                        }
                        else
                        {
                            audit.AddRevisit();
                        }

                        return;
                    }

                    if (item.Outcome is null)
                    {
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {item.Path}: {item.Notice}");
                        return;
                    }

                    files += item.Archived ? 0 : 1;
                    audit.Add(item.Outcome, item.Archived);
                    if (item.Outcome is ParseOutcome.Failed failed)
                    {
                        errors++;
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {item.Path}: {failed.Reason}");
                    }

                    progress.Report(files);
                },
                cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            progress.Clear();
            stderr.WriteLine("newsarchive: interrupted");
            return ExitCodes.Interrupted;
        }

        progress.Clear();
        if (files == 0)
        {
            stderr.WriteLine("newsarchive: no input files");
            return ExitCodes.NoInput;
        }

        if (options.TemplateOut is not null && WriteTemplate(audit.Template) is { } templateError)
        {
            stderr.WriteLine($"newsarchive: {templateError}");
            return ExitCodes.Usage;
        }

        var output = OutputTarget.ForStream(stdout);
        try
        {
            var report = audit.Report();
            OutputFailure.Guard(output, () =>
            {
                if (options.Json)
                {
                    AuditJsonWriter.Write(report, output.Stream);
                }
                else
                {
                    using var writer = new StreamWriter(output.Stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
                    AuditTableWriter.Write(report, writer);
                }

                output.Commit();
            });
        }
        catch (OutputFailure failure) when (failure.IsClosedPipe)
        {
            // The reader went away (`newsarchive audit … | head`): stop quietly.
            return ExitCodes.Success;
        }
        catch (OutputFailure failure)
        {
            stderr.WriteLine($"newsarchive: {failure.Message}");
            return ExitCodes.Usage;
        }

        return errors == 0 ? ExitCodes.Success : ExitCodes.SomeFailed;
    }

    /// <summary>Writes the template to <c>--template-out</c> as every output target is written; the reason on failure.</summary>
    private string? WriteTemplate(Extraction.ArchiveTemplate template)
    {
        if (!OutputTarget.TryOpen(options.TemplateOut!, stdout, out var target, out var error) || target is null)
        {
            return error;
        }

        using (target)
        {
            try
            {
                OutputFailure.Guard(target, () =>
                {
                    Extraction.TemplateFile.Write(template, target.Stream);
                    target.Commit();
                });
            }
            catch (OutputFailure failure)
            {
                return failure.Message;
            }
        }

        return null;
    }
}
