using System.Collections.Immutable;
using NewsArchive.Containers;
using NewsArchive.Extraction;

namespace NewsArchive.Sites;

/// <summary>
/// Decides the file's container once, then asks only the profiles of that container how sure they
/// are and takes the strongest; a tie goes to the name first in ordinal order. Looks at content
/// only, never at file names or extensions.
/// </summary>
internal sealed class FormatDetector
{
    private readonly ImmutableArray<IFormatProfile> profiles;

    public FormatDetector(ImmutableArray<IFormatProfile> profiles) =>
        this.profiles = [.. profiles.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public IFormatProfile? Detect(SourceDocument document)
    {
        IFormatProfile? best = null;
        var bestConfidence = DetectionConfidence.None;
        var container = document.Container;
        foreach (var profile in profiles)
        {
            if (profile.Container != container)
            {
                continue;
            }

            var confidence = profile.Detect(document);
            if (confidence > bestConfidence)
            {
                best = profile;
                bestConfidence = confidence;
            }
        }

        return best;
    }
}
