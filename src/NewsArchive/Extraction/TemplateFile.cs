using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsArchive.Extraction;

/// <summary>
/// A learned template as a file (<c>audit --template-out</c>, <c>extract --template</c>): JSON, versioned.
/// <code>
/// {"format": "newsarchive-template", "version": 1,
///  "thresholds": {"min_share": 0.1, "min_articles": 10, "unplaced_share": 0.2},
///  "sources": [{"source": "aj", "articles": 812, "records": 830,
///               "paragraphs": [{"text": "阅读更多", "articles": 712, "records": 720, "chars": 4, "place": "start:2"}],
///               "images": [{"url": "…", …}], "related": [{"link": "…", …}]}]}
/// </code>
/// A file of another format or of a newer version is refused with a reason, never half read.
/// </summary>
internal static class TemplateFile
{
    public const string FormatName = "newsarchive-template";

    public const int Version = 1;

    /// <summary>A template file larger than this is not one (a template is a few lines per source).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 16 };

    public static void Write(ArchiveTemplate template, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", Version);
        json.WriteStartObject("thresholds");
        json.WriteNumber("min_share", template.Thresholds.MinShare);
        json.WriteNumber("min_articles", template.Thresholds.MinArticles);
        json.WriteNumber("unplaced_share", template.Thresholds.UnplacedShare);
        json.WriteEndObject();
        json.WriteStartArray("sources");
        foreach (var source in template.Sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.Source);
            json.WriteNumber("articles", source.Articles);
            json.WriteNumber("records", source.Records);
            WriteEntries(json, source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Reads a template file, or says in <paramref name="reason"/> why it is not one.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ArchiveTemplate template, out string reason)
    {
        template = ArchiveTemplate.Empty;
        if (bytes.Length > MaxBytes)
        {
            reason = $"a template file is at most {MaxBytes} bytes";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), ReaderOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                reason = $"not a newsarchive template (no \"format\": \"{FormatName}\")";
                return false;
            }

            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != Version)
            {
                reason = $"a template of version {(root.TryGetProperty("version", out var v) ? v.ToString() : "(none)")}; this newsarchive reads version {Version}";
                return false;
            }

            var thresholds = TemplateThresholds.Default;
            if (root.TryGetProperty("thresholds", out var given) && given.ValueKind == JsonValueKind.Object)
            {
                thresholds = new TemplateThresholds
                {
                    MinShare = given.TryGetProperty("min_share", out var share) && share.TryGetDouble(out var s) ? s : TemplateThresholds.DefaultMinShare,
                    MinArticles = given.TryGetProperty("min_articles", out var min) && min.TryGetInt32(out var m) ? m : TemplateThresholds.DefaultMinArticles,
                    UnplacedShare = given.TryGetProperty("unplaced_share", out var unplaced) && unplaced.TryGetDouble(out var u) ? u : TemplateThresholds.DefaultUnplacedShare,
                };
            }

            var sources = ImmutableArray.CreateBuilder<SourceTemplate>();
            if (root.TryGetProperty("sources", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var source in list.EnumerateArray())
                {
                    if (source.ValueKind != JsonValueKind.Object || !source.TryGetProperty("source", out var code) || code.ValueKind != JsonValueKind.String)
                    {
                        reason = "a source without its \"source\" code";
                        return false;
                    }

                    sources.Add(new SourceTemplate(
                        code.GetString()!,
                        Int(source, "articles"),
                        Int(source, "records"),
                        Entries(source, "paragraphs", "text"),
                        Entries(source, "images", "url"),
                        Entries(source, "related", "link")));
                }
            }

            template = new ArchiveTemplate(thresholds, sources);
            reason = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            reason = $"not valid JSON ({ex.Message.TrimEnd('.')})";
            return false;
        }
    }

    /// <summary>A source's <c>paragraphs</c>, <c>images</c> and <c>related</c>, as the file holds them (and the audit report shows them).</summary>
    public static void WriteEntries(Utf8JsonWriter json, SourceTemplate source)
    {
        WriteEntries(json, "paragraphs", "text", source.Paragraphs);
        WriteEntries(json, "images", "url", source.Images);
        WriteEntries(json, "related", "link", source.Related);
    }

    private static void WriteEntries(Utf8JsonWriter json, string name, string valueName, ImmutableArray<TemplateEntry> entries)
    {
        json.WriteStartArray(name);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString(valueName, entry.Value);
            json.WriteNumber("articles", entry.Articles);
            json.WriteNumber("records", entry.Records);
            json.WriteNumber("chars", entry.Chars);
            if (entry.Place is { } place)
            {
                json.WriteString("place", place);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static ImmutableArray<TemplateEntry> Entries(JsonElement source, string name, string valueName)
    {
        if (!source.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(valueName, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                var place = item.TryGetProperty("place", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
                entries.Add(new TemplateEntry(text, Int(item, "articles"), Int(item, "records"), Int(item, "chars"), place));
            }
        }

        return entries.ToImmutable();
    }

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}
