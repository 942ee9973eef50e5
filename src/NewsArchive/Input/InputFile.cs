using System.Collections.Immutable;

namespace NewsArchive;

/// <summary>
/// The raw bytes of one input and the path the user named it by (<c>-</c> for standard input): a
/// plain file, or one item of a file that holds many (a WARC record), with what its envelope says
/// about it.
/// </summary>
public sealed record InputFile(string Path, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Where the item sits in its file (<see cref="Records.ArticleRecord.Member"/>); null for a plain file.</summary>
    public string? Member { get; init; }

    /// <summary>The charset the transport declared (an HTTP Content-Type's), or null.</summary>
    public string? Charset { get; init; }

    /// <summary>The URL the item was fetched from (a WARC record's target URI), or null.</summary>
    public string? TargetUri { get; init; }

    /// <summary>When the item was captured, ISO 8601 UTC, or null.</summary>
    public string? Fetched { get; init; }

    /// <summary>What the envelope had to repair or leave out on the way (a chunked body cut short), for the record's warnings.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>How the item is named in an error line: <c>FILE#MEMBER</c>, or the path for a plain file.</summary>
    public string DisplayName => Member is null ? Path : $"{Path}#{Member}";
}
