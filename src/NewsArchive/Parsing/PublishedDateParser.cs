using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsArchive.Parsing;

/// <summary>
/// Front-matter and page dates to ISO 8601. A timestamp keeps its offset, or is moved to Taipei time
/// (+08:00) when the source is Taiwanese; a bare local timestamp from a Taiwanese source is taken as
/// Taipei time. A date alone stays a date: no time is ever invented.
/// </summary>
public static partial class PublishedDateParser
{
    public static readonly TimeSpan TaipeiOffset = TimeSpan.FromHours(8);

    /// <param name="value">The date as written: <c>2022-12-19T18:04:03.000Z</c>, <c>2024-11-01 11:34:03.000000000 +08:00</c>, <c>2023/08/23</c>, ...</param>
    /// <param name="preferTaipei">Convert to +08:00 (the source is Taiwanese).</param>
    /// <param name="iso">The normalised value.</param>
    /// <param name="hasOffset">False when a time was given without any offset and none could be assumed.</param>
    public static bool TryParse(string? value, bool preferTaipei, out string iso, out bool hasOffset)
    {
        iso = string.Empty;
        hasOffset = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var match = Timestamp().Match(value.Trim());
        if (!match.Success)
        {
            return false;
        }

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
        var zone = match.Groups["z"].Value;
        if (zone.Length == 0)
        {
            if (!preferTaipei)
            {
                iso = local.ToString(FormatFor(local), CultureInfo.InvariantCulture);
                hasOffset = false;
                return true;
            }

            offset = TaipeiOffset;
        }
        else if (zone is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = sign * new TimeSpan(hours, minutes, 0);
        }

        var instant = new DateTimeOffset(local, offset);
        if (preferTaipei)
        {
            instant = instant.ToOffset(TaipeiOffset);
        }

        iso = instant.ToString(FormatFor(instant.DateTime) + (instant.Offset == TimeSpan.Zero ? "'Z'" : "zzz"), CultureInfo.InvariantCulture);
        return true;
    }

    private static string FormatFor(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?:(?:[T ]|\s+)(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2})(?:\.(?<f>\d{1,9}))?)?)?\s*(?<z>Z|z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex Timestamp();
}
