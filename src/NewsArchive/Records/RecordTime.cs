using System.Globalization;

namespace NewsArchive.Records;

/// <summary>
/// A publication time: its own clock time and date, and its instant when it has an offset. The same
/// type reads a record's <c>published</c> (for filters, <c>--dedupe</c>, Parquet's typed columns) and
/// a <c>--since</c> or <c>--until</c> bound. A clock time written without an offset names no instant,
/// whatever the machine's time zone.
/// </summary>
public readonly record struct RecordTime(DateTime Local, bool DateOnly, DateTimeOffset? Instant) : IComparable<RecordTime>
{
    private static readonly string[] ClockTimes = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>
    /// A record's <c>published</c>: a date alone, a timestamp with its offset, or a clock time
    /// (<c>2024-12-09T11:00:00</c>) without one, which keeps its date and clock but has no instant.
    /// </summary>
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

        if (HasOffset(published))
        {
            if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return false;
            }

            time = new RecordTime(instant.DateTime, false, instant);
            return true;
        }

        if (published.Contains('T', StringComparison.Ordinal) && DateTime.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            time = new RecordTime(clock, false, null);
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

        if (HasOffset(text))
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

    /// <summary>Whether the text ends in a UTC offset: <c>Z</c>, or <c>+hh:mm</c> / <c>-hh:mm</c> after a time.</summary>
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':');

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
