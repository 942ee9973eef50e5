using System.Globalization;

namespace NewsArchive.Audit;

/// <summary>
/// An audit report as text for a terminal: one line per source, then per source the few entries most
/// worth a look (repeated paragraphs first, since a template's new line shows up there), so one screen
/// shows where to look next.
/// </summary>
internal static class AuditTableWriter
{
    /// <summary>Entries shown per list of a source; the JSON report holds more.</summary>
    public const int ShownPerList = 5;

    /// <summary>Texts are cut to this many characters in the table.</summary>
    public const int TextWidth = 60;

    public static void Write(AuditReport report, TextWriter output)
    {
        var inside = report.Archived > 0 || report.Revisits > 0
            ? $" ({report.Archived} archived {Plural(report.Archived, "page")}{(report.Revisits > 0 ? $", {report.Revisits} {Plural(report.Revisits, "revisit")}" : string.Empty)})"
            : string.Empty;
        output.WriteLine($"{report.Files} {Plural(report.Files, "file")}{inside}, {report.Records} {Plural(report.Records, "record")}, {report.Errors} {Plural(report.Errors, "error")}");
        output.WriteLine();
        output.WriteLine($"{"source",-12} {"records",8} {"warnings",9} {"losses",7} {"repeats",8}");
        foreach (var source in report.Sources)
        {
            output.WriteLine($"{source.Source,-12} {source.Records,8} {source.WarningKinds.Sum(w => w.Count),9} {source.Losses.Length,7} {source.Paragraphs.Length,8}");
        }

        if (!report.ErrorKinds.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("errors");
            WriteCounts(output, report.ErrorKinds, null, cut: false);
        }

        foreach (var source in report.Sources)
        {
            output.WriteLine();
            output.WriteLine($"== {source.Source} ({source.Records} {Plural(source.Records, "record")})");
            if (source.Paragraphs.IsEmpty && source.Images.IsEmpty && source.WarningKinds.IsEmpty && source.Losses.IsEmpty)
            {
                output.WriteLine("  nothing repeats; no warnings");
                continue;
            }

            var template = source.Template;
            var learned = template.Paragraphs.Concat(template.Images).Concat(template.Related).Select(e => new CountedText(e.Value, e.Records)).ToList();
            Section(output, $"the template takes out (records; learned from {template.Articles} distinct {Plural(template.Articles, "article")})", learned, source.Records);
            if (source.TemplateRemoved is { Records: > 0 } removed)
            {
                output.WriteLine($"    in all: {removed.Lines} {Plural(removed.Lines, "line")} ({removed.Chars} {Plural(removed.Chars, "character")}), {removed.Images} {Plural(removed.Images, "image")} and {removed.Related} related {Plural(removed.Related, "link")} from {removed.Records} {Plural(removed.Records, "record")}");
            }

            Section(output, "repeated paragraphs (records)", source.Paragraphs, source.Records);
            Section(output, "repeated images (records)", source.Images, source.Records);
            Section(output, "warnings", source.WarningKinds, null);
            if (!source.Losses.IsEmpty)
            {
                output.WriteLine("  records with loss warnings");
                foreach (var loss in source.Losses.Take(ShownPerList))
                {
                    output.WriteLine($"    {loss.Path}: {loss.Warning}");
                }

                More(output, source.Losses.Length);
            }
        }
    }

    private static void Section(TextWriter output, string title, IReadOnlyCollection<CountedText> counts, int? of)
    {
        if (counts.Count == 0)
        {
            return;
        }

        output.WriteLine($"  {title}");
        WriteCounts(output, counts, of, cut: true);
    }

    private static void WriteCounts(TextWriter output, IReadOnlyCollection<CountedText> counts, int? of, bool cut)
    {
        foreach (var count in counts.Take(ShownPerList))
        {
            var share = of is > 0 ? $" {(100.0 * count.Count / of.Value).ToString("0", CultureInfo.InvariantCulture),3}%" : string.Empty;
            output.WriteLine($"    {count.Count,6}{share}  {(cut ? Cut(count.Text) : count.Text.ReplaceLineEndings(" "))}");
        }

        More(output, counts.Count);
    }

    private static void More(TextWriter output, int count)
    {
        if (count > ShownPerList)
        {
            output.WriteLine($"    … {count - ShownPerList} more (--format json lists them)");
        }
    }

    private static string Cut(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        if (line.Length <= TextWidth)
        {
            return line;
        }

        // Never cut between the two halves of a surrogate pair.
        var cut = char.IsHighSurrogate(line[TextWidth - 1]) ? TextWidth - 1 : TextWidth;
        return line[..cut] + "…";
    }

    private static string Plural(long count, string word) => count == 1 ? word : word + "s";
}
