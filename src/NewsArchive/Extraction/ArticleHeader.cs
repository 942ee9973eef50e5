namespace NewsArchive;

/// <summary>
/// What a format knows of a record before reading its body (a post's front matter, a dump's lines
/// above the text, the site a format is for): enough to leave an input out before the costly part of
/// its parse. A field is given only when the header decides it, so that it is the record's own value.
/// </summary>
public sealed record ArticleHeader
{
    /// <summary>A header that decides nothing: the record must be parsed to be known.</summary>
    public static readonly ArticleHeader Unknown = new();

    /// <summary>The record's <c>source</c>, or null when only the parse can tell.</summary>
    public string? Source { get; init; }

    /// <summary>Whether <see cref="Published"/> is the record's <c>published</c> (which may be null: the record has none).</summary>
    public bool PublishedKnown { get; init; }

    /// <summary>The record's <c>published</c> when <see cref="PublishedKnown"/>.</summary>
    public string? Published { get; init; }

    /// <summary>A header that decides both fields.</summary>
    public static ArticleHeader Of(string source, string? published) =>
        new() { Source = source, PublishedKnown = true, Published = string.IsNullOrEmpty(published) ? null : published };
}
