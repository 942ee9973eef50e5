using NewsArchive.Records;

namespace NewsArchive;

/// <summary>What became of one input: a record, or the reason there is none. Never null, never thrown.</summary>
public abstract record ParseOutcome(string Path)
{
    public sealed record Parsed(ArticleRecord Record) : ParseOutcome(Record.Path);

    public sealed record Failed(string FailedPath, string Reason) : ParseOutcome(FailedPath);
}
