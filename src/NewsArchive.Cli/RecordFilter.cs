using System.Collections.Immutable;
using System.Globalization;
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

    public TimeBound? Since { get; init; }

    public TimeBound? Until { get; init; }

    public bool IsActive => !Sources.IsEmpty || Since is not null || Until is not null;

    public bool Keeps(ArticleRecord record)
    {
        if (!Sources.IsEmpty && !Sources.Contains(record.Source))
        {
            return false;
        }

        if (Since is null && Until is null)
        {
            return true;
        }

        if (!RecordTime.TryParse(record.Published, out var published))
        {
            return false;
        }

        return (Since is null || Since.Value.Compare(published) <= 0) && (Until is null || Until.Value.Compare(published) >= 0);
    }
}

/// <summary>A record's publication time: its own clock time and date, and its instant when it has one.</summary>
public readonly record struct RecordTime(DateTime Local, bool DateOnly, DateTimeOffset? Instant)
{
    public static bool TryParse(string? published, out RecordTime time)
    {
        time = default;
        if (string.IsNullOrEmpty(published))
        {
            return false;
        }

        if (published.Length == 10 && DateTime.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = new RecordTime(date, true, null);
            return true;
        }

        if (DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            time = new RecordTime(instant.DateTime, false, instant);
            return true;
        }

        return false;
    }
}

/// <summary>
/// A <c>--since</c> or <c>--until</c> bound: a date (a whole day by the record's clock), a local
/// time (by the record's clock), or a time with an offset (an instant).
/// </summary>
public readonly record struct TimeBound(DateTime Local, bool DateOnly, DateTimeOffset? Instant)
{
    public static bool TryParse(string text, out TimeBound bound)
    {
        bound = default;
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bound = new TimeBound(date, true, null);
            return true;
        }

        var hasOffset = text.EndsWith('Z') || text.Length > 19 && (text[^6] is '+' or '-') && text[^3] == ':';
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            bound = new TimeBound(instant.DateTime, false, instant);
            return true;
        }

        if (!hasOffset && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            bound = new TimeBound(local, false, null);
            return true;
        }

        return false;
    }

    /// <summary>How the bound compares with a record's time: negative when the record is later, zero on the bound's day for a date.</summary>
    public int Compare(RecordTime record)
    {
        if (Instant is { } instant && record.Instant is { } at)
        {
            return instant.CompareTo(at);
        }

        // A date on either side compares dates: a record of the bound's day is in.
        return DateOnly || record.DateOnly ? Local.Date.CompareTo(record.Local.Date) : Local.CompareTo(record.Local);
    }
}
