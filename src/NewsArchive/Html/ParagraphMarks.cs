namespace NewsArchive.Html;

/// <summary>What kind of block each paragraph of a body came from, by index: headings and quotations.</summary>
public sealed class ParagraphMarks
{
    /// <summary>Paragraphs that are <c>h1</c>–<c>h6</c> headings.</summary>
    public HashSet<int> Headings { get; } = [];

    /// <summary>Paragraphs inside a <c>blockquote</c>.</summary>
    public HashSet<int> Quoted { get; } = [];
}
