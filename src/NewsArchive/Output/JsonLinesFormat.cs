namespace NewsArchive.Output;

/// <summary>JSON Lines: one compact record per line, nothing around them.</summary>
internal sealed class JsonLinesFormat : TextRecordFormat
{
    public override string Name => "jsonl";

    public override string Description => "one record per line";

    internal override RecordEncoder CreateEncoder() => new JsonRecordEncoder(inArray: false);
}
