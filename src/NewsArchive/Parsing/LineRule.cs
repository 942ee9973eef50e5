using System.Text.RegularExpressions;

namespace NewsArchive.Parsing;

/// <summary>
/// One boilerplate rule for text: a line (or paragraph) that matches the pattern is dropped.
/// The pattern is compiled once, when the rule table is built; an empty one throws then.
/// </summary>
public sealed class LineRule
{
    private LineRule(Regex pattern, string reason)
    {
        Pattern = pattern;
        Reason = reason;
    }

    public Regex Pattern { get; }

    public string Reason { get; }

    public static LineRule Drop(string pattern, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // Compiled: rule tables are built once and matched against every line of every file.
        // Patterns are ours and anchored, so no match timeout is needed.
        return new LineRule(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled), reason);
    }

    public bool Matches(string line) => Pattern.IsMatch(line);
}
