namespace NewsArchive.Output;

public enum OutputFormat
{
    /// <summary>One JSON array of records (the default).</summary>
    Json,

    /// <summary>JSON Lines: one compact record per line.</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV with a header row; list fields joined with <c>"; "</c>.</summary>
    Csv,

    /// <summary>
    /// The same CSV made safe to open in a spreadsheet (<c>--format csv --excel</c>): a byte-order
    /// mark, so Excel reads UTF-8; a cell starting with <c>= + - @</c>, tab or CR gets a leading
    /// <c>'</c>, so it is text and never a live formula (OWASP's advice against CSV injection); a
    /// cell over Excel's 32,767 characters is cut there, and the row's warnings say so.
    /// </summary>
    CsvSpreadsheet,
}
