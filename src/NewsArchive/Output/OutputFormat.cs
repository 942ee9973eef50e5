namespace NewsArchive.Output;

public enum OutputFormat
{
    /// <summary>One JSON array of records (the default).</summary>
    Json,

    /// <summary>JSON Lines: one compact record per line.</summary>
    JsonLines,

    /// <summary>RFC 4180 CSV with a header row; list fields joined with <c>"; "</c>.</summary>
    Csv,
}
