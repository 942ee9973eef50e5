using System.Text.RegularExpressions;
using NewsArchive.Rules;

namespace NewsArchive.Parsing;

/// <summary>
/// One entry of a text rule table: a line (of a text dump) or a paragraph (of an HTML body) that
/// matches the pattern, and what that means, as a kind of its own: <see cref="DropRule"/> (the line is
/// never text), <see cref="DropTrailingRule"/> (not text where it closes the body),
/// <see cref="EndOfBodyRule"/> (the article's text ends here, its further-reading lists may follow) or
/// <see cref="EndOfPageRule"/> (the page leaves the article for good). Patterns come from
/// <c>[GeneratedRegex]</c> methods beside the table, so they are compiled with the build, in the native
/// build too (where a regex constructed at run time is interpreted).
/// </summary>
public abstract class LineRule : IRule
{
    private protected LineRule(Regex pattern, string reason)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern.ToString());
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // Patterns are ours and anchored, so no match timeout is needed.
        Pattern = pattern;
        Reason = reason;
    }

    public Regex Pattern { get; }

    public string Kind => GetType().Name[..^"Rule".Length];

    public string Reason { get; }

    /// <summary>A line or paragraph that is never article text, wherever it stands.</summary>
    public static DropRule Drop(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>A line that is not article text where it closes the body (a source line, a sign-off).</summary>
    public static DropTrailingRule DropTrailing(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>The article's text ends before this line; further-reading lists may still follow.</summary>
    public static EndOfBodyRule EndOfBody(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>The page leaves the article for good at this line (promos, comments, footer).</summary>
    public static EndOfPageRule EndOfPage(Regex pattern, string reason) => new(pattern, reason);

    public bool Matches(string line) => Pattern.IsMatch(line);

    public override string ToString() => $"{Kind}({Pattern}): {Reason}";
}

public sealed class DropRule : LineRule
{
    internal DropRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}

public sealed class DropTrailingRule : LineRule
{
    internal DropTrailingRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}

public sealed class EndOfBodyRule : LineRule
{
    internal EndOfBodyRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}

public sealed class EndOfPageRule : LineRule
{
    internal EndOfPageRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}
