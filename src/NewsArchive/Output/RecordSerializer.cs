using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// Turns one record into the bytes of one output format. Not thread-safe: give each worker its own.
/// Framing (array brackets, separators, the CSV header) is <see cref="RecordStreamWriter"/>'s job.
/// </summary>
public sealed class RecordSerializer : IDisposable
{
    /// <summary>CSV columns, in the order the schema fixes.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", "source", "format", "path", "url", "title", "published", "agency",
        "dateline_location", "dateline_day", "dateline_kind", "authors", "editors", "translators",
        "tags", "related_count", "image_count", "paragraph_count", "text",
    ];

    private const string ListSeparator = "; ";

    private static readonly JsonTypeInfo<ArticleRecord> CompactInfo = CreateContext(indented: false).ArticleRecord;
    private static readonly JsonTypeInfo<ArticleRecord> IndentedInfo = CreateContext(indented: true).ArticleRecord;
    private static readonly JsonTypeInfo<FileError> ErrorInfo = CreateContext(indented: false).FileError;

    private readonly OutputFormat format;
    /// <summary>A scratch buffer that grew past this for one huge record is let go after it.</summary>
    private const int MaxKeptScratchBytes = 1024 * 1024;

    private ArrayBufferWriter<byte> scratch = new(16 * 1024);
    private Utf8JsonWriter? jsonWriter;
    private MemoryStream? csvStream;
    private CsvWriter? csvWriter;
    private readonly string?[] csvFields = new string?[CsvColumns.Count];

    public RecordSerializer(OutputFormat format) => this.format = format;

    public OutputFormat Format => format;

    public void Serialize(ArticleRecord record, IBufferWriter<byte> output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                SerializeJson(record, IndentedInfo, output, indentBy: "  "u8);
                break;
            case OutputFormat.JsonLines:
                SerializeJson(record, CompactInfo, output, indentBy: default);
                output.Write("\n"u8);
                break;
            case OutputFormat.Csv:
                SerializeCsvRow(ToCsvFields(record), output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), format, "unknown output format");
        }
    }

    /// <summary>The bytes that open the output before any record (the CSV header row).</summary>
    public void SerializeHeader(IBufferWriter<byte> output)
    {
        if (format == OutputFormat.Csv)
        {
            SerializeCsvRow([.. CsvColumns], output);
        }
    }

    public static byte[] SerializeError(FileError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, error, ErrorInfo);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public void Dispose()
    {
        jsonWriter?.Dispose();
        csvWriter?.Dispose();
        csvStream?.Dispose();
    }

    private static RecordJsonContext CreateContext(bool indented) =>
        new(new JsonSerializerOptions(RecordJsonContext.Default.Options)
        {
            Encoder = LiteralJsonEncoder.Instance,
            WriteIndented = indented,
            IndentSize = 2,
        });

    private void SerializeJson(ArticleRecord record, JsonTypeInfo<ArticleRecord> info, IBufferWriter<byte> output, ReadOnlySpan<byte> indentBy)
    {
        var target = indentBy.IsEmpty ? output : scratch;
        scratch.ResetWrittenCount();
        jsonWriter ??= new Utf8JsonWriter(target, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, Indented = info == IndentedInfo, SkipValidation = true });
        jsonWriter.Reset(target);
        RecordJsonWriter.Write(jsonWriter, record);
        jsonWriter.Flush();
        if (indentBy.IsEmpty)
        {
            return;
        }

        // Records sit inside the top-level array, so every line moves in one level. JSON strings
        // never hold a raw line break, so every '\n' in the output is structural.
        var written = scratch.WrittenSpan;
        output.Write(indentBy);
        var start = 0;
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] == (byte)'\n')
            {
                output.Write(written[start..(i + 1)]);
                output.Write(indentBy);
                start = i + 1;
            }
        }

        output.Write(written[start..]);
        if (scratch.Capacity > MaxKeptScratchBytes)
        {
            // A worker keeps its serializer for the whole run: one huge record must not pin its buffer.
            scratch = new ArrayBufferWriter<byte>(16 * 1024);
        }
    }

    private void SerializeCsvRow(string?[] fields, IBufferWriter<byte> output)
    {
        if (csvWriter is null)
        {
            csvStream = new MemoryStream();
            csvWriter = CsvWriter.Create(csvStream, CsvWriterOptions.Default with { WriteByteOrderMark = false }, leaveOpen: true);
        }

        csvStream!.SetLength(0);
        csvWriter.WriteRecord(fields);
        csvWriter.Flush();
        output.Write(csvStream.GetBuffer().AsSpan(0, (int)csvStream.Length));
        if (csvStream.Capacity > MaxKeptScratchBytes)
        {
            // As for the JSON scratch buffer: the next record starts with a small stream again.
            csvWriter.Dispose();
            csvStream.Dispose();
            csvWriter = null;
            csvStream = null;
        }
    }

    private string?[] ToCsvFields(ArticleRecord record)
    {
        var f = csvFields;
        f[0] = record.Id;
        f[1] = record.Source;
        f[2] = record.Format;
        f[3] = record.Path;
        f[4] = record.Url;
        f[5] = record.Title;
        f[6] = record.Published;
        f[7] = record.Agency;
        f[8] = record.Dateline?.Location;
        f[9] = record.Dateline?.Day?.ToString(CultureInfo.InvariantCulture);
        f[10] = record.Dateline?.Kind;
        f[11] = string.Join(ListSeparator, record.Authors);
        f[12] = string.Join(ListSeparator, record.Editors);
        f[13] = string.Join(ListSeparator, record.Translators);
        f[14] = string.Join(ListSeparator, record.Tags);
        f[15] = record.Related.Length.ToString(CultureInfo.InvariantCulture);
        f[16] = record.Images.Length.ToString(CultureInfo.InvariantCulture);
        f[17] = record.Paragraphs.Length.ToString(CultureInfo.InvariantCulture);
        f[18] = record.Text;
        return f;
    }
}
