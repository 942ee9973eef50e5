using NewsArchive.Envelopes;

namespace NewsArchive.Cli;

/// <summary>
/// The items a run parses: the inputs <see cref="InputEnumerator"/> lists, with each web archive
/// (WARC, WARC.gz, WACZ) opened in their order and read record by record, its items in its place.
/// <list type="bullet">
/// <item>A file is looked at when its name is not a page's or a post's (<c>.html</c>, <c>.md</c>,
/// <c>.txt</c> and their kin), so a list of posts is never opened twice; its first bytes decide.
/// A file that is no web archive is left for the worker to read, as before.</item>
/// <item>Standard input and a named pipe are read here, once: a web archive record by record, any
/// other input whole (within <c>--max-file-size</c>).</item>
/// <item><c>--shard</c> decides each web archive's items by the archive's path and the item's
/// member, and every other input by its path; the parts together hold every item once.</item>
/// </list>
/// Memory holds one record of a web archive at a time (and the run's window of parsed ones).
/// </summary>
public static class InputItems
{
    /// <summary>Names of files that are one article, never a web archive: they are not opened to be looked at.</summary>
    private static readonly string[] ArticleExtensions = [".html", ".htm", ".xhtml", ".shtml", ".md", ".markdown", ".mkd", ".txt", ".text"];

    /// <param name="selection">What to read.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="maxBytes">The size limit of a plain input, and of each record of a web archive.</param>
    /// <param name="keepTarget">With a source filter: whether an item fetched from a URL is parsed at all (by its host).</param>
    public static IEnumerable<InputSource> Expand(InputSelection selection, Stream stdin, long maxBytes, Func<string, bool>? keepTarget = null)
    {
        var options = new EnvelopeOptions { MaxRecordBytes = maxBytes, KeepTarget = keepTarget };
        foreach (var source in InputEnumerator.Expand(selection with { Shard = Shard.All }, stdin))
        {
            var key = source.ShardKey ?? source.DisplayPath;
            if (source.Notice is not null || source.Error is not null || !MayBeEnvelope(source))
            {
                if (selection.Shard.Contains(key))
                {
                    yield return source;
                }

                continue;
            }

            foreach (var item in Open(source, stdin, maxBytes, options, selection.Shard, key))
            {
                yield return item;
            }
        }
    }

    /// <summary>Whether a source is opened here to see if it is a web archive.</summary>
    private static bool MayBeEnvelope(InputSource source)
    {
        if (source.FilePath is null)
        {
            return true;
        }

        if (ArticleExtensions.Any(e => source.FilePath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Links, empty entries and special files found in a directory are the worker's to check: a
        // named pipe in an archive is never opened. One the user names (<(zcat crawl.warc.gz)) is read here.
        return !source.FoundInDirectory || source.ListedLength is > 0;
    }

    private static IEnumerable<InputSource> Open(InputSource source, Stream stdin, long maxBytes, EnvelopeOptions options, Shard shard, string key)
    {
        Stream? opened = null;
        Stream? replay = null;
        var kind = EnvelopeKind.None;
        var streamed = source.FilePath is null;
        InputSource? unreadable = null;
        try
        {
            if (source.FilePath is not null)
            {
                streamed = source.RawPath is null && FileKinds.Of(source.FilePath, followLinks: true) is not FileKind.Regular;
                if (streamed && source.FoundInDirectory)
                {
                    unreadable = source;
                }
                else
                {
                    opened = new FileStream(source.OpenRead(), FileAccess.Read, 64 * 1024);
                }
            }

            if (unreadable is null)
            {
                kind = Envelope.Sniff(opened ?? stdin, out replay);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The worker reads the file again and says what is wrong with it.
            unreadable = source;
        }

        if (unreadable is not null || (kind is EnvelopeKind.None && !streamed))
        {
            opened?.Dispose();
            if (shard.Contains(key))
            {
                yield return unreadable ?? source;
            }

            yield break;
        }

        using (opened)
        {
            if (kind is EnvelopeKind.None)
            {
                // Standard input or a pipe, which can be read only once: read whole here.
                if (shard.Contains(key))
                {
                    yield return ReadWhole(source, replay!, maxBytes);
                }

                yield break;
            }

            yield return source with { Envelope = kind is EnvelopeKind.Wacz ? "WACZ" : "WARC" };
            var envelopeKey = source.ShardKey ?? (source.FilePath is null ? "stdin" : Path.GetFileName(source.DisplayPath));
            using var entries = Envelope.Read(kind, replay!, source.DisplayPath, options).GetEnumerator();
            while (true)
            {
                InputSource? next;
                string? failure = null;
                try
                {
                    next = entries.MoveNext() ? Item(source, entries.Current, envelopeKey) : null;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    next = null;
                    failure = $"cannot read further ({ex.Message})";
                }

                if (failure is not null)
                {
                    yield return new InputSource(source.DisplayPath, null, failure);
                    yield break;
                }

                if (next is null)
                {
                    yield break;
                }

                if (shard.Contains(next.ShardKey!))
                {
                    yield return next;
                }
            }
        }
    }

    /// <summary>One entry of a web archive as the run's input: an item to parse, or what is counted or reported in its place.</summary>
    private static InputSource Item(InputSource archive, EnvelopeEntry entry, string envelopeKey)
    {
        var display = entry.Member.Length == 0 ? archive.DisplayPath : $"{archive.DisplayPath}#{entry.Member}";
        var shardKey = $"{archive.ShardKey ?? archive.DisplayPath}#{entry.Member}";
        return entry switch
        {
            EnvelopeEntry.Item item => new InputSource(display, null) { Item = item.Input, ShardKey = shardKey, EnvelopeKey = envelopeKey },
            EnvelopeEntry.Failed failed => new InputSource(display, null, failed.Reason) { ShardKey = shardKey, EnvelopeKey = envelopeKey },
            EnvelopeEntry.Revisit => new InputSource(display, null) { Revisit = true, ShardKey = shardKey, EnvelopeKey = envelopeKey },
            _ => new InputSource(display, null) { LeftOut = true, ShardKey = shardKey, EnvelopeKey = envelopeKey },
        };
    }

    /// <summary>An input that can be read once (standard input, a pipe) and is one article: its bytes, within the limit.</summary>
    private static InputSource ReadWhole(InputSource source, Stream stream, long maxBytes)
    {
        try
        {
            return InputReader.TryReadStream(stream, maxBytes, out var bytes, out var error)
                ? source with { Item = new InputFile(source.DisplayPath, bytes) }
                : source with { Error = error };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return source with { Error = $"cannot read ({ex.Message})" };
        }
    }
}
