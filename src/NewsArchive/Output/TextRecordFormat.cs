using System.Buffers;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// A format whose output is its records' bytes one after another: a header, a separator before each
/// record, and a footer. The sink only adds that framing, so workers encode in parallel.
/// </summary>
internal abstract class TextRecordFormat : RecordFormat
{
    /// <summary>What opens the output before any record (the CSV header row, the array's bracket).</summary>
    public virtual void WriteHeader(IBufferWriter<byte> output)
    {
    }

    /// <summary>What goes before the record at <paramref name="index"/> (0 for the first).</summary>
    public virtual ReadOnlySpan<byte> Separator(int index) => default;

    /// <summary>What closes the output after <paramref name="count"/> records.</summary>
    public virtual ReadOnlySpan<byte> Footer(int count) => default;

    internal override RecordSink CreateSink(Stream output) => new FramedSink(this, output);

    private sealed class FramedSink(TextRecordFormat format, Stream output) : RecordSink
    {
        private bool started;
        private bool completed;

        public override void Append(ReadOnlySpan<byte> encodedRecord)
        {
            BeforeRecord();
            output.Write(encodedRecord);
            Count++;
        }

        public override void Append(ArticleRecord record, RecordEncoder encoder)
        {
            BeforeRecord();
            encoder.Encode(record, output);
            Count++;
        }

        public override void Complete()
        {
            if (completed)
            {
                return;
            }

            Start();
            output.Write(format.Footer(Count));
            output.Flush();
            completed = true;
        }

        private void BeforeRecord()
        {
            ObjectDisposedException.ThrowIf(completed, this);
            Start();
            output.Write(format.Separator(Count));
        }

        private void Start()
        {
            if (started)
            {
                return;
            }

            started = true;
            var header = new ArrayBufferWriter<byte>();
            format.WriteHeader(header);
            output.Write(header.WrittenSpan);
        }
    }
}
