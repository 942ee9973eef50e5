using System.Buffers;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>Writes whole records to a stream in one format: a serializer and a stream writer together.</summary>
public sealed class RecordWriter : IDisposable
{
    private readonly RecordSerializer serializer;
    private readonly RecordStreamWriter streamWriter;
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);

    public RecordWriter(Stream output, OutputFormat format)
    {
        serializer = new RecordSerializer(format);
        streamWriter = new RecordStreamWriter(output, format);
    }

    public int Count => streamWriter.Count;

    public void Write(ArticleRecord record)
    {
        if (RecordSerializer.ShouldStream(record))
        {
            streamWriter.Append(record, serializer);
            return;
        }

        buffer.ResetWrittenCount();
        serializer.Serialize(record, buffer);
        streamWriter.Append(buffer.WrittenSpan);
    }

    public void Complete() => streamWriter.Complete();

    public void Dispose() => serializer.Dispose();
}
