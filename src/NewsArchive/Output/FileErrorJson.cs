using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsArchive.Output;

/// <summary>An <c>--errors</c> line: one <see cref="FileError"/> as compact JSON and a newline.</summary>
internal static class FileErrorJson
{
    private static readonly JsonTypeInfo<FileError> ErrorInfo =
        new RecordJsonContext(new JsonSerializerOptions(RecordJsonContext.Default.Options) { Encoder = LiteralJsonEncoder.Instance }).FileError;

    public static byte[] Serialize(FileError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, error, ErrorInfo);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
