namespace NewsArchive.Envelopes;

/// <summary>
/// A zip entry's data, ending where it can no longer be read (damaged compressed data, a wrong
/// CRC-32): the WARC reader sees the record or gzip member cut there, and <see cref="Failure"/>
/// says why the entry ended early.
/// </summary>
internal sealed class ZipEntryStream(Stream entry) : ForwardStream
{
    /// <summary>Why the entry's data ended before its end, or null.</summary>
    public string? Failure { get; private set; }

    public override int Read(Span<byte> destination)
    {
        if (Failure is not null)
        {
            return 0;
        }

        try
        {
            return entry.Read(destination);
        }
        catch (InvalidDataException ex)
        {
            Failure = $"a zip entry damaged inside ({ex.Message.TrimEnd('.')}): read up to the damage";
            return 0;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            entry.Dispose();
        }

        base.Dispose(disposing);
    }
}
