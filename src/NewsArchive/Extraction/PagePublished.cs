using System.Collections.Immutable;
using System.Globalization;

namespace NewsArchive.Extraction;

/// <summary>
/// When a saved page's article was published: what its head states (JSON-LD <c>datePublished</c>,
/// <c>article:published_time</c>, meta names, best first), else what it shows (a <c>&lt;time&gt;</c>
/// element, a date line under the headline). A Taiwanese page states Taipei time; some label it UTC
/// (<c>18:35:00+00:00</c> beside a visible <c>2023/09/04 18:35</c>): when the stated clock is the
/// visible one but its offset says otherwise, the visible Taipei time is the record's, with a warning.
/// </summary>
internal static class PagePublished
{
    /// <param name="stated">The times the head states, best first.</param>
    /// <param name="shown">The page's visible date lines and <c>&lt;time&gt;</c> values, in document order.</param>
    /// <param name="taiwanese">The page is a Taiwanese site's: a time without an offset is Taipei time.</param>
    /// <param name="warning">Set when the stated time was set aside for the visible one.</param>
    public static string? Choose(ImmutableArray<string> stated, IEnumerable<string> shown, bool taiwanese, out string? warning)
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
            if (!PublishedDateParser.TryParse(candidate, taiwanese, out var iso, out var statedOffset))
            {
                continue;
            }

            if (!statedOffset)
            {
                // A clock time with no zone names no instant: the record keeps what is known, the day.
                warning = $"the page gives the time {candidate} with no UTC offset: only its date is kept";
                iso = iso[.."yyyy-MM-dd".Length];
            }

            if (taiwanese && visible is { Time: { } clock } seen && PublishedDateParser.TryParse(candidate, preferTaipei: false, out var asWritten, out var hasOffset)
                && hasOffset && DateTimeOffset.TryParse(asWritten, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                && instant.Offset != PublishedDateParser.TaipeiOffset
                && DateOnly.FromDateTime(instant.DateTime) == seen.Date && TimeOnly.FromDateTime(instant.DateTime) is var statedClock
                && statedClock.Hour == clock.Hour && statedClock.Minute == clock.Minute)
            {
                var shownIso = (seen with { Offset = PublishedDateParser.TaipeiOffset }).ToIso();
                warning = $"the page states {candidate} but shows {seen.Date:yyyy-MM-dd} {clock:HH:mm}, Taipei time: the time shown was taken";
                return shownIso;
            }

            if (visible is { Time: not null } precise && (taiwanese || precise.Offset is not null) && iso.Length == "yyyy-MM-dd".Length
                && DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var day) && day == precise.Date)
            {
                // The head gives the day, the page the minute it shows: the same day, more precisely.
                return (taiwanese && precise.Offset is null ? precise with { Offset = PublishedDateParser.TaipeiOffset } : precise).ToIso();
            }

            return iso;
        }

        if (visible is not { } found)
        {
            return null;
        }

        if (found.Time is not null && found.Offset is null)
        {
            if (taiwanese)
            {
                return (found with { Offset = PublishedDateParser.TaipeiOffset }).ToIso();
            }

            warning = $"the page shows the time {found.Time:HH:mm} with no UTC offset: only its date is kept";
            return (found with { Time = null }).ToIso();
        }

        return found.ToIso();
    }
}
