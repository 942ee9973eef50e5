using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// Where a page's article is, as the main-content model decided it, inside the article element it
/// reads (the block that holds the article and its headline, keywords, further reading and images):
/// <see cref="Text"/> are the blocks that hold the text (null when all of the element is text), and
/// <see cref="Furniture"/> the regions inside the element that the model judged furniture (a comment
/// thread, a sidebar, a list of related stories, named so). Beside the text blocks the reader only
/// takes what rules take out (tags, related links, figures, images); no text of it is a paragraph.
/// Furniture is removed through the model's rule, so every removal is accounted for.
/// </summary>
internal sealed record ArticleScope(IReadOnlySet<IElement>? Text, IReadOnlySet<IElement> Furniture)
{
    public static readonly ArticleScope Whole = new(null, new HashSet<IElement>());
}
