using System.Text.RegularExpressions;

namespace NewsArchive.Extraction;

/// <summary>
/// One entry of a text rule table: a line (of a text dump) or a paragraph (of an HTML body) that
/// matches the pattern, and what that means, as a kind of its own: <see cref="DropRule"/> (the line is
/// never text), <see cref="DropTrailingRule"/> (not text where it closes the body),
/// <see cref="EndOfBodyRule"/> (the article's text ends here, its further-reading lists may follow) or
/// <see cref="EndOfPageRule"/> (the page leaves the article for good). Patterns come from
/// <c>[GeneratedRegex]</c> methods beside the table, so they are compiled with the build, in the native
/// build too (where a regex constructed at run time is interpreted).
/// </summary>
internal abstract class LineRule : IRule
{
    private protected LineRule(Regex pattern, string reason, string[]? words = null)
    {
        if (words is { Length: > 0 })
        {
            // ASCII words are found by a vectorised multi-string search; a CJK word by its rarest
            // character's place in a vectorised character search (a multi-string search over CJK
            // falls back to a slow automaton).
            var ascii = words.Where(w => w.All(char.IsAscii)).ToArray();
            Words = ascii.Length > 0 ? System.Buffers.SearchValues.Create(ascii, StringComparison.Ordinal) : null;
            var cjk = words.Where(w => !w.All(char.IsAscii)).Select(w => w.Last(c => !char.IsAscii(c))).Distinct().ToArray();
            WordChars = cjk.Length > 0 ? System.Buffers.SearchValues.Create(cjk) : null;
            HasWords = true;
        }

        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern.ToString());
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // Patterns are ours and anchored, so no match timeout is needed.
        Pattern = pattern;
        Reason = reason;
    }

    public Regex Pattern { get; }

    /// <summary>
    /// Words one of which every line the pattern matches holds, looked for first with a vectorised
    /// search: most paragraphs hold none, and an unanchored pattern is not run on them.
    /// </summary>
    private System.Buffers.SearchValues<string>? Words { get; }

    /// <summary>A character of each non-ASCII word: a line without any of them holds none of the words.</summary>
    private System.Buffers.SearchValues<char>? WordChars { get; }

    private bool HasWords { get; }

    public string Kind => GetType().Name[..^"Rule".Length];

    public string Reason { get; }

    /// <summary>A line or paragraph that is never article text, wherever it stands.</summary>
    public static DropRule Drop(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>A line that is never article text, which always holds one of <paramref name="words"/>.</summary>
    public static DropRule Drop(Regex pattern, string reason, params string[] words) => new(pattern, reason, words);

    /// <summary>A line that is not article text where it closes the body (a source line, a sign-off).</summary>
    public static DropTrailingRule DropTrailing(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>The article's text ends before this line; further-reading lists may still follow.</summary>
    public static EndOfBodyRule EndOfBody(Regex pattern, string reason) => new(pattern, reason);

    /// <summary>The page leaves the article for good at this line (promos, comments, footer).</summary>
    public static EndOfPageRule EndOfPage(Regex pattern, string reason) => new(pattern, reason);

    public bool Matches(string line) =>
        (!HasWords || WordChars is not null && line.AsSpan().IndexOfAny(WordChars) >= 0 || Words is not null && line.AsSpan().IndexOfAny(Words) >= 0)
        && Pattern.IsMatch(line);

    public override string ToString() => $"{Kind}({Pattern}): {Reason}";
}

internal sealed class DropRule : LineRule
{
    internal DropRule(Regex pattern, string reason, string[]? words = null)
        : base(pattern, reason, words)
    {
    }
}

internal sealed class DropTrailingRule : LineRule
{
    internal DropTrailingRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}

internal sealed class EndOfBodyRule : LineRule
{
    internal EndOfBodyRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}

internal sealed class EndOfPageRule : LineRule
{
    internal EndOfPageRule(Regex pattern, string reason)
        : base(pattern, reason)
    {
    }
}
