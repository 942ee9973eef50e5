using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace NewsArchive.Envelopes;

/// <summary>One WARC record: its version line, its named fields in order, and its block.</summary>
/// <param name="Version">What follows <c>WARC/</c> in its first line: <c>1.0</c>, <c>1.1</c>, <c>0.18</c>.</param>
/// <param name="Fields">The named fields, continuation lines joined, in the order written.</param>
/// <param name="Block">The block's bytes (<c>Content-Length</c> of them).</param>
internal sealed record WarcRecord(string Version, ImmutableArray<KeyValuePair<string, string>> Fields, ReadOnlyMemory<byte> Block)
{
    /// <summary>The first field of this name (case-insensitive), trimmed, or null.</summary>
    public string? Field(string name)
    {
        foreach (var (key, value) in Fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>What the next read of a WARC stream found.</summary>
internal abstract record WarcRead(long Start)
{
    /// <summary>A whole record.</summary>
    public sealed record Record(long RecordStart, WarcRecord Value) : WarcRead(RecordStart);

    /// <summary>A record whose block is larger than the limit: read past, not kept.</summary>
    public sealed record Oversized(long RecordStart, long Length) : WarcRead(RecordStart);

    /// <summary>The end of the stream, between records.</summary>
    public sealed record End(long At) : WarcRead(At);
}

/// <summary>
/// Reads WARC records one after another from a stream of their bytes (a plain <c>.warc</c>, or the
/// data of a <c>.warc.gz</c>'s members): the version line, the named fields up to the blank line,
/// <c>Content-Length</c> bytes of block, and the blank lines that close it (ISO 28500, and the
/// 0.17 / 0.18 drafts, which share that layout). Memory holds one record's block at most; a block
/// over the limit is read past. A header that is no WARC header, or a stream that ends inside a
/// record, throws <see cref="EnvelopeDataException"/> naming where the record starts.
/// </summary>
internal sealed class WarcRecordReader(Stream stream, long maxBlockBytes)
{
    /// <summary>A WARC header longer than this (all its lines) is no header.</summary>
    public const int MaxHeaderBytes = 256 * 1024;

    /// <summary>More fields than this is no header either.</summary>
    public const int MaxFields = 1024;

    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool ended;

    /// <summary>Where the record the last <see cref="Next"/> read, or tried to, starts.</summary>
    private long lastRecordStart;

    /// <summary>Where the last header line read ends (after its line break).</summary>
    private long lineEnd = -1;

    /// <summary>A failure of the stream met while looking past a whole record's block: the next read's.</summary>
    private EnvelopeDataException? pending;

    /// <summary>Where in the stream the next byte read comes from.</summary>
    public long Position { get; private set; }

    /// <summary>Forgets what is buffered, and counts on from <paramref name="position"/>: after the stream moved on its own (a gzip resync).</summary>
    public void Reset(long position)
    {
        start = end = 0;
        ended = false;
        Position = position;
    }

    public WarcRead Next()
    {
        if (pending is { } failure)
        {
            pending = null;
            throw failure;
        }

        // Blank lines between records are tolerated: some writers add one too many.
        long recordStart;
        string versionLine;
        while (true)
        {
            recordStart = Position;
            lastRecordStart = recordStart;
            var line = ReadLine(recordStart);
            if (line is null)
            {
                return new WarcRead.End(recordStart);
            }

            if (line.Length > 0)
            {
                versionLine = line;
                break;
            }
        }

        if (!versionLine.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new EnvelopeDataException($"no WARC record here (it opens with \"{Preview(versionLine)}\")", recordStart);
        }

        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var headerBytes = 0;
        while (true)
        {
            var line = ReadLine(recordStart) ?? throw new EnvelopeDataException("truncated WARC record (the file ends in its header)", recordStart);
            headerBytes += line.Length + 2;
            if (headerBytes > MaxHeaderBytes || fields.Count > MaxFields)
            {
                throw new EnvelopeDataException($"a WARC header of over {MaxHeaderBytes} bytes or {MaxFields} fields", recordStart);
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t' && fields.Count > 0)
            {
                var last = fields[^1];
                fields[^1] = KeyValuePair.Create(last.Key, last.Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new EnvelopeDataException($"a WARC header line without a field name (\"{Preview(line)}\")", recordStart);
            }

            fields.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var record = new WarcRecord(versionLine[5..].Trim(), fields.ToImmutable(), ReadOnlyMemory<byte>.Empty);
        var lengthText = record.Field("Content-Length");
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new EnvelopeDataException(lengthText is null ? "a WARC record without Content-Length" : $"a WARC record whose Content-Length is \"{Preview(lengthText)}\"", recordStart);
        }

        if (length > maxBlockBytes)
        {
            Skip(length, recordStart);
            SkipRecordEnd();
            return new WarcRead.Oversized(recordStart, length);
        }

        var block = new byte[length];
        ReadExactly(block, recordStart);
        SkipRecordEnd();
        return new WarcRead.Record(recordStart, record with { Block = block });
    }

    /// <summary>
    /// After a record that could not be read: moves to the next line that opens with <c>WARC/</c>,
    /// and says whether there is one. Bounded by the stream: each byte is looked at once. The line
    /// the failed read stopped at counts (a record right after a line of garbage), unless that read
    /// stopped where it began.
    /// </summary>
    public bool SkipToNextRecord()
    {
        var marker = "WARC/"u8;
        var atLineStart = Position == lineEnd && Position > lastRecordStart;
        while (true)
        {
            if (end - start < marker.Length + 1 && !ended)
            {
                Fill();
                continue;
            }

            if (end - start < marker.Length)
            {
                Position += end - start;
                start = end;
                return false;
            }

            var span = buffer.AsSpan(start, end - start);
            if (atLineStart && span.StartsWith(marker))
            {
                return true;
            }

            var newline = span[..^(marker.Length - 1)].IndexOf((byte)'\n');
            var skip = newline < 0 ? span.Length - (marker.Length - 1) : newline + 1;
            start += skip;
            Position += skip;
            atLineStart = newline >= 0;
        }
    }

    /// <summary>
    /// A line of the header, without its CR LF (a bare LF is taken too), as Latin-1 text with UTF-8
    /// re-read where it is valid (WARC 1.1 allows UTF-8 in field values); null at the end of the stream.
    /// </summary>
    private string? ReadLine(long recordStart)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = buffer.AsSpan(start, newline);
                start += newline + 1;
                Position += newline + 1;
                lineEnd = Position;
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line = line[..^1];
                }

                return Text(line);
            }

            if (ended)
            {
                if (start == end)
                {
                    return null;
                }

                var rest = buffer.AsSpan(start, end - start);
                Position += rest.Length;
                start = end;
                return Text(rest);
            }

            if (end - start == buffer.Length)
            {
                throw new EnvelopeDataException($"a WARC header line of over {buffer.Length} bytes", recordStart);
            }

            Fill();
        }
    }

    private static string Text(ReadOnlySpan<byte> line) =>
        System.Text.Unicode.Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : Encoding.Latin1.GetString(line);

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            ended = true;
        }

