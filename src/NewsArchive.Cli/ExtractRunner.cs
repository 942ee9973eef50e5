using System.Diagnostics;
using NewsArchive.Decoding;
using NewsArchive.Output;

namespace NewsArchive.Cli;

/// <summary>
/// Runs <c>newsarchive extract</c>: expands the inputs, parses them on <c>--jobs</c> threads (each with
/// its own parser and serializer), and writes records in input order. Errors go to stderr, one line
/// each, and to the <c>--errors</c> file; the summary line closes the run.
/// </summary>
public sealed class ExtractRunner
{
    private readonly RunOptions options;
    private readonly Stream stdin;
    private readonly Stream stdout;
    private readonly TextWriter stderr;
    private readonly TerminalInfo terminal;

    public ExtractRunner(RunOptions options, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo terminal)
    {
        this.options = options;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    /// <summary>What a worker made of one input; <c>Record</c> is a pooled buffer the writer disposes.</summary>
    private sealed record ItemResult(string Path, PooledBufferWriter? Record, string? Error, int Warnings, string? Notice = null);

    public int Run(CancellationToken cancellation = default)
    {
        OutputTarget? output;
        if (options.Output is null)
        {
            output = OutputTarget.ForStream(stdout);
        }
        else if (!OutputTarget.TryCreateFile(options.Output, out output, out var outputError))
        {
            stderr.WriteLine($"newsarchive: {outputError}");
            return ExitCodes.Usage;
        }

        OutputTarget? errorsOutput = null;
        if (options.ErrorsFile is not null && !OutputTarget.TryCreateFile(options.ErrorsFile, out errorsOutput, out var errorsError))
        {
            output!.Dispose();
            stderr.WriteLine($"newsarchive: {errorsError}");
            return ExitCodes.Usage;
        }

        using (output)
        using (errorsOutput)
        {
            var writer = new RecordStreamWriter(output!.Stream, options.Format);
            var progress = new ProgressLine(stderr, enabled: terminal.StderrIsTerminal && !options.Quiet);
            if (progress.Enabled)
            {
                // Only for a person watching: a second, listing-only walk finds the total for "time left".
                _ = Task.Run(() => progress.Total = InputEnumerator.Expand(options.Paths).Count(s => s.Notice is null), cancellation);
            }

            var files = 0;
            var errors = 0;
            var warnings = 0;
            var sources = InputEnumerator.Expand(options.Paths);
            try
            {
                OrderedParallel.Run(sources, options.Jobs, CreateWorker, result =>
                {
                    if (result.Notice is not null)
                    {
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {result.Path}: {result.Notice}");
                        return;
                    }

                    files++;
                    warnings += result.Warnings;
                    if (result.Record is not null)
                    {
                        using var record = result.Record;
                        writer.Append(record.WrittenSpan);
                    }
                    else
                    {
                        errors++;
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {result.Path}: {result.Error}");
                        errorsOutput?.Stream.Write(RecordSerializer.SerializeError(new FileError(result.Path, result.Error!)));
                    }

                    progress.Report(files);
                },
                cancellation);
                writer.Complete();
                output.Commit();
                errorsOutput?.Commit();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                progress.Clear();
                stderr.WriteLine(options.Output is null ? "newsarchive: interrupted" : $"newsarchive: interrupted; {options.Output} was not written");
                return ExitCodes.Interrupted;
            }
            catch (IOException) when (options.Output is null)
            {
                // The reader went away (`newsarchive ... | head`): stop quietly.
                progress.Clear();
                return ExitCodes.Success;
            }

            progress.Clear();
            if (!options.Quiet)
            {
                stderr.WriteLine($"newsarchive: {files} {Plural(files, "file")}, {writer.Count} {Plural(writer.Count, "record")}, {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}");
            }

            return errors == 0 ? ExitCodes.Success : ExitCodes.SomeFailed;
        }
    }

    private Func<InputSource, ItemResult> CreateWorker()
    {
        var parser = new ArchiveParser(new DecoderOptions { MaxBytes = options.MaxFileSize });
        var serializer = new RecordSerializer(options.Format);
        return source =>
        {
            try
            {
                if (source.Notice is not null)
                {
                    return new ItemResult(source.DisplayPath, null, null, 0, source.Notice);
                }

                if (!InputReader.TryRead(source, stdin, options.MaxFileSize, out var bytes, out var readError))
                {
                    return new ItemResult(source.DisplayPath, null, readError, 0);
                }

                var outcome = parser.Parse(new InputFile(source.DisplayPath, bytes));
                if (outcome is not ParseOutcome.Parsed parsed)
                {
                    return new ItemResult(source.DisplayPath, null, ((ParseOutcome.Failed)outcome).Reason, 0);
                }

                var record = parsed.Record;
                if (options.Strict && !record.Warnings.IsEmpty)
                {
                    return new ItemResult(source.DisplayPath, null, "warnings (--strict): " + string.Join("; ", record.Warnings), record.Warnings.Length);
                }

                var buffer = new PooledBufferWriter();
                serializer.Serialize(record, buffer);
                return new ItemResult(source.DisplayPath, buffer, null, record.Warnings.Length);
            }
            catch (Exception ex)
            {
                var detail = options.Verbose ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
                return new ItemResult(source.DisplayPath, null, $"internal error: {detail}", 0);
            }
        };
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}

/// <summary>One updating progress line on a terminal's stderr: files done, files/s, time left when known.</summary>
internal sealed class ProgressLine(TextWriter stderr, bool enabled)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDraw;
    private bool drawn;
    private int total = -1;

    public bool Enabled => enabled;

    /// <summary>The number of files in the run, once a listing has counted them (-1 until then).</summary>
    public int Total
    {
        get => Volatile.Read(ref total);
        set => Volatile.Write(ref total, value);
    }

    public void Report(int files)
    {
        if (!enabled || clock.ElapsedMilliseconds - lastDraw < 200)
        {
            return;
        }

        lastDraw = clock.ElapsedMilliseconds;
        stderr.Write("\r" + Describe(files, Total, clock.Elapsed) + "\u001b[K");
        drawn = true;
    }

    internal static string Describe(int files, int total, TimeSpan elapsed)
    {
        var rate = files / Math.Max(elapsed.TotalSeconds, 0.001);
        if (total <= 0 || files > total)
        {
            return $"newsarchive: {files} files, {rate:0} files/s";
        }

        var left = TimeSpan.FromSeconds(rate > 0 ? (total - files) / rate : 0);
        return $"newsarchive: {files}/{total} files, {rate:0} files/s, {left:m\\:ss} left";
    }

    public void Clear()
    {
        if (drawn)
        {
            stderr.Write("\r\u001b[K");
            drawn = false;
        }
    }
}
