using System.Buffers;
using System.Text.Json;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// A record as one JSON object: indented and moved one level in (inside the JSON array), or compact
/// and followed by a newline (a JSON Lines line, a record's own file).
/// </summary>
internal sealed class JsonRecordEncoder : RecordEncoder
{
    /// <summary>Records sit inside the JSON array, so every line of one moves in one level.</summary>
    private static ReadOnlySpan<byte> ArrayIndent => "  "u8;

    private readonly bool inArray;
    private readonly PassThroughWriter passThrough = new();
    private Utf8JsonWriter? jsonWriter;

    /// <param name="inArray">Indented, one level in, no newline after; otherwise one compact line.</param>
    public JsonRecordEncoder(bool inArray) => this.inArray = inArray;

    public override void Encode(ArticleRecord record, IBufferWriter<byte> output)
    {
        if (inArray)
        {
            passThrough.Reset(output, ArrayIndent);
            passThrough.WriteIndent();
            Write(record, passThrough);
            passThrough.Trim();
            return;
        }

        Write(record, output);
        output.Write("\n"u8);
    }

    public override void Encode(ArticleRecord record, Stream output)
    {
        if (inArray)
        {
            passThrough.Reset(output, ArrayIndent);
            passThrough.WriteIndent();
            Write(record, passThrough);
        }
        else
        {
            passThrough.Reset(output, default);
            Write(record, passThrough);
            ((IBufferWriter<byte>)passThrough).Write("\n"u8);
        }

        passThrough.Flush();
        passThrough.Trim();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            passThrough.Dispose();
            jsonWriter?.Dispose();
        }
    }

    private void Write(ArticleRecord record, IBufferWriter<byte> target)
    {
        jsonWriter ??= new Utf8JsonWriter(target, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, Indented = inArray, SkipValidation = true });
        jsonWriter.Reset(target);
        RecordJsonWriter.Write(jsonWriter, record);
        jsonWriter.Flush();
    }
}
