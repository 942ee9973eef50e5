using System.Collections.Immutable;
using NewsArchive.Decoding;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>What a dateline or byline says: who sent the story, from where, on which day, how.</summary>
internal sealed record ParsedDateline(string? Agency, ImmutableArray<string> Authors, Dateline Dateline)
{
    /// <summary>Where the bracketed dateline ends in the paragraph it opens: the index after its closing bracket.</summary>
    public int End { get; init; }
}

/// <summary>
/// Parses datelines: an agency's opening <c>（中央社記者廖禹揚首爾13日專電）</c> in half- or full-width brackets
/// (the agencies and brackets are the sites' tables, <see cref="DatelineTables"/>),
/// and the place/day/kind run that ends a UDN byline (<c>基輔22日專電</c>, <c>台北即時報導</c>).
/// Reporters come first (<c>記者</c>, several joined by <c>、</c>), then the place, the day
/// (<c>13日</c>, before or after the place, <c>28</c> with no 日 as in <c>台北28電</c>, or absent as in
/// <c>特稿</c>) and the kind of dispatch.
/// </summary>
internal static class DatelineParser
{
    /// <summary>Dispatch kinds (<see cref="NewsRoles.DispatchKinds"/>), longest first.</summary>
    private static readonly ImmutableArray<string> Kinds = NewsRoles.DispatchKinds;

    /// <summary>Role words that introduce a reporter's name in a dateline or byline (<see cref="NewsRoles"/>).</summary>
    private static readonly ImmutableArray<string> ReporterRoles = NewsRoles.BylineRoles;

    private const int MaxBracketLength = 80;

