using System.Buffers;

namespace NewsArchive.Output;

/// <summary>
/// A growable byte buffer on <see cref="ArrayPool{T}"/>: a worker serializes a record into one and
/// hands it to the writer, which appends it and disposes it, returning the array to the pool. A
/// buffer that grows past <see cref="MaxPooledBytes"/> (the record of a huge post) is an ordinary
/// array instead, so the pool does not keep megabytes alive after the one record that needed them.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    /// <summary>Buffers up to this size come from the pool and go back to it.</summary>
    public const int MaxPooledBytes = 1024 * 1024;

    private byte[] buffer;
    private bool pooled = true;
    private int written;

    public PooledBufferWriter(int initialCapacity = 16 * 1024) => buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public int WrittenCount => written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - written);
        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    public void Dispose()
    {
        var array = buffer;
        buffer = [];
        written = 0;
        if (array.Length > 0 && pooled)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(buffer.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (buffer.Length - written >= needed)
        {
            return;
        }

        var size = Math.Max(buffer.Length * 2, written + needed);
        var largerPooled = size <= MaxPooledBytes;
        var larger = largerPooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        buffer.AsSpan(0, written).CopyTo(larger);
        if (pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = larger;
        pooled = largerPooled;
    }
}
