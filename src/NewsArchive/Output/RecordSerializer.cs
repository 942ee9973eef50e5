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
        "tags", "related_count", "image_count", "paragraph_count", "text", "warnings",
    ];

    private const string ListSeparator = "; ";

    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxSpreadsheetCellChars = 32_767;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Records sit inside the JSON array, so every line of one moves in one level.</summary>
    private static ReadOnlySpan<byte> ArrayIndent => "  "u8;

    private static readonly JsonTypeInfo<FileError> ErrorInfo =
        new RecordJsonContext(new JsonSerializerOptions(RecordJsonContext.Default.Options) { Encoder = LiteralJsonEncoder.Instance }).FileError;

    private readonly OutputFormat format;
    /// <summary>A CSV buffer that grew past this for one huge record is let go after it.</summary>
    private const int MaxKeptScratchBytes = 1024 * 1024;

    private readonly PassThroughWriter passThrough = new();
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
                SerializeJson(record, output, ArrayIndent);
                break;
            case OutputFormat.JsonLines:
                SerializeJson(record, output, indentBy: default);
                output.Write("\n"u8);
                break;
            case OutputFormat.Csv or OutputFormat.CsvSpreadsheet:
                SerializeCsvRow(ToCsvFields(record), output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), format, "unknown output format");
        }
    }

    /// <summary>
    /// Writes one record straight to <paramref name="output"/>, the same bytes as
    /// <see cref="Serialize(ArticleRecord, IBufferWriter{byte})"/>, without holding them all: for a
    /// record too large to copy whole (<see cref="ShouldStream"/>).
    /// </summary>
    public void Serialize(ArticleRecord record, Stream output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                passThrough.Reset(output, ArrayIndent);
                passThrough.WriteIndent();
                WriteJson(record, passThrough);
                break;
            case OutputFormat.JsonLines:
                passThrough.Reset(output, default);
                WriteJson(record, passThrough);
                ((IBufferWriter<byte>)passThrough).Write("\n"u8);
                break;
            case OutputFormat.Csv or OutputFormat.CsvSpreadsheet:
                using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = false }, leaveOpen: true))
                {
                    csv.WriteRecord(ToCsvFields(record));
                    csv.Flush();
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), format, "unknown output format");
        }

        passThrough.Flush();
        passThrough.Trim();
    }

    /// <summary>
    /// Whether a record is large enough (a huge post's text) to be written straight to the output
    /// rather than serialized into a buffer first: its serialized bytes would be a second copy of
    /// its text, and more while the buffer grows.
    /// </summary>
    public static bool ShouldStream(ArticleRecord record) => record.Text.Length >= StreamedTextChars;

    /// <summary>A record whose text has at least this many characters is written straight to the output.</summary>
    public const int StreamedTextChars = 256 * 1024;

    /// <summary>The bytes that open the output before any record (the CSV header row).</summary>
    public void SerializeHeader(IBufferWriter<byte> output)
    {
        if (format == OutputFormat.CsvSpreadsheet)
        {
            output.Write(Utf8ByteOrderMark);
        }

        if (format is OutputFormat.Csv or OutputFormat.CsvSpreadsheet)
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
        passThrough.Dispose();
        jsonWriter?.Dispose();
        csvWriter?.Dispose();
        csvStream?.Dispose();
    }

    private void SerializeJson(ArticleRecord record, IBufferWriter<byte> output, ReadOnlySpan<byte> indentBy)
    {
        var target = output;
        if (!indentBy.IsEmpty)
        {
            passThrough.Reset(output, indentBy);
            passThrough.WriteIndent();
            target = passThrough;
        }

        WriteJson(record, target);
        passThrough.Trim();
    }

    private void WriteJson(ArticleRecord record, IBufferWriter<byte> target)
    {
        jsonWriter ??= new Utf8JsonWriter(target, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, Indented = format == OutputFormat.Json, SkipValidation = true });
        jsonWriter.Reset(target);
        RecordJsonWriter.Write(jsonWriter, record);
        jsonWriter.Flush();
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
            // A worker keeps its serializer for the whole run: one huge record must not pin its buffer.
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
        f[19] = string.Join(ListSeparator, record.Warnings);
        if (format == OutputFormat.CsvSpreadsheet)
        {
            MakeSpreadsheetSafe(f);
        }

        return f;
    }

    /// <summary>
    /// Every cell text, never a formula: a leading <c>'</c> before <c>= + - @</c>, tab or CR; a cell
    /// longer than a spreadsheet holds cut at the limit, which the warnings cell (the last) names.
    /// </summary>
    private static void MakeSpreadsheetSafe(string?[] fields)
    {
        var cut = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { Length: > 0 } value)
            {
                continue;
            }

            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            if (value.Length > MaxSpreadsheetCellChars && i != fields.Length - 1)
            {
                var end = MaxSpreadsheetCellChars;
                if (char.IsHighSurrogate(value[end - 1]))
                {
                    end--;
                }

                value = value[..end];
                cut.Add(CsvColumns[i]);
            }

            fields[i] = value;
        }

        if (cut.Count > 0)
        {
            var note = $"{string.Join(", ", cut)} cut at the spreadsheet cell limit of {MaxSpreadsheetCellChars} characters";
            var warnings = fields[^1];
            fields[^1] = string.IsNullOrEmpty(warnings) ? note : warnings + ListSeparator + note;
        }
    }
}
