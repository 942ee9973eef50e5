using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>One paragraph as a paragraph pass sees it: its text and what kind of block and type it came from.</summary>
internal readonly record struct ParagraphView(string Text, int Chars, int LinkChars, bool Heading, bool Bold, bool Quoted)
{
    /// <summary>Visible characters outside links.</summary>
    public int NonLinkChars => Chars - LinkChars;

    /// <summary>The share of the paragraph that is link text.</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
}

/// <summary>
/// A rule over a body's paragraphs that needs more than a line pattern: what kind of block each came
/// from, how much of it is link text, where it stands among the others. It names the paragraphs it
/// drops; the article reader removes them and logs each with its length.
/// </summary>
internal abstract class ParagraphPassRule : IRule
{
    private protected ParagraphPassRule(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    public string Kind => GetType().Name[..^"Rule".Length];

    public string Reason { get; }

    /// <summary>The indexes of the paragraphs the rule drops, in ascending order.</summary>
    public abstract ImmutableArray<int> Drop(IReadOnlyList<ParagraphView> paragraphs);

    public override string ToString() => $"{Kind}: {Reason}";
}

/// <summary>Drops every paragraph that a test on the paragraph alone accepts.</summary>
internal sealed class DropParagraphRule(string reason, Func<ParagraphView, bool> test) : ParagraphPassRule(reason)
{
    public override ImmutableArray<int> Drop(IReadOnlyList<ParagraphView> paragraphs)
    {
        var dropped = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (test(paragraphs[i]))
            {
                dropped.Add(i);
            }
        }

        return dropped.ToImmutable();
    }
}

/// <summary>
/// Drops the lines before a body's text starts and after it ends that are not text (a test says which
/// are, and which lines the trimming stops at without dropping them: a dateline, a closing credit).
/// </summary>
internal sealed class DropEdgesRule(string reason, Func<ParagraphView, bool> isText, Func<ParagraphView, bool> stopsAt, int maxLines) : ParagraphPassRule(reason)
{
    public override ImmutableArray<int> Drop(IReadOnlyList<ParagraphView> paragraphs)
    {
        var first = 0;
        while (first < paragraphs.Count && !isText(paragraphs[first]) && !stopsAt(paragraphs[first]))
        {
            first++;
        }

        if (first == paragraphs.Count)
        {
            // No text at all: nothing tells the edges from the middle.
            return [];
        }

        // Past the limit, the edge is not furniture the page set around its text: nothing is dropped.
        first = first > maxLines ? 0 : first;
        var last = paragraphs.Count - 1;
        while (last > first && !isText(paragraphs[last]) && !stopsAt(paragraphs[last]))
        {
            last--;
        }

        last = paragraphs.Count - 1 - last > maxLines ? paragraphs.Count - 1 : last;

        var dropped = ImmutableArray.CreateBuilder<int>(first + paragraphs.Count - 1 - last);
        for (var i = 0; i < first; i++)
        {
            dropped.Add(i);
        }

        for (var i = last + 1; i < paragraphs.Count; i++)
        {
            dropped.Add(i);
        }

        return dropped.MoveToImmutable();
    }
}
