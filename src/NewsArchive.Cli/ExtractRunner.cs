using System.Buffers;
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

    private sealed record ItemResult(string Path, byte[]? Record, string? Error, int Warnings, string? Notice = null);

    public int Run()
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
                        writer.Append(result.Record);
                    }
                    else
                    {
                        errors++;
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {result.Path}: {result.Error}");
                        errorsOutput?.Stream.Write(RecordSerializer.SerializeError(new FileError(result.Path, result.Error!)));
                    }

                    progress.Report(files);
                });
                writer.Complete();
                output.Commit();
                errorsOutput?.Commit();
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
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
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

                buffer.ResetWrittenCount();
                serializer.Serialize(record, buffer);
                return new ItemResult(source.DisplayPath, buffer.WrittenSpan.ToArray(), null, record.Warnings.Length);
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

    public void Report(int files)
    {
        if (!enabled || clock.ElapsedMilliseconds - lastDraw < 200)
        {
            return;
        }

        lastDraw = clock.ElapsedMilliseconds;
        var rate = files / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        stderr.Write($"\rnewsarchive: {files} files, {rate:0} files/s ");
        drawn = true;
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
