using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace NewsArchive.Envelopes;

/// <summary>
/// A gzip file read member by member (RFC 1952), as one stream of the members' data one after
/// another, knowing where in the file each member starts: a WARC.gz written a record per member
/// names each record by its member's offset. .NET's <see cref="GZipStream"/> decodes concatenated
/// members whole and says nothing of their bounds, so each member's deflate data is read by a
/// <see cref="DeflateStream"/> of its own, and its end found by the trailer that follows it: the
/// CRC-32 and length of what it decoded, then the next member's magic or the end of the file.
/// </summary>
/// <remarks>
/// A damaged member throws <see cref="EnvelopeDataException"/> from <see cref="Read(Span{byte})"/>;
/// <see cref="Resync"/> then moves to the next member that opens, so the rest of the file is still read.
/// </remarks>
internal sealed class GzipMembers : ForwardStream
{
    /// <summary>A header's file name or comment longer than this is no gzip header.</summary>
    private const int MaxHeaderField = 64 * 1024;

    /// <summary>How much compressed data the deflater gets at a time: the window its end is looked for in.</summary>
    private const int FeedChunk = 16 * 1024;

    /// <summary>How much of the compressed data already decoded stays buffered, for <see cref="Resync"/> to search.</summary>
    private const int ResyncWindow = 1024 * 1024;

    private readonly Stream input;
    private readonly List<(long Logical, long Offset)> members = [];
    private byte[] buffer = new byte[4 * FeedChunk];
    private long bufferOffset;
    private int filled;
    private bool inputEnded;

    private DeflateStream? deflate;
    private Feed? feed;
    private Crc32 crc = new();
    private long memberLength;
    private long memberStart;
    private bool finished;

    public GzipMembers(Stream input)
    {
        this.input = input;
        OpenMember(0);
    }

    /// <summary>How many bytes of member data have been read in all.</summary>
    public long LogicalPosition { get; private set; }

    /// <summary>Whether a gzip file opens with these bytes.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 8;

