using System.Text.Json.Serialization;

namespace NewsArchive.Output;

/// <summary>The per-file error line's serialization (records have their own writer, <see cref="RecordJsonWriter"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FileError))]
internal sealed partial class RecordJsonContext : JsonSerializerContext
{
}
