namespace NewsArchive.Output;

/// <summary>
/// One output format: its name on the command line, the encoder that turns a record into bytes on a
/// worker thread, and the sink that puts the records together in input order (header, separators,
/// footer, or row groups). Each format is a type in its own file; <see cref="All"/> lists them, and the
/// command builds <c>--format</c>'s choices from that list.
/// </summary>
public abstract class RecordFormat
{
    /// <summary>One JSON array of records, indented (the default).</summary>
    public static readonly RecordFormat Json = new JsonFormat();

    /// <summary>JSON Lines: one compact record per line.</summary>
    public static readonly RecordFormat JsonLines = new JsonLinesFormat();

    /// <summary>RFC 4180 CSV with a header row; list fields joined with <c>"; "</c>.</summary>
    public static readonly RecordFormat Csv = new CsvFormat(spreadsheet: false);

    /// <summary>
    /// The same CSV made safe to open in a spreadsheet (<c>--format csv --excel</c>): a byte-order
    /// mark, so Excel reads UTF-8; a cell starting with <c>= + - @</c>, tab or CR gets a leading
    /// <c>'</c>, so it is text and never a live formula (OWASP's advice against CSV injection); a
    /// cell over Excel's 32,767 characters is cut there, and the row's warnings say so.
    /// </summary>
    public static readonly RecordFormat CsvSpreadsheet = new CsvFormat(spreadsheet: true);

    /// <summary>Apache Parquet with real types: a timestamp, lists, structs; written in row groups.</summary>
    public static readonly RecordFormat Parquet = new ParquetFormat();

    /// <summary>The formats <c>--format</c> offers, in the order its help lists them.</summary>
    public static IReadOnlyList<RecordFormat> All { get; } = [Json, JsonLines, Csv, Parquet];

    /// <summary>The name <c>--format</c> takes.</summary>
    public abstract string Name { get; }

    /// <summary>What the format is, in a few words, for <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Bytes no terminal should get: the command refuses to write them to one.</summary>
    public virtual bool IsBinary => false;

    /// <summary>The variant <c>--excel</c> asks for, or null when the format has none.</summary>
    public virtual RecordFormat? SpreadsheetVariant => null;

    /// <summary>
    /// Whether each record is encoded on its own, so that workers encode in parallel and the sink only
    /// joins bytes. A columnar format gathers whole records in the sink instead.
    /// </summary>
    public virtual bool EncodesEachRecord => true;

    /// <summary>The format <c>--format NAME</c> names, or null.</summary>
    public static RecordFormat? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>A per-thread encoder. Not thread-safe: give each worker its own.</summary>
    internal abstract RecordEncoder CreateEncoder();

    /// <summary>What receives the records, in order, and writes the output to <paramref name="output"/>.</summary>
    internal abstract RecordSink CreateSink(Stream output);

    public override string ToString() => Name;
}