    /// <summary>
    /// Where the member data at <paramref name="logical"/> comes from: the offset in the file of
    /// the member holding it, and how far into that member's data it is.
    /// </summary>
    public (long MemberOffset, long Within) Locate(long logical)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i].Logical <= logical)
            {
                return (members[i].Offset, logical - members[i].Logical);
            }
        }

        return (0, logical);
    }

    /// <summary>Forgets where members before <paramref name="logical"/> start: nothing before it will be asked for again.</summary>
    public void ForgetBefore(long logical)
    {
        var keep = members.FindLastIndex(m => m.Logical <= logical);
        if (keep > 0)
        {
            members.RemoveRange(0, keep);
        }
    }

    public override int Read(Span<byte> destination)
    {
        while (!finished && destination.Length > 0)
        {
            int read;
            try
            {
                read = deflate!.Read(destination);
            }
            catch (InvalidDataException)
            {
                throw Damaged("damaged gzip data (its compressed data cannot be decoded)");
            }

            if (read > 0)
            {
                crc.Append(destination[..read]);
                memberLength += read;
                LogicalPosition += read;
                return read;
            }

            EndMember();
        }

        return 0;
    }

    /// <summary>
    /// After a damaged member: the next member, found by its magic after the damaged one's start, or
    /// false when none is left. The data read from now on is that member's.
    /// </summary>
    public bool Resync()
    {
        deflate?.Dispose();
        var at = Math.Max(memberStart + 1, bufferOffset);
        while (true)
        {
            if (Available(at, 3) < 3)
            {
                finished = true;
                return false;
            }

            var index = (int)(at - bufferOffset);
            var found = buffer.AsSpan(index, filled - index).IndexOf((byte)0x1F);
            if (found < 0)
            {
                at += filled - index;
                Discard(at);
                continue;
            }

            at += found;
            if (Available(at, 3) == 3 && IsGzip(Slice(at, 3)) && TryOpenMember(at))
            {
                return true;
            }

            at++;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            deflate?.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OpenMember(long offset)
    {
        if (!TryOpenMember(offset))
        {
            throw Damaged("no gzip header");
        }
    }

    /// <summary>Reads the member header at <paramref name="offset"/> and starts its deflate data; false when it is no header.</summary>
    private bool TryOpenMember(long offset)
    {
        memberStart = offset;
        if (Available(offset, 10) < 10 || !IsGzip(Slice(offset, 3)))
        {
            return false;
        }

        var flags = Slice(offset, 10)[3];
        var at = offset + 10;
        if ((flags & 0x04) != 0)
        {
            if (Available(at, 2) < 2)
            {
                return false;
            }

            at += 2 + BinaryPrimitives.ReadUInt16LittleEndian(Slice(at, 2));
        }

        foreach (var flag in new[] { 0x08, 0x10 })
        {
            if ((flags & flag) == 0)
            {
                continue;
            }

            // A zero-terminated file name or comment.
            var length = 0;
            while (true)
            {
                if (length > MaxHeaderField || Available(at + length, 1) < 1)
                {
                    return false;
                }

                if (Slice(at + length, 1)[0] == 0)
                {
                    break;
                }

                length++;
            }

            at += length + 1;
        }

        if ((flags & 0x02) != 0)
        {
            at += 2;
        }

        if (Available(at, 1) < 1)
        {
            return false;
        }

        members.Add((LogicalPosition, offset));
        feed = new Feed(this, at);
        deflate = new DeflateStream(feed, CompressionMode.Decompress, leaveOpen: true);
        crc = new Crc32();
        memberLength = 0;
        finished = false;
        return true;
    }

    /// <summary>
    /// The member's deflate data ended: its trailer is in the last chunk the deflater was given, as
    /// the CRC-32 and length of the data, followed by the next member or the end of the file.
    /// </summary>
    private void EndMember()
    {
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)memberLength);
        var from = feed!.LastChunkStart;
        var to = feed.Position;
        long? other = null;
        for (var at = from; at <= to; at++)
        {
            if (Available(at, 8) < 8 || !Slice(at, 8).SequenceEqual(trailer))
            {
                continue;
            }

            var next = at + 8;
            var after = Available(next, 3);
            if (after == 0)
            {
                deflate!.Dispose();
                finished = true;
                return;
            }

            if (after >= 3 && IsGzip(Slice(next, 3)))
            {
                deflate!.Dispose();
                Discard(next);
                OpenMember(next);
                return;
            }

            // The member ends here and what follows is no member: the damage is there, not in this one.
            other ??= next;
        }

        if (other is { } start)
        {
            memberStart = start;
            throw Damaged("no gzip member here (the data after a member is no gzip header)");
        }

        throw Available(to, 1) == 0
            ? Damaged("truncated gzip member (the file ends inside it)")
            : Damaged("damaged gzip member (no trailer after its data)");
    }

    private EnvelopeDataException Damaged(string reason) => new(reason, memberStart) { InCompressedData = true };

    /// <summary>How many bytes from <paramref name="offset"/> are in the buffer, up to <paramref name="count"/>, reading more as needed.</summary>
    private int Available(long offset, int count)
    {
        var index = offset - bufferOffset;
        while (index + count > filled && !inputEnded)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = input.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                inputEnded = true;
            }

            filled += read;
        }

        return (int)Math.Clamp(filled - index, 0, count);
    }

    private ReadOnlySpan<byte> Slice(long offset, int count) => buffer.AsSpan((int)(offset - bufferOffset), count);

    /// <summary>Drops the buffered bytes before <paramref name="offset"/>.</summary>
    private void Discard(long offset)
    {
        var drop = (int)(offset - bufferOffset);
        if (drop <= 0)
        {
            return;
        }

        Buffer.BlockCopy(buffer, drop, buffer, 0, filled - drop);
        filled -= drop;
        bufferOffset = offset;
    }

    public override long Position
    {
        get => LogicalPosition;
        set => throw new NotSupportedException();
    }

    /// <summary>The compressed bytes of one member as its deflater reads them, a chunk at a time.</summary>
    private sealed class Feed(GzipMembers owner, long start) : ForwardStream
    {
        /// <summary>Where the compressed data the deflater read last starts, in the file.</summary>
        public long LastChunkStart { get; private set; } = start;

        public override long Position { get; set; } = start;

        public override int Read(Span<byte> destination)
        {
            // What is before this chunk was decoded: only this chunk can hold the member's end, and
            // only the last stretch is kept for a resync to search.
            owner.Discard(Position - ResyncWindow);
            var count = owner.Available(Position, Math.Min(destination.Length, FeedChunk));
            owner.Slice(Position, count).CopyTo(destination);
            LastChunkStart = Position;
            Position += count;
            return count;
        }
    }
}

/// <summary>Data inside an envelope that cannot be read: a damaged or truncated gzip member, a WARC record cut short.</summary>
internal sealed class EnvelopeDataException(string reason, long offset) : Exception(reason)
{
    /// <summary>Where the damaged part starts: in the file when <see cref="InCompressedData"/>, else in the data read.</summary>
    public long Offset { get; } = offset;

    /// <summary>Whether the damage is in a gzip member (and <see cref="Offset"/> the member's offset in the file).</summary>
    public bool InCompressedData { get; init; }
}
