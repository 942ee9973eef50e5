namespace NewsArchive.Records;

/// <summary>
/// The record's JSON Schema (draft 2020-12), as <c>newsarchive schema</c> prints it: every field
/// of <see cref="ArticleRecord"/> as JSON and JSON Lines write it, with its type. A test holds it
/// to the writer's output and validates every golden case's record against it.
/// </summary>
public static class RecordSchema
{
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The schema's text, as shipped (UTF-8 JSON).</summary>
    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(RecordSchema).Assembly.GetManifestResourceStream("NewsArchive.record.schema.json")
            ?? throw new InvalidOperationException("the record schema is missing from the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
