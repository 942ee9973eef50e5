namespace NewsArchive.Envelopes;

/// <summary>Bytes already read from a stream's start, then the rest of the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ForwardStream
{
    private ReadOnlyMemory<byte> prefix = prefix;

    public override int Read(Span<byte> destination)
    {
        if (!prefix.IsEmpty)
        {
            var count = Math.Min(prefix.Length, destination.Length);
            prefix.Span[..count].CopyTo(destination);
            prefix = prefix[count..];
            return count;
        }

        return rest.Read(destination);
    }
}
