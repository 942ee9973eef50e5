using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsArchive.Extraction;

/// <summary>
/// Front-matter and page dates to ISO 8601. A timestamp keeps its offset, or is moved to the site's
/// time zone when the site has one (<see cref="Site.UtcOffset"/>: +08:00 for a Taiwanese site); a bare
/// local timestamp is taken in that zone. A date alone stays a date: no time is ever invented. Digits are ASCII or full-width
/// (<c>２０２４</c>); a date that does not exist, an offset beyond ±14:00 or an instant outside
/// years 1–9999 is unreadable (false), never an exception.
/// </summary>
internal static partial class PublishedDateParser
{
    /// <param name="value">The date as written: <c>2022-12-19T18:04:03.000Z</c>, <c>2024-11-01 11:34:03.000000000 +08:00</c>, <c>2023/08/23</c>, ...</param>
    /// <param name="zone">The site's UTC offset: a time without one is read in it, and every time is given in it. Null: as written.</param>
    /// <param name="iso">The normalised value.</param>
    /// <param name="hasOffset">False when a time was given without any offset and none could be assumed.</param>
    public static bool TryParse(string? value, TimeSpan? zone, out string iso, out bool hasOffset)
    {
        iso = string.Empty;
        hasOffset = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var match = Timestamp().Match(AsciiDigits(value.Trim()));
        if (!match.Success)
        {
            return false;
        }

        // The pattern admits ASCII digits only, so these parse.
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (!match.Groups["H"].Success)
        {
            iso = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        var hour = int.Parse(match.Groups["H"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["M"].ValueSpan, CultureInfo.InvariantCulture);
        var second = match.Groups["S"].Success ? int.Parse(match.Groups["S"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value : string.Empty;
        var ticks = 0L;
        if (fraction.Length > 0)
        {
            var seven = fraction.Length >= 7 ? fraction[..7] : fraction.PadRight(7, '0');
            ticks = long.Parse(seven, CultureInfo.InvariantCulture);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        TimeSpan offset;
        var written = match.Groups["z"].Value;
        if (written.Length == 0)
        {
            if (zone is not { } siteZone)
            {
                iso = local.ToString(FormatFor(local), CultureInfo.InvariantCulture);
                hasOffset = false;
                return true;
            }

            offset = siteZone;
        }
        else if (written is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var sign = written[0] == '-' ? -1 : 1;
            var digits = written[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
            offset = sign * new TimeSpan(hours, minutes, 0);
            if (minutes > 59 || offset.Duration() > MaxOffset)
            {
                return false;
            }
        }

        if (!InRange(local.Ticks - offset.Ticks))
        {
            // The instant falls before year 1 or after year 9999 in UTC.
            return false;
        }

        var instant = new DateTimeOffset(local, offset);
        if (zone is { } into && InRange(instant.UtcTicks + into.Ticks))
        {
            instant = instant.ToOffset(into);
        }

        iso = instant.ToString(FormatFor(instant.DateTime) + (instant.Offset == TimeSpan.Zero ? "'Z'" : "zzz"), CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The largest UTC offset a <see cref="DateTimeOffset"/> (and the world) has.</summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static bool InRange(long ticks) => ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks;

    /// <summary>Full-width digits (<c>０</c>–<c>９</c>) as ASCII; other digits stay and do not match.</summary>
    private static string AsciiDigits(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('０', '９') < 0)
        {
            return value;
        }

        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= '０' and <= '９' ? (char)('0' + (source[i] - '０')) : source[i];
            }
        });
    }

    private static string FormatFor(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?:(?:[T ]|\s+)(?<H>[0-9]{1,2}):(?<M>[0-9]{2})(?::(?<S>[0-9]{2})(?:\.(?<f>[0-9]{1,9}))?)?)?\s*(?<z>Z|z|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex Timestamp();
}
