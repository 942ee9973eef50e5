using System.Buffers;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// Writes whole records to a stream in one format, on one thread: the format's encoder and sink
/// together. The command does the same with an encoder per worker.
/// </summary>
public sealed class RecordWriter : IDisposable
{
    private readonly RecordFormat format;
    private readonly RecordEncoder encoder;
    private readonly RecordSink sink;
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);

    public RecordWriter(Stream output, RecordFormat format)
    {
        this.format = format;
        encoder = format.CreateEncoder();
        sink = format.CreateSink(output);
    }

    public int Count => sink.Count;

    public void Write(ArticleRecord record)
    {
        if (!format.EncodesEachRecord || RecordEncoder.ShouldStream(record))
        {
            sink.Append(record, encoder);
            return;
        }

        buffer.ResetWrittenCount();
        encoder.Encode(record, buffer);
        sink.Append(buffer.WrittenSpan);
    }

    /// <summary>Writes what closes the output; an empty run still gives valid output (<c>[]</c>, the CSV header, an empty Parquet file).</summary>
    public void Complete() => sink.Complete();

    public void Dispose()
    {
        encoder.Dispose();
        sink.Dispose();
    }
}
