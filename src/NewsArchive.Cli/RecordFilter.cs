using System.Collections.Immutable;
using System.Globalization;
using NewsArchive.Detection;
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

/// <summary>
/// A publication time: its own clock time and date, and its instant when it has an offset. The same
/// type reads a record's <c>published</c> and a <c>--since</c> or <c>--until</c> bound.
/// </summary>
public readonly record struct RecordTime(DateTime Local, bool DateOnly, DateTimeOffset? Instant) : IComparable<RecordTime>
{
    private static readonly string[] ClockTimes = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A record's <c>published</c>: a date alone, or a timestamp with its offset.</summary>
    public static bool TryParse(string? published, out RecordTime time)
    {
        time = default;
        if (string.IsNullOrEmpty(published))
        {
            return false;
        }

        if (TryParseDate(published, out time))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            time = new RecordTime(instant.DateTime, false, instant);
            return true;
        }

        return false;
    }

    /// <summary>A bound as a user writes it: a date, a clock time without offset, or a time with one.</summary>
    public static bool TryParseBound(string text, out RecordTime bound)
    {
        text = text.Trim();
        if (TryParseDate(text, out bound))
        {
            return true;
        }

        var hasOffset = text.EndsWith('Z') || text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':';
        if (hasOffset)
        {
            return TryParse(text, out bound) && bound.Instant is not null;
        }

        if (DateTime.TryParseExact(text, ClockTimes, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            bound = new RecordTime(local, false, null);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Instants when both have one; a date on either side compares days (a record of a bound's day
    /// is in it); otherwise clock times.
    /// </summary>
    public int CompareTo(RecordTime other)
    {
        if (Instant is { } a && other.Instant is { } b)
        {
            return a.CompareTo(b);
        }

        return DateOnly || other.DateOnly ? Local.Date.CompareTo(other.Local.Date) : Local.CompareTo(other.Local);
    }

    /// <summary>As <see cref="CompareTo(RecordTime)"/>, and a time is later than no time at all.</summary>
    public static int Compare(RecordTime? a, RecordTime? b) =>
        a is { } x && b is { } y ? x.CompareTo(y) : (a is null ? 0 : 1) - (b is null ? 0 : 1);

    private static bool TryParseDate(string text, out RecordTime time)
    {
        time = default;
        if (text.Length != 10 || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        time = new RecordTime(date, true, null);
        return true;
    }
}
