using System.Collections.Immutable;
using System.Text.Json;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>
/// Writes a record as JSON, field by field in the schema's order and with its snake_case names.
/// Long strings (a huge post's text) go out in segments: <see cref="Utf8JsonWriter"/> asks its buffer
/// for the worst-case escaped size of a string at once, six times the text's length, so a whole
/// 10-million-character text would have it ask for 60 MB on top of what it holds.
/// </summary>
internal static class RecordJsonWriter
{
    /// <summary>Strings longer than this are written in segments of this many characters.</summary>
    internal const int SegmentChars = 8 * 1024;

    public static void Write(Utf8JsonWriter writer, ArticleRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        writer.WriteString("source", record.Source);
        writer.WriteString("format", record.Format);
        String(writer, "path", record.Path);
        String(writer, "url", record.Url);
        String(writer, "title", record.Title);
        writer.WriteString("published", record.Published);
        String(writer, "agency", record.Agency);
        writer.WritePropertyName("dateline");
        if (record.Dateline is { } dateline)
        {
            writer.WriteStartObject();
            String(writer, "location", dateline.Location);
            if (dateline.Day is { } day)
            {
                writer.WriteNumber("day", day);
            }
            else
            {
                writer.WriteNull("day");
            }

            String(writer, "kind", dateline.Kind);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        Strings(writer, "authors", record.Authors);
        Strings(writer, "editors", record.Editors);
        Strings(writer, "translators", record.Translators);
        Strings(writer, "paragraphs", record.Paragraphs);
        String(writer, "text", record.Text);
        Strings(writer, "tags", record.Tags);
        writer.WriteStartArray("related");
        foreach (var link in record.Related)
        {
            writer.WriteStartObject();
            String(writer, "title", link.Title);
            String(writer, "url", link.Url);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("images");
        foreach (var image in record.Images)
        {
            writer.WriteStartObject();
            String(writer, "url", image.Url);
            String(writer, "caption", image.Caption);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("front_matter");
        if (record.FrontMatter is { } frontMatter)
        {
            FrontMatterJsonWriter.WriteEntries(writer, frontMatter.Entries);
        }
        else
        {
            writer.WriteNullValue();
        }

        Strings(writer, "warnings", record.Warnings);
        String(writer, "member", record.Member);
        String(writer, "fetched", record.Fetched);
        writer.WriteEndObject();
    }

    private static void String(Utf8JsonWriter writer, string name, string? value)
    {
        writer.WritePropertyName(name);
        Value(writer, value);
    }

    private static void Strings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.IsDefault ? [] : values)
        {
            Value(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A string value, in segments when it is long; a segment never ends between the halves of a surrogate pair.</summary>
    internal static void Value(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (value.Length <= SegmentChars)
        {
            writer.WriteStringValue(value);
            return;
        }

        var rest = value.AsSpan();
        while (rest.Length > SegmentChars)
        {
            var cut = char.IsHighSurrogate(rest[SegmentChars - 1]) ? SegmentChars - 1 : SegmentChars;
            writer.WriteStringValueSegment(rest[..cut], isFinalSegment: false);
            rest = rest[cut..];
        }

        writer.WriteStringValueSegment(rest, isFinalSegment: true);
    }
}
