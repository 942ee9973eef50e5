using System.Buffers;
using System.Globalization;
using CsvHelper;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// RFC 4180 CSV: a header row, then one row per record; list fields joined with <c>"; "</c>. The
/// spreadsheet variant (<c>--excel</c>) adds a byte-order mark, neutralises formula cells and cuts
/// cells at a spreadsheet's limit.
/// </summary>
internal sealed class CsvFormat : TextRecordFormat
{
    /// <summary>The columns, in the order the schema fixes.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "source", "format", "path", "url", "title", "published", "agency",
        "dateline_location", "dateline_day", "dateline_kind", "authors", "editors", "translators",
        "tags", "related_count", "image_count", "paragraph_count", "text", "warnings", "member", "fetched",
    ];

    /// <summary>The <c>warnings</c> column, where a cell cut for a spreadsheet is named.</summary>
    private const int WarningsColumn = 19;

    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxSpreadsheetCellChars = 32_767;

    private const string ListSeparator = "; ";

    private readonly bool spreadsheet;

    public CsvFormat(bool spreadsheet) => this.spreadsheet = spreadsheet;

    public override string Name => "csv";

    public override string Description => spreadsheet ? "CSV for spreadsheets" : "CSV with a header row";

    public override RecordFormat? SpreadsheetVariant => spreadsheet ? this : CsvSpreadsheet;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    internal override RecordEncoder CreateEncoder() => new Encoder(spreadsheet);

    public override void WriteHeader(IBufferWriter<byte> output)
    {
        if (spreadsheet)
        {
            output.Write(Utf8ByteOrderMark);
        }

        using var encoder = new Encoder(spreadsheet);
        encoder.WriteRow([.. Columns], output);
    }

    private sealed class Encoder(bool spreadsheet) : RecordEncoder
    {
        /// <summary>A buffer that grew past this for one huge record is let go after it.</summary>
        private const int MaxKeptScratchBytes = 1024 * 1024;

        private readonly string?[] fields = new string?[Columns.Count];
        private MemoryStream? stream;
        private CsvWriter? writer;

        public override void Encode(ArticleRecord record, IBufferWriter<byte> output) => WriteRow(ToFields(record), output);

        public override void Encode(ArticleRecord record, Stream output)
        {
            using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = false }, leaveOpen: true);
            csv.WriteRecord(ToFields(record));
            csv.Flush();
        }

        public void WriteRow(string?[] row, IBufferWriter<byte> output)
        {
            if (writer is null)
            {
                stream = new MemoryStream();
                writer = CsvWriter.Create(stream, CsvWriterOptions.Default with { WriteByteOrderMark = false }, leaveOpen: true);
            }

            stream!.SetLength(0);
            writer.WriteRecord(row);
            writer.Flush();
            output.Write(stream.GetBuffer().AsSpan(0, (int)stream.Length));
            if (stream.Capacity > MaxKeptScratchBytes)
            {
                // A worker keeps its encoder for the whole run: one huge record must not pin its buffer.
                writer.Dispose();
                stream.Dispose();
                writer = null;
                stream = null;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                writer?.Dispose();
                stream?.Dispose();
            }
        }

        private string?[] ToFields(ArticleRecord record)
        {
            var f = fields;
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
            f[WarningsColumn] = string.Join(ListSeparator, record.Warnings);
            f[20] = record.Member;
            f[21] = record.Fetched;
            if (spreadsheet)
            {
                MakeSpreadsheetSafe(f);
            }

            return f;
        }
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
                cut.Add(Columns[i]);
            }

            fields[i] = value;
        }

        if (cut.Count > 0)
        {
            var note = $"{string.Join(", ", cut)} cut at the spreadsheet cell limit of {MaxSpreadsheetCellChars} characters";
            var warnings = fields[WarningsColumn];
            fields[WarningsColumn] = string.IsNullOrEmpty(warnings) ? note : warnings + ListSeparator + note;
        }
    }
}
