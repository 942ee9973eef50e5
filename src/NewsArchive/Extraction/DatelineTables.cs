using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// What a bracketed opening dateline may look like: the agencies it may name and the brackets it is
/// set in. The sites' own (<see cref="Site.DatelineAgencies"/>, <see cref="Site.DatelineBrackets"/>,
/// gathered by <see cref="SiteDirectory.Datelines"/>), or <see cref="Any"/> for a generic test that a
/// line is a dateline at all, whoever sent it.
/// </summary>
internal sealed class DatelineTables
{
    /// <summary>The shortest and longest agency name <see cref="Any"/> admits (<c>路透社</c>, <c>Reuters</c>).</summary>
    internal const int MinAnyLength = 2;

    internal const int MaxAnyLength = 8;

    /// <summary>Full- and half-width parentheses, the brackets a dateline is set in unless a site says otherwise.</summary>
    public static readonly ImmutableArray<(char Open, char Close)> Parentheses = [('（', '）'), ('(', ')')];

    private DatelineTables(ImmutableArray<string> agencies, ImmutableArray<(char Open, char Close)> brackets)
    {
        Agencies = agencies;
        Brackets = brackets;
    }

    /// <summary>Any agency (a run of letters before the reporters, place, day and kind), in parentheses.</summary>
    public static DatelineTables Any { get; } = new(default, Parentheses);

    /// <summary>The agencies, longest first; default for <see cref="Any"/>.</summary>
    public ImmutableArray<string> Agencies { get; }

    /// <summary>The opening and closing brackets.</summary>
    public ImmutableArray<(char Open, char Close)> Brackets { get; }

    /// <summary>Tables of these agencies, in these brackets (parentheses when none are given).</summary>
    public static DatelineTables Of(IEnumerable<string> agencies, IEnumerable<(char Open, char Close)>? brackets = null)
    {
        var pairs = brackets?.Distinct().ToImmutableArray() ?? [];
        return new(
            [.. agencies.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)],
            pairs.IsEmpty ? Parentheses : pairs);
    }
}