        end += read;
    }

    private void ReadExactly(Span<byte> destination, long recordStart)
    {
        var buffered = Math.Min(end - start, destination.Length);
        buffer.AsSpan(start, buffered).CopyTo(destination);
        start += buffered;
        Position += buffered;
        var done = buffered;
        while (done < destination.Length)
        {
            var read = ended ? 0 : stream.Read(destination[done..]);
            if (read == 0)
            {
                throw new EnvelopeDataException($"truncated WARC record (the file ends {destination.Length - done} bytes before its block does)", recordStart);
            }

            done += read;
            Position += read;
        }
    }

    private void Skip(long count, long recordStart)
    {
        while (count > 0)
        {
            if (start == end)
            {
                Fill();
                if (start == end)
                {
                    throw new EnvelopeDataException($"truncated WARC record (the file ends {count} bytes before its block does)", recordStart);
                }
            }

            var take = (int)Math.Min(count, end - start);
            start += take;
            Position += take;
            count -= take;
        }
    }

    /// <summary>The CR LF CR LF after a block; a writer that wrote fewer line breaks is not punished.</summary>
    private void SkipRecordEnd()
    {
        for (var i = 0; i < 4; i++)
        {
            if (start == end && !ended)
            {
                try
                {
                    Fill();
                }
                catch (EnvelopeDataException ex)
                {
                    // The record is whole: the damage after it is the next record's to report.
                    pending = ex;
                    return;
                }
            }

            if (start == end || buffer[start] is not ((byte)'\r' or (byte)'\n'))
            {
                return;
            }

            start++;
            Position++;
        }
    }

    private static string Preview(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
