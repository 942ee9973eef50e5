using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// The agencies a bracketed opening dateline may name: the sites' own (<see cref="Site.DatelineAgencies"/>,
/// gathered by <see cref="SiteDirectory.DatelineAgencies"/>), or <see cref="Any"/> for a generic test
/// that a line is a dateline at all, whoever sent it.
/// </summary>
internal sealed class DatelineAgencies
{
    /// <summary>The shortest and longest agency name <see cref="Any"/> admits (<c>路透社</c>, <c>Reuters</c>).</summary>
    internal const int MinAnyLength = 2;

    internal const int MaxAnyLength = 8;

    private DatelineAgencies(ImmutableArray<string> names) => Names = names;

    /// <summary>Any agency: a run of letters before the reporters, place, day and kind.</summary>
    public static DatelineAgencies Any { get; } = new(default);

    /// <summary>The names, longest first; default for <see cref="Any"/>.</summary>
    public ImmutableArray<string> Names { get; }

    public static DatelineAgencies Of(IEnumerable<string> names) =>
        new([.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)]);
}
