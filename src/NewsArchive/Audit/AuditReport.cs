using System.Collections.Immutable;

namespace NewsArchive.Audit;

/// <summary>What an audit of an archive found (<see cref="ArchiveAudit"/>).</summary>
internal sealed record AuditReport(
    int Files,
    int Records,
    int Errors,
    ImmutableArray<CountedText> ErrorKinds,
    ImmutableArray<SourceAudit> Sources)
{
    /// <summary>Pages read from web archives (each also counted in <see cref="Records"/> or <see cref="Errors"/>, none in <see cref="Files"/>).</summary>
    public int Archived { get; init; }

    /// <summary>Revisit records of web archives: counted, no record.</summary>
    public int Revisits { get; init; }
}

/// <summary>One source's share of an archive: its records and what repeats across them.</summary>
/// <param name="Source">The site code (<c>cna</c>, <c>udn</c>, ...).</param>
/// <param name="Records">Records of this source.</param>
/// <param name="WarningKinds">Warnings by kind (numbers and quoted values folded), most frequent first.</param>
/// <param name="Paragraphs">Paragraphs found in two or more records, most frequent first: text a template adds.</param>
/// <param name="Images">Images (URL, or caption without one) found in two or more records.</param>
/// <param name="Losses">Records whose warnings say text was lost: a rule removed much of the body, or none was found.</param>
/// <param name="Rules">The rules that fired on this source's records, most records first.</param>
/// <param name="Template">The template learned from the archive for this source: what it takes out.</param>
/// <param name="TemplateRemoved">What it took out of this source's records, counted over them.</param>
internal sealed record SourceAudit(
    string Source,
    int Records,
    ImmutableArray<CountedText> WarningKinds,
    ImmutableArray<CountedText> Paragraphs,
    ImmutableArray<CountedText> Images,
    ImmutableArray<LossRecord> Losses,
    ImmutableArray<RuleUse> Rules,
    Extraction.SourceTemplate Template,
    Extraction.TemplateTotals TemplateRemoved);

/// <summary>A text and how many records (or errors) hold it.</summary>
internal sealed record CountedText(string Text, int Count);

internal sealed record LossRecord(string Path, string Warning);

/// <summary>How one rule fared on a source: records it fired on, times fired, what it removed.</summary>
internal sealed record RuleUse(string Kind, string Reason, int Records, int Hits, int RemovedParagraphs, int RemovedChars);
