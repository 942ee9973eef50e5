using System.Collections.Immutable;
using NewsArchive.Extraction;
using NewsArchive.Records;

namespace NewsArchive;

/// <summary>What became of one input: a record, or the reason there is none. Never null, never thrown.</summary>
public abstract record ParseOutcome(string Path)
{
    public sealed record Parsed(ArticleRecord Record) : ParseOutcome(Record.Path)
    {
        /// <summary>The rules that fired on this input and what each removed (for audits and rule coverage).</summary>
        internal ImmutableArray<RuleHit> RuleHits { get; init; } = [];
    }

    public sealed record Failed(string FailedPath, string Reason) : ParseOutcome(FailedPath);

    /// <summary>
    /// Left out before its body was read, because its header showed that the caller does not want it
    /// (only from <see cref="ArchiveParser.Parse(InputFile, Func{ArticleHeader, bool})"/>).
    /// </summary>
    public sealed record Skipped(string SkippedPath, string Format) : ParseOutcome(SkippedPath);
}
