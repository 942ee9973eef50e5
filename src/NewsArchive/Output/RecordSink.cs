using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// Receives a run's records in input order on one thread and writes the output: encoded bytes from
/// the workers, or whole records (a huge one, or every one for a format that gathers them).
/// Disposing a sink that was never completed lets go of what it holds; its output is not used.
/// </summary>
internal abstract class RecordSink : IDisposable
{
    /// <summary>How many records the output holds so far.</summary>
    public int Count { get; protected set; }

    /// <summary>Appends a record a worker encoded with this format's <see cref="RecordFormat.CreateEncoder"/>.</summary>
    public abstract void Append(ReadOnlySpan<byte> encodedRecord);

    /// <summary>Appends a whole record; <paramref name="encoder"/> is this format's, for the sink to use.</summary>
    public abstract void Append(ArticleRecord record, RecordEncoder encoder);

    /// <summary>Writes what closes the output; an empty run still gives valid output.</summary>
    public abstract void Complete();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