    /// <summary>
    /// Parses a paragraph that opens with a bracketed dateline of one of the agencies of
    /// <paramref name="datelines"/>, in one of its brackets, such as <c>（中央社明斯克19日綜合外電報導）</c>.
    /// </summary>
    public static bool TryParseOpening(string paragraph, DatelineTables datelines, out ParsedDateline parsed)
    {
        parsed = null!;
        if (!TryOpenBracket(paragraph, datelines, out var inner, out var end))
        {
            return false;
        }

        if (datelines.Agencies.IsDefault)
        {
            // Any agency: a run of letters, then reporters, place, day and kind.
            for (var length = 1; length < DatelineTables.MinAnyLength && length <= inner.Length; length++)
            {
                if (!char.IsLetter(inner[length - 1]))
                {
                    return false;
                }
            }

            for (var length = DatelineTables.MinAnyLength; length <= Math.Min(DatelineTables.MaxAnyLength, inner.Length - 1); length++)
            {
                if (!char.IsLetter(inner[length - 1]))
                {
                    break;
                }

                if (TryParseCore(inner[length..], out var anyAuthors, out var anyDateline))
                {
                    parsed = new ParsedDateline(inner[..length], anyAuthors, anyDateline) { End = end };
                    return true;
                }
            }

            return false;
        }

        foreach (var agency in datelines.Agencies)
        {
            if (inner.StartsWith(agency, StringComparison.Ordinal)
                && TryParseCore(inner[agency.Length..], out var authors, out var dateline))
            {
                parsed = new ParsedDateline(agency, authors, dateline) { End = end };
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text inside a bracket of the tables that opens the paragraph and closes (with any of the
    /// tables' closing brackets) within <see cref="MaxBracketLength"/>; <paramref name="end"/> is the
    /// index in the paragraph after the closing bracket.
    /// </summary>
    private static bool TryOpenBracket(string paragraph, DatelineTables datelines, out string inner, out int end)
    {
        inner = string.Empty;
        end = 0;
        var start = paragraph.Length - paragraph.AsSpan().TrimStart().Length;
        var text = paragraph.AsSpan(start);
        if (text.IsEmpty || !Opens(datelines, text[0]))
        {
            return false;
        }

        var window = text[..Math.Min(text.Length, MaxBracketLength)];
        var close = -1;
        for (var i = 1; i < window.Length && close < 0; i++)
        {
            foreach (var pair in datelines.Brackets)
            {
                if (window[i] == pair.Close)
                {
                    close = i;
                    break;
                }
            }
        }

        if (close < 0)
        {
            return false;
        }

        inner = TextNormalizer.TrimAll(text[1..close]).ToString();
        end = start + close + 1;
        return true;
    }

    private static bool Opens(DatelineTables datelines, char c)
    {
        foreach (var pair in datelines.Brackets)
        {
            if (pair.Open == c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses reporters, place, day and kind with no agency: <c>記者廖禹揚首爾13日專電</c>,
    /// <c>基輔22日專電</c>, <c>台北即時報導</c>, <c>綜合報導</c>. The run must end with a dispatch kind.
    /// </summary>
    public static bool TryParseCore(string core, out ImmutableArray<string> authors, out Dateline dateline)
    {
        authors = [];
        dateline = null!;
        core = TextNormalizer.TrimAll(core).ToString().Trim('／', '/', ' ');
        if (core.Length == 0 || core.Length > MaxBracketLength)
        {
            return false;
        }

        string? kind = null;
        foreach (var candidate in Kinds)
        {
            if (core.EndsWith(candidate, StringComparison.Ordinal))
            {
                kind = candidate;
                core = core[..^candidate.Length];
                break;
            }
        }

        if (kind is null)
        {
            return false;
        }

        int? day = null;
        var before = core;
        var after = string.Empty;
        if (TryFindDay(core, out var dayStart, out var dayEnd, out var dayValue))
        {
            day = dayValue;
            before = core[..dayStart];
            after = core[dayEnd..];
        }
        else if (TryFindTrailingDay(core, out dayStart, out dayValue))
        {
            day = dayValue;
            before = core[..dayStart];
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var places = new List<string>();
        SplitReportersAndPlaces(before, names, places);
        if (after.Length > 0)
        {
            places.Add(after);
        }

        var location = places.Count == 0 ? null : string.Join("、", places.Where(p => p.Length > 0));
        if (string.IsNullOrEmpty(location))
        {
            location = null;
        }

        // Only CJK text, digits and the joiners may remain; anything else was not a dateline.
        if (location is not null && (!IsPlaceText(location) || !location.Any(char.IsLetter)))
        {
            return false;
        }

        authors = names.ToImmutable();
        dateline = new Dateline(location, day, kind);
        return true;
    }

    /// <summary>
    /// Reads a run of reporters with no place after them: <c>記者沈能元</c>, <c>編譯茅毅、記者謝守真</c>.
    /// The run must open with a role word.
    /// </summary>
    public static bool TryParseReporters(string text, out ImmutableArray<string> names)
    {
        names = [];
        if (!ReporterRoles.Any(r => text.StartsWith(r, StringComparison.Ordinal)))
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var raw in text.Split(['、', '，', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var role = ReporterRoles.FirstOrDefault(r => raw.StartsWith(r, StringComparison.Ordinal));
            var name = role is null ? raw : raw[role.Length..].Trim();
            if (name.Length is < 2 or > 6 || !IsPlaceText(name))
            {
                return false;
            }

            builder.Add(name);
        }

        names = builder.ToImmutable();
        return names.Length > 0;
    }

    /// <summary>
    /// Splits <c>記者陳家倫、李晏甄台北</c> into names and places. Each <c>、</c>-separated part may be a name,
    /// a name followed by a place, or (without a role word) a place.
    /// </summary>
    internal static void SplitReportersAndPlaces(string text, ImmutableArray<string>.Builder names, List<string> places)
    {
        if (text.Length == 0)
        {
            return;
        }

        var parts = text.Split(['、', '，', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var inReporters = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var role = ReporterRoles.FirstOrDefault(r => part.StartsWith(r, StringComparison.Ordinal));
            if (role is not null)
            {
                inReporters = true;
                part = part[role.Length..].Trim();
            }

            if (!inReporters)
            {
                places.Add(part);
                continue;
            }

            var isLast = i == parts.Length - 1;
            var nextStartsWithRole = !isLast && ReporterRoles.Any(r => parts[i + 1].StartsWith(r, StringComparison.Ordinal));
            var (name, place) = SplitNameAndPlace(part, expectPlace: isLast || nextStartsWithRole);
            if (name.Length > 0)
            {
                names.Add(name);
            }

            if (place.Length > 0)
            {
                places.Add(place);
            }
        }
    }

    /// <summary>
    /// <c>廖禹揚首爾</c> to (<c>廖禹揚</c>, <c>首爾</c>). A known place decides; otherwise a three-character
    /// name is assumed, or two when that would leave a one-character place.
    /// </summary>
    internal static (string Name, string Place) SplitNameAndPlace(string text, bool expectPlace)
    {
        if (!expectPlace && text.Length <= 4)
        {
            return (text, string.Empty);
        }

        foreach (var nameLength in (ReadOnlySpan<int>)[3, 2, 4])
        {
            if (text.Length > nameLength && DatelinePlaces.Known.Contains(text[nameLength..]))
            {
                return (text[..nameLength], text[nameLength..]);
            }
        }

        if (!expectPlace || text.Length <= 3)
        {
            return (text, string.Empty);
        }

        return text.Length == 4 ? (text[..2], text[2..]) : (text[..3], text[3..]);
    }

    private static bool TryFindDay(string text, out int start, out int end, out int day)
    {
        start = end = day = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '日' || i == 0)
            {
                continue;
            }

            var j = i;
            var value = 0;
            var scale = 1;
            while (j > 0 && DigitValue(text[j - 1]) is { } digit && i - j < 2)
            {
                value += digit * scale;
                scale *= 10;
                j--;
            }

            if (j < i && value is >= 1 and <= 31)
            {
                start = j;
                end = i + 1;
                day = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>A day written without 日 right before the kind: the <c>28</c> of <c>台北28電</c>.</summary>
    private static bool TryFindTrailingDay(string core, out int start, out int day)
    {
        start = core.Length;
        day = 0;
        var value = 0;
        var scale = 1;
        while (start > 0 && core.Length - start < 2 && DigitValue(core[start - 1]) is { } digit)
        {
            value += digit * scale;
            scale *= 10;
            start--;
        }

        // The digits must follow a place: a bare number is not a dateline, nor a run of three digits.
        if (start == core.Length || start == 0 || DigitValue(core[start - 1]) is not null || value is < 1 or > 31)
        {
            start = core.Length;
            return false;
        }

        day = value;
        return true;
    }

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => null,
    };

    private static bool IsPlaceText(string text)
    {
        foreach (var c in text)
        {
            var ok = c >= 0x3400 || char.IsAsciiLetterOrDigit(c) || c is '、' or '／' or '/' or ' ' or '．' or '·' or '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
