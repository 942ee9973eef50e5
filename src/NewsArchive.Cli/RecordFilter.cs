using System.Collections.Immutable;
using NewsArchive.Records;

namespace NewsArchive.Cli;

/// <summary>
/// Which parsed records a run writes (<c>--source</c>, <c>--since</c>, <c>--until</c>). Times are
/// compared in each record's own offset: <c>--since 2024-11-01</c> keeps a record published on
/// 1 November or later by its own clock (Taipei time for Taiwanese sources), and <c>--until</c>
/// with a date alone takes in that whole day. A bound with an offset compares instants. A record
/// without a publication time is not kept when a time bound is given.
/// </summary>
public sealed record RecordFilter
{
    public static readonly RecordFilter None = new();

    public ImmutableHashSet<string> Sources { get; init; } = [];

    public RecordTime? Since { get; init; }

    public RecordTime? Until { get; init; }

    public bool IsActive => !Sources.IsEmpty || Since is not null || Until is not null;

    /// <summary>
    /// False only when what a format read before the body already shows that <see cref="Keeps"/>
    /// would refuse the record: the header's fields are the record's own, so the two never disagree.
    /// </summary>
    public bool MayKeep(ArticleHeader header)
    {
        if (!Sources.IsEmpty && header.Source is { } source && !Sources.Contains(source))
        {
            return false;
        }

        return (Since is null && Until is null) || !header.PublishedKnown || KeepsTime(header.Published);
    }

    public bool Keeps(ArticleRecord record) => (Sources.IsEmpty || Sources.Contains(record.Source)) && KeepsTime(record.Published);

    private bool KeepsTime(string? publishedValue)
    {
        if (Since is null && Until is null)
        {
            return true;
        }

        if (!RecordTime.TryParse(publishedValue, out var published))
        {
            return false;
        }

        return (Since is null || Since.Value.CompareTo(published) <= 0) && (Until is null || Until.Value.CompareTo(published) >= 0);
    }
}
