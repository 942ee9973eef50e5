using System.Collections.Immutable;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// Who wrote an article and where it was filed, as its body says: the opening dateline (agency,
/// place, day, kind, reporters), a byline the body opened with, and the closing credit (editors,
/// translators). The same for every container that carries a body.
/// </summary>
internal sealed record BodyCredits(string? Agency, Dateline? Dateline, ImmutableArray<string> Authors, ImmutableArray<string> Editors, ImmutableArray<string> Translators)
{
    /// <summary>
    /// How many short lines may stand above the opening dateline (a video credit, a photo line): the
    /// dateline is looked for in the first paragraph that is not such a line.
    /// </summary>
    private const int MaxLinesAboveDateline = 2;

    /// <summary>A line above the dateline is short; a paragraph of text is not skipped to find one.</summary>
    private const int MaxLineAboveDatelineChars = 60;

    /// <param name="paragraphs">The article's paragraphs.</param>
    /// <param name="bylineAuthors">Authors a byline gave (taken out of the paragraphs already).</param>
    /// <param name="datelines">The agencies and brackets whose dateline may open the text (<see cref="SiteDirectory.Datelines"/>).</param>
    /// <param name="datelineExpected">The site opens every story with a dateline, so a missing one is worth a warning.</param>
    /// <param name="warnings">Where that warning goes.</param>
    public static BodyCredits Read(ImmutableArray<string> paragraphs, ImmutableArray<string> bylineAuthors, DatelineTables datelines, bool datelineExpected, ImmutableArray<string>.Builder warnings)
    {
        string? agency = null;
        Dateline? dateline = null;
        var authors = ImmutableArray<string>.Empty;
        if (FindOpening(paragraphs, datelines) is { } opening)
        {
            agency = opening.Agency;
            dateline = opening.Dateline;
            authors = opening.Authors;
        }
        else if (datelineExpected && !paragraphs.IsEmpty)
        {
            warnings.Add("no dateline found");
        }

        var credits = CreditsParser.Parse(paragraphs);
        return new BodyCredits(agency, dateline, authors.AddRange(bylineAuthors).AddRange(credits.Authors), credits.Editors, credits.Translators);
    }

    /// <summary>The opening dateline, in the first paragraph or under up to two short lines above it.</summary>
    internal static ParsedDateline? FindOpening(IReadOnlyList<string> paragraphs, DatelineTables datelines)
    {
        for (var i = 0; i < paragraphs.Count && i <= MaxLinesAboveDateline; i++)
        {
            if (DatelineParser.TryParseOpening(paragraphs[i], datelines, out var opening))
            {
                return opening;
            }

            if (paragraphs[i].Length > MaxLineAboveDatelineChars)
            {
                return null;
            }
        }

        return null;
    }
}
