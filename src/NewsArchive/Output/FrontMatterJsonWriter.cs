using System.Collections.Immutable;
using System.Text.Json;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>A post's front matter as a JSON object, keys in file order, scalars as strings.</summary>
internal static class FrontMatterJsonWriter
{
    public static void WriteEntries(Utf8JsonWriter writer, ImmutableArray<KeyValuePair<string, FrontMatterValue>> entries)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, FrontMatterValue value)
    {
        switch (value)
        {
            case FrontMatterValue.Scalar scalar:
                RecordJsonWriter.Value(writer, scalar.Value);
                break;
            case FrontMatterValue.Sequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case FrontMatterValue.Mapping mapping:
                WriteEntries(writer, mapping.Entries);
                break;
        }
    }
}
