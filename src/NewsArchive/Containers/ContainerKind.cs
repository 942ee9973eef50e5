namespace NewsArchive.Containers;

/// <summary>
/// A file's shape, decided once per file before any site is asked (<see cref="SourceDocument.Container"/>):
/// a format pairs one container with one site, and only the formats of the file's container are tried.
/// </summary>
internal enum ContainerKind
{
    /// <summary>A Jekyll post: front matter, then an HTML or markdown body.</summary>
    JekyllPost,

    /// <summary>A saved HTML page: markup with its <c>&lt;head&gt;</c>, as a browser or a scraper saved it.</summary>
    HtmlPage,

    /// <summary>Plain text rendered from a page: neither front matter nor markup.</summary>
    TextDump,
}
