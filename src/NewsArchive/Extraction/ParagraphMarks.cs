namespace NewsArchive.Extraction;

/// <summary>
/// What kind of block each paragraph of a body came from, by index: headings and quotations, how
/// much of it was link text, and whether all of it was set in bold.
/// </summary>
internal sealed class ParagraphMarks
{
    /// <summary>Whether <see cref="Bold"/> and <see cref="LinkChars"/> are filled: only paragraph passes read them, and noting them costs a walk up from every text.</summary>
    public bool TrackStyle { get; init; }

    /// <summary>Paragraphs that are <c>h1</c>–<c>h6</c> headings.</summary>
    public HashSet<int> Headings { get; } = [];

    /// <summary>Paragraphs inside a <c>blockquote</c>.</summary>
    public HashSet<int> Quoted { get; } = [];

    /// <summary>Paragraphs whose every visible character is bold (<c>strong</c>, <c>b</c>): a subhead or a label set as one.</summary>
    public HashSet<int> Bold { get; } = [];

    /// <summary>For each paragraph, by index, how many of its visible characters were link text.</summary>
    public List<int> LinkChars { get; } = [];
}
