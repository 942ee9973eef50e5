using System.Collections.Immutable;
using System.Globalization;

namespace NewsArchive.Extraction;

/// <summary>
/// When a saved page's article was published: what its head states (JSON-LD <c>datePublished</c>,
/// <c>article:published_time</c>, meta names, best first), else what it shows (a <c>&lt;time&gt;</c>
/// element, a date line under the headline). A page of a site with a time zone states its local time
/// (Taipei's for a Taiwanese page); some label it UTC (<c>18:35:00+00:00</c> beside a visible
/// <c>2023/09/04 18:35</c>): when the stated clock is the visible one but its offset says otherwise,
/// the visible local time is the record's, with a warning.
/// </summary>
internal static class PagePublished
{
    /// <param name="stated">The times the head states, best first.</param>
    /// <param name="shown">The page's visible date lines and <c>&lt;time&gt;</c> values, in document order.</param>
    /// <param name="zone">The page's time zone (its site's, or its locale's), or null: a time without an offset is read in it.</param>
    /// <param name="warning">Set when the stated time was set aside for the visible one.</param>
    public static string? Choose(ImmutableArray<string> stated, IEnumerable<string> shown, TimeSpan? zone, out string? warning)
    {
        warning = null;
        VisibleDate? visible = null;
        foreach (var line in shown)
        {
            if (VisibleDateParser.TryParse(line, out var date))
            {
                visible = date;
                break;
            }
        }

        foreach (var candidate in stated)
        {
            if (!PublishedDateParser.TryParse(candidate, zone, out var iso, out var statedOffset))
            {
                continue;
            }

            if (!statedOffset)
            {
                // A clock time with no zone names no instant: the record keeps what is known, the day.
                warning = $"the page gives the time {candidate} with no UTC offset: only its date is kept";
                iso = iso[.."yyyy-MM-dd".Length];
            }

            if (zone is { } local && visible is { Time: { } clock } seen && PublishedDateParser.TryParse(candidate, zone: null, out var asWritten, out var hasOffset)
                && hasOffset && DateTimeOffset.TryParse(asWritten, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                && instant.Offset != local
                && DateOnly.FromDateTime(instant.DateTime) == seen.Date && TimeOnly.FromDateTime(instant.DateTime) is var statedClock
                && statedClock.Hour == clock.Hour && statedClock.Minute == clock.Minute)
            {
                var shownIso = (seen with { Offset = local }).ToIso();
                warning = $"the page states {candidate} but shows {seen.Date:yyyy-MM-dd} {clock:HH:mm}, local time ({Offset(local)}): the time shown was taken";
                return shownIso;
            }

            if (visible is { Time: not null } precise && (zone is not null || precise.Offset is not null) && iso.Length == "yyyy-MM-dd".Length
                && DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var day) && day == precise.Date)
            {
                // The head gives the day, the page the minute it shows: the same day, more precisely.
                return (zone is { } preciseZone && precise.Offset is null ? precise with { Offset = preciseZone } : precise).ToIso();
            }

            return iso;
        }

        if (visible is not { } found)
        {
            return null;
        }

        if (found.Time is not null && found.Offset is null)
        {
            if (zone is { } foundZone)
            {
                return (found with { Offset = foundZone }).ToIso();
            }

            warning = $"the page shows the time {found.Time:HH:mm} with no UTC offset: only its date is kept";
            return (found with { Time = null }).ToIso();
        }

        return found.ToIso();
    }

    /// <summary>An offset as ISO 8601 writes it: <c>+08:00</c>.</summary>
    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
