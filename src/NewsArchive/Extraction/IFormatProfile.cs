using NewsArchive.Containers;

namespace NewsArchive.Extraction;

/// <summary>
/// One input format: how to recognise it and how to turn it into an article. A profile keeps its
/// boilerplate rule table at the top of its file. Implementations are stateless and thread-safe;
/// per-thread resources (the HTML parser) come in through <see cref="ParseContext"/>.
/// </summary>
internal interface IFormatProfile
{
    /// <summary>The record's <c>format</c> value, e.g. <c>cna-jekyll</c>.</summary>
    string Name { get; }

    /// <summary>The one container this format reads; detection never asks it about another.</summary>
    ContainerKind Container { get; }

    DetectionConfidence Detect(SourceDocument document);

    /// <summary>Parses the document, or says why it cannot.</summary>
    ProfileResult Parse(SourceDocument document, ParseContext context);

    /// <summary>
    /// What the document's header decides about its record, read without its body; by default
    /// nothing. A value given here must be the one <see cref="Parse"/> puts in the record.
    /// </summary>
    ArticleHeader ReadHeader(SourceDocument document) => ArticleHeader.Unknown;
}
