using System.Collections.Immutable;
using NewsArchive.Containers;
using NewsArchive.Extraction;

namespace NewsArchive.Sites;

/// <summary>
/// Decides the file's container once, then asks only the formats of that container how sure they
/// are and takes the strongest; a tie goes to the name first in ordinal order. Looks at content
/// only, never at file names or extensions.
/// </summary>
internal sealed class FormatDetector
{
    private readonly ImmutableArray<IFormat> formats;

    public FormatDetector(ImmutableArray<IFormat> formats) =>
        this.formats = [.. formats.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public IFormat? Detect(SourceDocument document)
    {
        IFormat? best = null;
        var bestConfidence = DetectionConfidence.None;
        var container = document.Container;
        foreach (var format in formats)
        {
            if (format.Container != container)
            {
                continue;
            }

            var confidence = format.Detect(document);
            if (confidence > bestConfidence)
            {
                best = format;
                bestConfidence = confidence;
            }
        }

        return best;
    }
}
