using System.Buffers;

namespace NewsArchive.Output;

/// <summary>One JSON array of records, each indented one level: <c>[</c>, records separated by <c>,</c>, <c>]</c>.</summary>
internal sealed class JsonFormat : TextRecordFormat
{
    public override string Name => "json";

    public override string Description => "one JSON array";

    internal override RecordEncoder CreateEncoder() => new JsonRecordEncoder(inArray: true);

    public override void WriteHeader(IBufferWriter<byte> output) => output.Write("["u8);

    public override ReadOnlySpan<byte> Separator(int index) => index == 0 ? "\n"u8 : ",\n"u8;

    public override ReadOnlySpan<byte> Footer(int count) => count == 0 ? "]\n"u8 : "\n]\n"u8;
}
