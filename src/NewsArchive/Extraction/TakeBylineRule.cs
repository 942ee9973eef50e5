using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NewsArchive.Extraction;

/// <summary>
/// An author line at the top of a body: a name beside a bare time stamp (<c>&lt;i&gt;Name&lt;br&gt;2024-11-09T08:25Z&lt;/i&gt;</c>,
/// as DW posts open). The name fills <c>authors</c> instead of opening the text. Without the time stamp
/// beside it a short name-like first line could be a heading, so it is left alone.
/// </summary>
internal sealed partial class TakeBylineRule(string reason, LineRule timeStamp) : IRule
{
    public string Kind => "TakeByline";

    public string Reason { get; } = reason;

    /// <summary>The rule that recognises the time stamp the name stands beside.</summary>
    public LineRule TimeStamp { get; } = timeStamp;

    /// <summary>
    /// Reads authors from the first two paragraphs when one is a name and the other a time stamp;
    /// <paramref name="taken"/> is how many opening paragraphs the line used.
    /// </summary>
    public bool TryTake(IReadOnlyList<string> paragraphs, out ImmutableArray<string> authors, out int taken)
    {
        authors = [];
        taken = 0;
        if (paragraphs.Count < 2)
        {
            return false;
        }

        var (name, stamp) = TimeStamp.Matches(paragraphs[1]) ? (paragraphs[0], paragraphs[1]) : (paragraphs[1], paragraphs[0]);
        if (!TimeStamp.Matches(stamp) || !TryReadNames(name, out authors))
        {
            return false;
        }

        taken = 2;
        return true;
    }

    /// <summary>One to four person names: <c>郑仲岚</c>, <c>Murali Krishnan</c>, <c>王小明、李大華</c>.</summary>
    internal static bool TryReadNames(string line, out ImmutableArray<string> names)
    {
        names = [];
        var parts = NameSeparator().Split(line.Trim());
        if (parts.Length is 0 or > 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!PersonName().IsMatch(part))
            {
                return false;
            }
        }

        names = [.. parts];
        return true;
    }

    [GeneratedRegex(@"\s*(?:、|，|,|&| and )\s*")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}·．]{2,6}|[A-Z][\p{L}'’.\-]*(?: [A-Z][\p{L}'’.\-]*){1,3})$")]
    private static partial Regex PersonName();
}
