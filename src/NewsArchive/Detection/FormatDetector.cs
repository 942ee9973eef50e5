using System.Collections.Immutable;

namespace NewsArchive.Detection;

/// <summary>
/// Asks every profile how sure it is and takes the strongest; a tie goes to the name first in ordinal
/// order. Looks at content only, never at file names or extensions.
/// </summary>
public sealed class FormatDetector
{
    private readonly ImmutableArray<IFormatProfile> profiles;

    public FormatDetector(ImmutableArray<IFormatProfile> profiles) =>
        this.profiles = [.. profiles.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public IFormatProfile? Detect(SourceDocument document)
    {
        IFormatProfile? best = null;
        var bestConfidence = DetectionConfidence.None;
        foreach (var profile in profiles)
        {
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
