using System.Buffers;

namespace NewsArchive.Output;

/// <summary>
/// A buffer that does not keep what is written to it: each committed piece goes straight on to a
/// stream or another buffer, with an indent after every line break when one is set (a record moved
/// one level into the JSON array). A huge record then never has to exist whole in memory.
/// </summary>
internal sealed class PassThroughWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>Chunks up to this size come from the pool; a larger request gets an array of its own that is let go after one record.</summary>
    private const int MaxPooledBytes = 1024 * 1024;

    private byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private IBufferWriter<byte>? target;
    private Stream? stream;
    private byte[] indent = [];
    private byte[] staging = [];
    private int staged;

    /// <summary>Sends what is written next to <paramref name="output"/>.</summary>
    public void Reset(IBufferWriter<byte> output, ReadOnlySpan<byte> indentBy)
    {
        target = output;
        stream = null;
        indent = indentBy.ToArray();
    }

    /// <summary>Sends what is written next to <paramref name="output"/>, in pieces of at least 64 KB; <see cref="Flush"/> sends the rest.</summary>
    public void Reset(Stream output, ReadOnlySpan<byte> indentBy)
    {
        target = null;
        stream = output;
        indent = indentBy.ToArray();
        if (staging.Length == 0)
        {
            staging = ArrayPool<byte>.Shared.Rent(64 * 1024);
        }
    }

    /// <summary>Writes what is staged for the stream.</summary>
    public void Flush()
    {
        if (stream is not null && staged > 0)
        {
            stream.Write(staging, 0, staged);
            staged = 0;
        }
    }

    /// <summary>Writes the indent itself: the first line of a record has no line break before it.</summary>
    public void WriteIndent() => Emit(indent);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, chunk.Length);
        var written = chunk.AsSpan(0, count);
        if (indent.Length == 0)
        {
            Emit(written);
            return;
        }

        // JSON strings never hold a raw line break, so every '\n' here is structural.
        var start = 0;
        while (written[start..].IndexOf((byte)'\n') is var at and >= 0)
        {
            Emit(written.Slice(start, at + 1));
            Emit(indent);
            start += at + 1;
        }

        Emit(written[start..]);
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).Span;

    /// <summary>Lets go of an oversized chunk after a huge record, keeping a small one.</summary>
    public void Trim()
    {
        if (chunk.Length > MaxPooledBytes)
        {
            chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        }
    }

    public void Dispose()
    {
        if (chunk.Length is > 0 and <= MaxPooledBytes)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (staging.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(staging);
        }

        chunk = [];
        staging = [];
    }

    private Memory<byte> Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (chunk.Length < needed)
        {
            if (chunk.Length <= MaxPooledBytes)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            chunk = needed <= MaxPooledBytes ? ArrayPool<byte>.Shared.Rent(needed) : GC.AllocateUninitializedArray<byte>(needed);
        }

        return chunk;
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (stream is null)
        {
            target!.Write(bytes);
            return;
        }

        if (staged + bytes.Length > staging.Length)
        {
            Flush();
            if (bytes.Length >= staging.Length)
            {
                stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(staging.AsSpan(staged));
        staged += bytes.Length;
    }
}
