namespace NewsArchive.Envelopes;

/// <summary>
/// A stream read once, front to back, as the envelopes read their files: no seeking, no length, no
/// writing. A subclass gives <see cref="Read(Span{byte})"/> (and a position where it has one).
/// </summary>
internal abstract class ForwardStream : Stream
{
    public abstract override int Read(Span<byte> destination);

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
