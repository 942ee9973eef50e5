using System.Text.Json;
using NewsArchive.Output;

namespace NewsArchive.Audit;

/// <summary>An audit report as one JSON document: snake_case keys, UTF-8 without a BOM, Chinese written as itself.</summary>
internal static class AuditJsonWriter
{
    public static void Write(AuditReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = LiteralJsonEncoder.Instance });
        json.WriteStartObject();
        json.WriteNumber("files", report.Files);
        json.WriteNumber("records", report.Records);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("archived_pages", report.Archived);
        json.WriteNumber("revisits", report.Revisits);
        WriteCounts(json, "error_kinds", "error", report.ErrorKinds);
        json.WriteStartArray("sources");
        foreach (var source in report.Sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.Source);
            json.WriteNumber("records", source.Records);
            WriteCounts(json, "warning_kinds", "warning", source.WarningKinds);
            WriteCounts(json, "repeated_paragraphs", "text", source.Paragraphs);
            WriteCounts(json, "repeated_images", "image", source.Images);
            json.WriteStartArray("loss_records");
            foreach (var loss in source.Losses)
            {
                json.WriteStartObject();
                json.WriteString("path", loss.Path);
                json.WriteString("warning", loss.Warning);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rules");
            foreach (var rule in source.Rules)
            {
                json.WriteStartObject();
                json.WriteString("kind", rule.Kind);
                json.WriteString("reason", rule.Reason);
                json.WriteNumber("records", rule.Records);
                json.WriteNumber("hits", rule.Hits);
                json.WriteNumber("removed_paragraphs", rule.RemovedParagraphs);
                json.WriteNumber("removed_chars", rule.RemovedChars);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteTemplate(json, source.Template, source.TemplateRemoved);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>What the learned template takes out of a source: each entry (in how many articles and records, its characters, its place), and what that came to over the records.</summary>
    private static void WriteTemplate(Utf8JsonWriter json, Extraction.SourceTemplate template, Extraction.TemplateTotals removed)
    {
        json.WriteStartObject("template");
        json.WriteNumber("articles", template.Articles);
        Extraction.TemplateFile.WriteEntries(json, template);
        json.WriteStartObject("removed");
        json.WriteNumber("records", removed.Records);
        json.WriteNumber("lines", removed.Lines);
        json.WriteNumber("images", removed.Images);
        json.WriteNumber("related", removed.Related);
        json.WriteNumber("chars", removed.Chars);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, string textName, IEnumerable<CountedText> counts)
    {
        json.WriteStartArray(name);
        foreach (var count in counts)
        {
            json.WriteStartObject();
            json.WriteString(textName, count.Text);
            json.WriteNumber("count", count.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
