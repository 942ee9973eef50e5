using System.Globalization;
using System.Text.RegularExpressions;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>A date a page shows its reader: the date, the clock time when it gives one, the offset when it names a zone.</summary>
internal readonly record struct VisibleDate(DateOnly Date, TimeOnly? Time, TimeSpan? Offset)
{
    /// <summary>ISO 8601: a date alone, a clock time without an offset, or an instant.</summary>
    public string ToIso()
    {
        if (Time is not { } time)
        {
            return Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var local = Date.ToDateTime(time);
        if (Offset is not { } offset)
        {
            return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        var instant = new DateTimeOffset(local, offset);
        return instant.ToString(offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Reads the date line a page shows near its headline: <c>2013/06/29 22:54:00</c>, <c>2014-03-19 18:58</c>,
/// <c>2014.03.08 03:12 am</c>, <c>2014年04月04日</c>, <c>2023年9月4日 下午6:35</c>, <c>民國103年4月4日</c> and
/// <c>103年4月4日</c> (the Republic of China's years), <c>發布時間：…</c>, <c>November 18, 2019 | 4:10pm</c>,
/// <c>18 November 2019</c>, <c>Published 4:00 am CST, Wednesday, November 20, 2019</c>. The first date in
/// the line is read, with the clock time next to it; a line that says it was updated is not a
/// publication date. Dates that do not exist are not read.
/// </summary>
internal static partial class VisibleDateParser
{
    /// <summary>A date line is at most this long; a paragraph of text that mentions a date is not one.</summary>
    public const int MaxLineLength = 120;

    private static readonly string[] Months =
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];

    /// <summary>US time zones as datelines write them; an unknown abbreviation leaves the clock without an offset.</summary>
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["CET"] = 1,
        ["CEST"] = 2,
        ["BST"] = 1,
        ["JST"] = 9,
        ["KST"] = 9,
        ["HKT"] = 8,
    };

    public static bool TryParse(string? line, out VisibleDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(line) || line.Length > MaxLineLength || UpdatedLabel().IsMatch(line))
        {
            return false;
        }

        var text = TextNormalizer.Normalize(line);
        return TryNumeric(text, out date) || TryCjk(text, out date) || TryEnglish(text, out date);
    }

    /// <summary><c>2013/06/29 22:54:00</c>, <c>2014-03-19 18:58</c>, <c>2014.03.08 03:12 am</c>.</summary>
    private static bool TryNumeric(string text, out VisibleDate date)
    {
        date = default;
        var match = NumericDate().Match(text);
        return match.Success
            && TryDate(Number(match, "y"), Number(match, "m"), Number(match, "d"), out var day)
            && TryClock(match, day, text[(match.Index + match.Length)..], out date);
    }

    /// <summary><c>2014年04月04日</c>, <c>民國103年4月4日</c>, <c>2023年9月4日 下午6:35</c>.</summary>
    private static bool TryCjk(string text, out VisibleDate date)
    {
        date = default;
        var match = CjkDate().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = Number(match, "y");
        if (year is >= 1 and < 1000)
        {
            // 民國 years: 103 is 2014.
            year += 1911;
        }

        return TryDate(year, Number(match, "m"), Number(match, "d"), out var day) && TryClock(match, day, text[(match.Index + match.Length)..], out date);
    }

    /// <summary><c>November 18, 2019</c>, <c>Nov. 18, 2019 4:10pm</c>, <c>18 November 2019</c>, with a clock before or after.</summary>
    private static bool TryEnglish(string text, out VisibleDate date)
    {
        date = default;
        var match = EnglishDate().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var monthName = (match.Groups["month"].Success ? match.Groups["month"].Value : match.Groups["month2"].Value)[..3].ToLowerInvariant();
        var month = Array.IndexOf(Months, monthName) + 1;
        var dayNumber = Number(match, match.Groups["d"].Success ? "d" : "d2");
        if (!TryDate(Number(match, "y"), month, dayNumber, out var day))
        {
            return false;
        }

        // The clock may stand after the date (| 4:10pm) or before it (Published 4:00 am CST, Wednesday, ...).
        var after = text[(match.Index + match.Length)..];
        if (TryClock(match, day, after, out date) && date.Time is not null)
        {
            return true;
        }

        return TryClock(match, day, text[..match.Index], out date);
    }

    private static bool TryClock(Match dateMatch, DateOnly day, string rest, out VisibleDate date)
    {
        date = new VisibleDate(day, null, null);
        var clock = Clock().Match(rest);
        if (!clock.Success || clock.Index > 24)
        {
            return true;
        }

        var hour = Number(clock, "H");
        var minute = Number(clock, "M");
        var second = clock.Groups["S"].Success ? Number(clock, "S") : 0;
        var meridiem = clock.Groups["ampm"].Value.ToLowerInvariant().Replace(".", string.Empty, StringComparison.Ordinal);
        var cjkMeridiem = clock.Groups["cjk"].Value;
        if (meridiem == "pm" || cjkMeridiem is "下午" or "晚上")
        {
            hour = hour == 12 ? 12 : hour + 12;
        }
        else if ((meridiem == "am" || cjkMeridiem is "上午" or "凌晨") && hour == 12)
        {
            hour = 0;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return true;
        }

        TimeSpan? offset = clock.Groups["zone"].Success && Zones.TryGetValue(clock.Groups["zone"].Value, out var hours) ? TimeSpan.FromHours(hours) : null;
        _ = dateMatch;
        date = new VisibleDate(day, new TimeOnly(hour, minute, second), offset);
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(Match match, string group) =>
        int.Parse(ToAscii(match.Groups[group].ValueSpan), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string ToAscii(ReadOnlySpan<char> digits)
    {
        Span<char> ascii = stackalloc char[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            ascii[i] = digits[i] is >= '０' and <= '９' ? (char)('0' + (digits[i] - '０')) : digits[i];
        }

        return new string(ascii);
    }

    [GeneratedRegex(@"(?:^|[^0-9０-９])(?<y>[12][0-9]{3})[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?![0-9])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:民國|民国)?\s*(?<y>[0-9０-９]{3,4})\s*年\s*(?<m>[0-9０-９]{1,2})\s*月\s*(?<d>[0-9０-９]{1,2})\s*日")]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"\b(?:(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>[12][0-9]{3})|(?<d2>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?<month2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?<y>[12][0-9]{3}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(?<cjk>上午|下午|晚上|凌晨)?\s*(?<H>[0-9]{1,2})\s*[:：時时]\s*(?<M>[0-9]{2})(?:\s*[:：分]\s*(?<S>[0-9]{2}))?\s*(?<ampm>[ap]\.?m\.?)?(?:\s+(?<zone>[A-Z]{1,4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^\W{0,3}(?:更新|最後更新|最后更新|修改|Updated|UPDATED|Last updated|Modified)", RegexOptions.IgnoreCase)]
    private static partial Regex UpdatedLabel();
}
