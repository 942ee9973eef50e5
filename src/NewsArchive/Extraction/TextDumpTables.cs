using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// A site's tables for a plain-text dump of its pages (<see cref="TextDumpFormat"/>): the lines that
/// show a dump is the site's, the headings of its further-reading lists, and its line rules.
/// </summary>
internal sealed record TextDumpTables
{
    public static readonly TextDumpTables Empty = new();

    /// <summary>Lines that show the text is the site's page; a byline plus one of them is conclusive.</summary>
    public ImmutableArray<string> PageMarkers { get; init; } = [];

    /// <summary>Headings of the article's own further-reading lists, and how their entries are written.</summary>
    public ImmutableArray<RelatedSection> RelatedSections { get; init; } = [];

    /// <summary>Lines where the page leaves the article for good: promos, comments, site-wide lists, footer.</summary>
    public ImmutableArray<EndOfPageRule> PageEnd { get; init; } = [];

    /// <summary>Lines that end the body but not the further-reading lists after it.</summary>
    public ImmutableArray<EndOfBodyRule> BodyEnd { get; init; } = [];

    /// <summary>Lines that are never text, wherever they stand.</summary>
    public ImmutableArray<DropRule> Noise { get; init; } = [];
}

/// <summary>A further-reading list of a dump: its heading line and how its entries are written.</summary>
internal sealed record RelatedSection(string Heading, RelatedEntries Entries);

/// <summary>How a dump's further-reading entries are written.</summary>
internal enum RelatedEntries
{
    /// <summary>One title per line.</summary>
    Titles,

    /// <summary>A title, then its teaser or date line.</summary>
    TitleTeaserPairs,
}
