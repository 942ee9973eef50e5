using System.Collections.Immutable;
using System.Globalization;

namespace NewsArchive.Extraction;

/// <summary>
/// Turns what rules removed into a warning when it is a large part of the body: a loss is never silent.
/// Counts are visible characters outside links; text a rule moved into a field (tags, related links,
/// captions) is not lost.
/// </summary>
internal static class LossAccounting
{
    /// <summary>Removing more than this share of the body's visible, non-link text earns a warning (jekyll-issue-8-hidden-text-loss-warning).</summary>
    public const double WarnShare = 0.4;

    /// <summary>
    /// ...when at least this many characters went: a few lines of embed fallback text in a short body
    /// are no loss (jekyll-issue-8-embed-fallback-text).
    /// </summary>
    public const int MinLostChars = 200;

    /// <summary>How every loss warning opens, so readers of warnings can tell them from the rest.</summary>
    public const string WarningPrefix = "furniture rule";

    /// <summary>The warning of a record whose body held no article text, or kept none.</summary>
    public const string NoTextWarning = "no article text found: paragraphs are empty";

    /// <summary>The warning for the hits of one body, or null when the loss is small.</summary>
    public static string? Warning(ImmutableArray<RuleHit> hits, int bodyChars)
    {
        if (bodyChars <= 0 || hits.IsDefaultOrEmpty)
        {
            return null;
        }

        var removed = 0;
        foreach (var hit in hits)
        {
            removed += hit.RemovedChars;
        }

        var share = (double)removed / bodyChars;
        if (share <= WarnShare || removed < MinLostChars)
        {
            return null;
        }

        var losers = hits.Where(h => h.RemovedChars > 0).OrderByDescending(h => h.RemovedChars).ToList();
        if (losers.Count == 1)
        {
            return $"{WarningPrefix} \"{losers[0].Rule.Reason}\" removed {Percent(share)} of the body text";
        }

        var parts = losers.Take(3).Select(h => $"\"{h.Rule.Reason}\" {Percent((double)h.RemovedChars / bodyChars)}");
        return $"{WarningPrefix}s removed {Percent(share)} of the body text: {string.Join(", ", parts)}";
    }

    private static string Percent(double share) =>
        Math.Min(100, (int)Math.Round(share * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";
}
