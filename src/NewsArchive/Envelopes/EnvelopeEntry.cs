namespace NewsArchive.Envelopes;

/// <summary>What an envelope holds, one entry at a time, in the order of the file.</summary>
/// <param name="Member">Where the entry sits in its file (<see cref="Records.ArticleRecord.Member"/>).</param>
public abstract record EnvelopeEntry(string Member)
{
    /// <summary>A page to parse: its bytes and what the envelope says of it.</summary>
    public sealed record Item(InputFile Input) : EnvelopeEntry(Input.Member!);

    /// <summary>A record that cannot be read (damaged, truncated, too large): an error for that record alone.</summary>
    public sealed record Failed(string FailedMember, string Reason) : EnvelopeEntry(FailedMember);

    /// <summary>A <c>revisit</c> record: the page was fetched again and found unchanged, so it holds no page of its own.</summary>
    public sealed record Revisit(string RevisitMember, string? TargetUri) : EnvelopeEntry(RevisitMember);

    /// <summary>A page left out by <see cref="EnvelopeOptions.KeepTarget"/> before it was decoded.</summary>
    public sealed record Filtered(string FilteredMember, string TargetUri) : EnvelopeEntry(FilteredMember);
}

/// <summary>How envelopes are read.</summary>
public sealed record EnvelopeOptions
{
    public static readonly EnvelopeOptions Default = new();

    /// <summary>The largest record block (and decoded page) kept; a larger one is an error for that record.</summary>
    public long MaxRecordBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// When given, a page whose target URI it refuses is <see cref="EnvelopeEntry.Filtered"/> before
    /// its HTTP body is decoded (<c>--source</c> decides by the host).
    /// </summary>
    public Func<string, bool>? KeepTarget { get; init; }
}
