using System.Text.Json.Serialization;
using NewsArchive.Records;

namespace NewsArchive.Output;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(FileError))]
internal sealed partial class RecordJsonContext : JsonSerializerContext
{
}
