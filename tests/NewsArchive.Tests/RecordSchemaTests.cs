using System.Buffers;
using System.Text.Json;
using NewsArchive.Output;
using NewsArchive.Records;
using NJsonSchema;

namespace NewsArchive.Tests;

/// <summary>The shipped JSON Schema says what the writer writes, and every case's record keeps to it.</summary>
public sealed class RecordSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(RecordSchema.Json).GetAwaiter().GetResult());

    [Fact]
    public void Schema_NamesTheWritersFieldsInOrderAndRequiresAll()
    {
        using var schema = JsonDocument.Parse(RecordSchema.Json);
        var root = schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var properties = root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        var required = root.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToArray();

        using var record = JsonDocument.Parse(Serialize(GoldenCase.Get("cna-jekyll-sample-000").ParseRecord()));
        var written = record.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(written, properties);
        Assert.Equal(written, required);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.RecordNames), MemberType = typeof(GoldenCase))]
    public void Case_RecordValidatesAgainstTheSchema(string name)
    {
        var json = Serialize(GoldenCase.Get(name).ParseRecord());
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("\"title\"", "\"headline\"")]
    [InlineData("\"authors\":[", "\"authors\":[1,")]
    [InlineData("\"published\":\"2022-12-20T02:04:03+08:00\"", "\"published\":\"yesterday\"")]
    public void Schema_RejectsARecordThatBreaksTheContract(string from, string to)
    {
        var json = Serialize(GoldenCase.Get("cna-jekyll-sample-000").ParseRecord());
        Assert.Contains(from, json, StringComparison.Ordinal);
        Assert.NotEmpty(Schema.Value.Validate(json.Replace(from, to, StringComparison.Ordinal)));
    }

    private static string Serialize(ArticleRecord record)
    {
        using var serializer = RecordFormat.JsonLines.CreateEncoder();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Encode(record, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n');
    }
}
