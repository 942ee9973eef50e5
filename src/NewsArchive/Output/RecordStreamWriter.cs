using System.Buffers;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// Appends already-serialized records to a stream with the framing of their format: the JSON array's
/// brackets and commas, or the CSV header. Records are appended in the order they are given.
/// </summary>
public sealed class RecordStreamWriter
{
    private readonly Stream output;
    private readonly OutputFormat format;
    private readonly byte[] header;
    private bool started;
    private bool completed;

    public RecordStreamWriter(Stream output, OutputFormat format)
    {
        this.output = output;
        this.format = format;
        using var serializer = new RecordSerializer(format);
        var buffer = new ArrayBufferWriter<byte>();
        serializer.SerializeHeader(buffer);
        header = buffer.WrittenSpan.ToArray();
    }

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<byte> serializedRecord)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        Start();
        if (format == OutputFormat.Json)
        {
            output.Write(Count == 0 ? "\n"u8 : ",\n"u8);
        }

        output.Write(serializedRecord);
        Count++;
    }

    /// <summary>Serializes a record straight into the output (a huge one; see <see cref="RecordSerializer.ShouldStream"/>).</summary>
    public void Append(ArticleRecord record, RecordSerializer serializer)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        ArgumentOutOfRangeException.ThrowIfNotEqual((int)serializer.Format, (int)format, nameof(serializer));
        Start();
        if (format == OutputFormat.Json)
        {
            output.Write(Count == 0 ? "\n"u8 : ",\n"u8);
        }

        serializer.Serialize(record, output);
        Count++;
    }

    /// <summary>Writes what closes the output; an empty run still gives valid output (<c>[]</c> or the CSV header).</summary>
    public void Complete()
    {
        if (completed)
        {
            return;
        }

        Start();
        if (format == OutputFormat.Json)
        {
            output.Write(Count == 0 ? "]\n"u8 : "\n]\n"u8);
        }

        output.Flush();
        completed = true;
    }

    private void Start()
    {
        if (started)
        {
            return;
        }

        started = true;
        if (format == OutputFormat.Json)
        {
            output.Write("["u8);
        }

        output.Write(header);
    }
}
