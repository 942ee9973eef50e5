using NewsArchive.Extraction;
using NewsArchive.Output;
using NewsArchive.Records;

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

    /// <summary>The filters applied before parsing, where a format's header decides them; null when there are none.</summary>
    private readonly Func<ArticleHeader, bool>? wanted;

    /// <summary>With <c>--dedupe</c>: the copy of each id to write, known after the first pass.</summary>
    private Deduplicator? deduplicator;

    /// <summary>With <c>--output-dir</c>: where each record's own file goes.</summary>
    private RecordDirectory? directory;

    /// <summary>The template taken out of every record: read from <c>--template</c>, or learned in the first pass.</summary>
    private ArchiveTemplate? template;

    /// <summary>While the template is learned: the records, held back until it is known.</summary>
    private RecordSpool? spool;

    public ExtractRunner(RunOptions options, Stream stdin, Stream stdout, TextWriter stderr, TerminalInfo terminal)
    {
        this.options = options;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
        wanted = options.Filter.IsActive ? options.Filter.MayKeep : null;
    }

    /// <summary>
    /// What a worker hands the writer: a serialized record (a pooled buffer the writer disposes), or a
    /// huge record left for the writer to serialize straight into the output, or an error, or a notice
    /// about a skipped path.
    /// </summary>
    private sealed record ItemResult(string Path, PooledBufferWriter? Record, string? Error, int Warnings, string? Notice = null)
    {
        public ArticleRecord? Unserialized { get; init; }

        /// <summary>Parsed, and left out by the record filter.</summary>
        public bool Filtered { get; init; }

        /// <summary>Parsed, and left out as a copy of an id whose better copy is written (<c>--dedupe</c>).</summary>
        public bool Duplicate { get; init; }

        /// <summary>With <c>--output-dir</c>: the record's file, and its time (a newer copy is never replaced).</summary>
        public string? Target { get; init; }

        public string? Published { get; init; }

        /// <summary>While the template is learned: the record as the learner counts it (its spool entry is in <see cref="Record"/>).</summary>
        public TemplateSample? Learned { get; init; }

        /// <summary>What the template took out of the record.</summary>
        public TemplateRemoval Removal { get; init; }

        /// <summary>Written in the second pass of a learning run: its input was counted in the first.</summary>
        public bool FromSpool { get; init; }

        /// <summary>A web archive opened: a file, whose items follow.</summary>
        public bool OpensEnvelope { get; init; }

        /// <summary>An item of a web archive rather than a file of its own.</summary>
        public bool Archived { get; init; }

        /// <summary>A web archive's revisit record: counted, no record.</summary>
        public bool Revisit { get; init; }
    }

    /// <summary>A record's file under <c>--output-dir</c> could not be written.</summary>
    private sealed class DirectoryWriteFailure(string message) : Exception(message)
    {
    }

    public int Run(CancellationToken cancellation = default)
    {
        if (options.Input.Problem() is { } problem)
        {
            stderr.WriteLine($"newsarchive: {problem}");
            return ExitCodes.Usage;
        }

        if (options.OutputDir is not null)
        {
            try
            {
                Directory.CreateDirectory(options.OutputDir);
                directory = new RecordDirectory(options.OutputDir, options.KeepDirs);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"newsarchive: --output-dir: {options.OutputDir}: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        if (options.Dedupe && (options.Input.Paths.Contains(InputSource.StdinPath) || options.Input.FilesFrom == InputSource.StdinPath))
        {
            stderr.WriteLine("newsarchive: --dedupe reads the inputs twice, and standard input can be read only once");
            return ExitCodes.Usage;
        }

        if (options.TemplateFile is not null)
        {
            if (!TryReadTemplate(options.TemplateFile, out template, out var reason))
            {
                stderr.WriteLine($"newsarchive: --template {options.TemplateFile}: {reason}");
                return ExitCodes.Usage;
            }
        }

        if (options.Format.IsBinary && directory is null && options.Output is null or InputSource.StdinPath && terminal.StdoutIsTerminal)
        {
            stderr.WriteLine($"newsarchive: --format {options.Format.Name} is binary and standard output is a terminal; give --output FILE or redirect it");
            return ExitCodes.Usage;
        }

        if (options.ErrorsFile is not null && OutputTarget.SameTarget(options.Output ?? InputSource.StdinPath, options.ErrorsFile))
        {
            stderr.WriteLine($"newsarchive: --output and --errors name the same target ({options.ErrorsFile}); one would overwrite the other");
            return ExitCodes.Usage;
        }

        if (!OutputTarget.TryOpen(options.Output ?? InputSource.StdinPath, stdout, out var output, out var outputError))
        {
            stderr.WriteLine($"newsarchive: {outputError}");
            return ExitCodes.Usage;
        }

        OutputTarget? errorsOutput = null;
        if (options.ErrorsFile is not null && !OutputTarget.TryOpen(options.ErrorsFile, stdout, out errorsOutput, out var errorsError))
        {
            output!.Dispose();
            stderr.WriteLine($"newsarchive: {errorsError}");
            return ExitCodes.Usage;
        }

        using (output)
        using (errorsOutput)
        {
            System.Diagnostics.Debug.Assert(output is not null, "opened above");

            // With --output-dir the records go to their own files; standard output gets nothing.
            var sink = options.Format.CreateSink(directory is null ? output.Stream : Stream.Null);
            var dirWritten = 0;
            var olderNotWritten = 0;
            var progress = new ProgressLine(stderr, enabled: terminal.StderrIsTerminal && !options.Quiet);
            if (progress.Enabled && options.Input.FilesFrom != InputSource.StdinPath)
            {
                // Only for a person watching: a second, listing-only walk finds the total for "time left".
                _ = Task.Run(() => progress.Total = InputEnumerator.Expand(options.Input, stdin).Count(s => s.Notice is null), cancellation);
            }

            // Whole records reach the writer thread when they are huge, or always for a columnar format.
            using var wholeEncoder = options.Format.CreateEncoder();
            RecordEncoder? hugeJsonEncoder = null;
            var files = 0;
            var archived = 0;
            var revisits = 0;
            var errors = 0;
            var warnings = 0;
            var filtered = 0;
            var duplicates = 0;
            var templateRecords = 0;
            var templateLines = 0;
            var templateImages = 0;
            var templateLinks = 0;
            var learner = options.LearnTemplate && template is null ? new TemplateLearner() : null;
            if (learner is not null && !options.Quiet && SelectsPart() is { } part)
            {
                stderr.WriteLine($"newsarchive: note: the template is learned from the records {part} selects; for the whole archive's, write it once (audit --template-out FILE) and pass --template FILE");
            }

            using var held = learner is null ? null : new RecordSpool();
            spool = held;
            try
            {
                if (options.Dedupe)
                {
                    deduplicator = new Deduplicator();
                    OrderedParallel.Run(Indexed(), options.Jobs, CreateProbe, probe =>
                    {
                        if (probe is { } kept)
                        {
                            deduplicator.Offer(kept.Id, kept.Index, kept.Published, kept.TextLength, kept.TextKey);
                        }
                    },
                    cancellation);
                }

                void Consume(ItemResult result)
                {
                    if (result.Notice is not null)
                    {
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {result.Path}: {result.Notice}");
                        return;
                    }

                    if (result.OpensEnvelope || result.Revisit)
                    {
                        files += result.OpensEnvelope ? 1 : 0;
                        revisits += result.Revisit ? 1 : 0;
                        return;
                    }

                    if (!result.FromSpool)
                    {
                        files += result.Archived ? 0 : 1;
                        archived += result.Archived ? 1 : 0;
                    }

                    if (result.Learned is { } learned)
                    {
                        // Held back until the template is known, and written then.
                        learner!.Add(learned);
                        using var entry = result.Record!;
                        held!.Append(entry.WrittenSpan);
                        progress.Report(files);
                        return;
                    }

                    if (!result.Removal.IsEmpty)
                    {
                        templateRecords++;
                        templateLines += result.Removal.Paragraphs;
                        templateImages += result.Removal.Images;
                        templateLinks += result.Removal.Related;
                    }

                    warnings += result.Warnings;
                    if (result.Filtered)
                    {
                        filtered++;
                    }
                    else if (result.Duplicate)
                    {
                        duplicates++;
                    }
                    else if (directory is not null && (result.Record is not null || result.Unserialized is not null))
                    {
                        using var record = result.Record;
                        byte[]? hugeBytes = null;
                        if (result.Unserialized is { } huge)
                        {
                            hugeJsonEncoder ??= RecordFormat.JsonLines.CreateEncoder();
                            using var buffer = new MemoryStream();
                            hugeJsonEncoder.Encode(huge, buffer);
                            hugeBytes = buffer.ToArray();
                        }

                        try
                        {
                            if (directory.TryWrite(result.Target!, result.Published, hugeBytes ?? record!.WrittenSpan))
                            {
                                dirWritten++;
                            }
                            else
                            {
                                olderNotWritten++;
                            }
                        }
                        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                        {
                            throw new DirectoryWriteFailure($"cannot write {result.Target}: {ex.Message}");
                        }
                    }
                    else if (result.Record is not null)
                    {
                        using var record = result.Record;
                        OutputFailure.Guard(output, () => sink.Append(record.WrittenSpan));
                    }
                    else if (result.Unserialized is { } huge)
                    {
                        OutputFailure.Guard(output, () => sink.Append(huge, wholeEncoder));
                    }
                    else
                    {
                        errors++;
                        progress.Clear();
                        stderr.WriteLine($"newsarchive: {result.Path}: {result.Error}");
                        if (errorsOutput is not null)
                        {
                            OutputFailure.Guard(errorsOutput, () => errorsOutput.Stream.Write(FileErrorJson.Serialize(new FileError(result.Path, result.Error!))));
                        }
                    }

                    progress.Report(files);
                }

                OrderedParallel.Run(Indexed(), options.Jobs, CreateWorker, Consume, cancellation);
                if (learner is not null)
                {
                    // Every input is read: the template is known, and the records held back are written.
                    if (held!.FileError is { } spoolError && !options.Quiet)
                    {
                        stderr.WriteLine($"newsarchive: note: the records held back while the template was learned stayed in memory: no temporary file could be made ({spoolError}); --no-template or --template FILE holds nothing back");
                    }

                    template = learner.Build();
                    OrderedParallel.Run(held!.Read(), options.Jobs, CreateFinisher, Consume, cancellation);
                }

                if (files == 0)
                {
                    // An empty directory, or patterns that chose nothing: a CI job must not take that for
                    // success. Standard output still gets valid empty output; a file keeps what it had.
                    progress.Clear();
                    stderr.WriteLine("newsarchive: no input files");
                    if (output.IsStandardOutput)
                    {
                        OutputFailure.Guard(output, sink.Complete);
                        OutputFailure.Guard(output, output.Commit);
                    }

                    return ExitCodes.NoInput;
                }

                OutputFailure.Guard(output, sink.Complete);
                OutputFailure.Guard(output, output.Commit);
                if (errorsOutput is not null)
                {
                    OutputFailure.Guard(errorsOutput, errorsOutput.Commit);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                progress.Clear();
                stderr.WriteLine(options.Output is null ? "newsarchive: interrupted" : $"newsarchive: interrupted; {options.Output} was not written");
                return ExitCodes.Interrupted;
            }
            catch (OutputFailure failure) when (failure.IsClosedPipe && failure.Target.IsStandardOutput)
            {
                // The reader went away (`newsarchive ... | head`): the run stops at once, quietly.
                progress.Clear();
                return ExitCodes.Success;
            }
            catch (OutputFailure failure)
            {
                progress.Clear();
                stderr.WriteLine($"newsarchive: {failure.Message}");
                return ExitCodes.Usage;
            }
            catch (DirectoryWriteFailure failure)
            {
                progress.Clear();
                stderr.WriteLine($"newsarchive: {failure.Message}");
                return ExitCodes.Usage;
            }
            finally
            {
                hugeJsonEncoder?.Dispose();
                sink.Dispose();
            }

            progress.Clear();
            if (!options.Quiet)
            {
                var leftOut = new List<string>();
                if (options.Filter.IsActive)
                {
                    leftOut.Add($"{filtered} filtered out");
                }

                if (options.Dedupe)
                {
                    leftOut.Add($"{duplicates} {Plural(duplicates, "duplicate")} dropped");
                }

                if (olderNotWritten > 0)
                {
                    leftOut.Add($"{olderNotWritten} older {Plural(olderNotWritten, "copy", "copies")} not written over newer ones");
                }

                var left = leftOut.Count == 0 ? string.Empty : $" ({string.Join(", ", leftOut)})";
                var records = directory is null ? sink.Count : dirWritten;
                var where = directory is null ? string.Empty : $" in {directory.Root}";
                var inArchives = new List<string>();
                if (archived > 0 || revisits > 0)
                {
                    inArchives.Add($"{archived} archived {Plural(archived, "page")}");
                }

                if (revisits > 0)
                {
                    inArchives.Add($"{revisits} {Plural(revisits, "revisit")}");
                }

                var inside = inArchives.Count == 0 ? string.Empty : $" ({string.Join(", ", inArchives)})";
                var removed = templateRecords == 0
                    ? string.Empty
                    : $"; the template removed {templateLines} {Plural(templateLines, "line")}, {templateImages} {Plural(templateImages, "image")} and {templateLinks} related {Plural(templateLinks, "link")} from {templateRecords} {Plural(templateRecords, "record")}";
                stderr.WriteLine($"newsarchive: {files} {Plural(files, "file")}{inside}, {records} {Plural(records, "record")}{where}{left}, {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}{removed}");
            }

            return errors == 0 ? ExitCodes.Success : ExitCodes.SomeFailed;
        }
    }

    /// <summary>The inputs with their places in the input order, the same in both passes of <c>--dedupe</c>.</summary>
    private IEnumerable<(InputSource Source, int Index)> Indexed() =>
        InputItems.Expand(options.Input, stdin, options.MaxFileSize, KeepTarget()).Select((source, index) => (source, index));

    /// <summary>Whether a source is an input to parse, not a notice or what a web archive holds besides its pages.</summary>
    private static bool IsParsed(InputSource source) => source.Notice is null && source.Envelope is null && !source.Revisit && !source.LeftOut;

    /// <summary>With a source filter: whether an item of a web archive is parsed at all, decided by its target's host.</summary>
    private Func<string, bool>? KeepTarget() => wanted is null
        ? null
        : target => ArchiveParser.MayWantFetched(target, wanted);

    private sealed record Probe(string Id, int Index, string? Published, int TextLength, string? TextKey);

    /// <summary>The first pass of <c>--dedupe</c>: what each record the run would write says about its id.</summary>
    private Func<(InputSource Source, int Index), Probe?> CreateProbe()
    {
        var reader = new InputParser(options.MaxFileSize, options.Verbose);
        return item =>
        {
            if (!IsParsed(item.Source) || reader.Parse(item.Source, wanted) is not ParseOutcome.Parsed { Record: var record })
            {
                return null;
            }

            var written = options.Filter.Keeps(record) && !(options.Strict && !record.Warnings.IsEmpty);
            return written
                ? new Probe(record.Id, item.Index, record.Published, record.Text.Length, options.DedupeByText ? Deduplicator.TextKey(record.Title, record.Text) : null)
                : null;
        };
    }

    private Func<(InputSource Source, int Index), ItemResult> CreateWorker()
    {
        var reader = new InputParser(options.MaxFileSize, options.Verbose);
        // A record's own file holds the record alone, one JSON object and a newline.
        var format = directory is null ? options.Format : RecordFormat.JsonLines;
        var encoder = format.EncodesEachRecord ? format.CreateEncoder() : null;
        return item =>
        {
            var (source, index) = item;
            if (source.Notice is not null)
            {
                return new ItemResult(source.DisplayPath, null, null, 0, source.Notice);
            }

            if (source.Envelope is not null || source.Revisit)
            {
                return new ItemResult(source.DisplayPath, null, null, 0) { OpensEnvelope = source.Envelope is not null, Revisit = source.Revisit };
            }

            var result = Parse(source, index);
            return source.InArchive ? result with { Archived = true } : result;
        };

        ItemResult Parse(InputSource source, int index)
        {
            if (source.LeftOut)
            {
                return new ItemResult(source.DisplayPath, null, null, 0) { Filtered = true };
            }

            var outcome = reader.Parse(source, wanted);
            if (outcome is ParseOutcome.Skipped)
            {
                return new ItemResult(source.DisplayPath, null, null, 0) { Filtered = true };
            }

            if (outcome is not ParseOutcome.Parsed parsed)
            {
                return new ItemResult(source.DisplayPath, null, ((ParseOutcome.Failed)outcome).Reason, 0);
            }

            try
            {
                var record = parsed.Record;
                if (!options.Filter.Keeps(record))
                {
                    return new ItemResult(source.DisplayPath, null, null, 0) { Filtered = true };
                }

                if (options.Strict && !record.Warnings.IsEmpty)
                {
                    return new ItemResult(source.DisplayPath, null, "warnings (--strict): " + string.Join("; ", record.Warnings), record.Warnings.Length);
                }

                if (deduplicator is not null)
                {
                    if (!deduplicator.Keeps(record.Id, index, out var dropped))
                    {
                        return new ItemResult(source.DisplayPath, null, null, 0) { Duplicate = true };
                    }

                    if (dropped > 0)
                    {
                        record = record with { Warnings = record.Warnings.Add($"{dropped} other {Plural(dropped, "copy", "copies")} of this article dropped (--dedupe)") };
                    }
                }

                var keptTarget = directory is { KeepDirs: true } ? directory.TargetFor(record.Id, source) : null;
                if (spool is not null)
                {
                    var entry = new PooledBufferWriter();
                    RecordSpool.Encode(record, keptTarget, entry);
                    return new ItemResult(source.DisplayPath, entry, null, 0) { Learned = TemplateLearner.Sample(record) };
                }

                return Finish(source.DisplayPath, record, keptTarget, encoder);
            }
            catch (Exception ex)
            {
                return new ItemResult(source.DisplayPath, null, InputParser.InternalError(ex, options.Verbose), 0);
            }
        }
    }

    /// <summary>The second pass of a run that learned its template: the records held back, each finished now that it is known.</summary>
    private Func<(ArticleRecord Record, string? KeptTarget), ItemResult> CreateFinisher()
    {
        var format = directory is null ? options.Format : RecordFormat.JsonLines;
        var encoder = format.EncodesEachRecord ? format.CreateEncoder() : null;
        return item =>
        {
            try
            {
                return Finish(item.Record.Path, item.Record, item.KeptTarget, encoder) with { FromSpool = true };
            }
            catch (Exception ex)
            {
                return new ItemResult(item.Record.Path, null, InputParser.InternalError(ex, options.Verbose), 0) { FromSpool = true };
            }
        };
    }

    /// <summary>
    /// A record as it is written: the template taken out (a loss it causes is a warning, which
    /// <c>--strict</c> refuses), then serialized for the writer, or handed to it whole when huge.
    /// </summary>
    private ItemResult Finish(string path, ArticleRecord record, string? keptTarget, RecordEncoder? encoder)
    {
        var removal = default(TemplateRemoval);
        if (template is not null)
        {
            var before = record.Warnings.Length;
            record = template.Apply(record, out removal);
            if (options.Strict && record.Warnings.Length > before)
            {
                return new ItemResult(path, null, "warnings (--strict): " + string.Join("; ", record.Warnings), record.Warnings.Length) { Removal = removal };
            }
        }

        var target = keptTarget ?? directory?.TargetFor(record.Id);
        if (encoder is null || RecordEncoder.ShouldStream(record))
        {
            return new ItemResult(path, null, null, record.Warnings.Length)
            {
                Unserialized = record,
                Target = target,
                Published = record.Published,
                Removal = removal,
            };
        }

        var buffer = new PooledBufferWriter();
        encoder.Encode(record, buffer);
        return new ItemResult(path, buffer, null, record.Warnings.Length)
        {
            Target = target,
            Published = record.Published,
            Removal = removal,
        };
    }

    /// <summary>
    /// The option that makes this run one part of a larger one (a shard, or an incremental run), or
    /// null. A date filter is not named: it reads a part by design, and the README says what it learns from.
    /// </summary>
    private string? SelectsPart() =>
        options.Input.Shard.Count > 1 ? $"--shard {options.Input.Shard}"
        : options.Input.NewerThan is not null ? "--newer-than"
        : null;

    private static bool TryReadTemplate(string path, out ArchiveTemplate? loaded, out string reason)
    {
        loaded = null;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > TemplateFile.MaxBytes)
            {
                reason = $"a template file is at most {TemplateFile.MaxBytes} bytes";
                return false;
            }

            if (!TemplateFile.TryRead(File.ReadAllBytes(path), out var read, out reason))
            {
                return false;
            }

            loaded = read;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex.Message;
            return false;
        }
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static string Plural(int count, string word, string plural) => count == 1 ? word : plural;
}
