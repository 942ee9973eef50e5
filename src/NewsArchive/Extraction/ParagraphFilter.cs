using System.Collections.Immutable;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Applies text rule tables to a body's paragraphs, each rule after its kind: <c>Drop</c> anywhere,
/// <c>DropTrailing</c> while it closes the body, <c>EndOfBody</c> and <c>EndOfPage</c> end the text at
/// the first line they match. Every paragraph dropped is written to the log with its length.
/// </summary>
internal static class ParagraphFilter
{
    /// <param name="paragraphs">The body's paragraphs.</param>
    /// <param name="siteRules">The site's rules, tried first on every paragraph.</param>
    /// <param name="genericRules">Rules for every site, tried on paragraphs up to <paramref name="genericMaxChars"/> long.</param>
    /// <param name="genericMaxChars">The longest paragraph a generic rule can match.</param>
    /// <param name="log">Receives every paragraph dropped.</param>
    /// <param name="kept">When given, receives the index of every paragraph kept, in order.</param>
    public static ImmutableArray<string> Apply(ImmutableArray<string> paragraphs, ImmutableArray<LineRule> siteRules, ImmutableArray<LineRule> genericRules, int genericMaxChars, RuleLog log, List<int>? kept = null)
    {
        siteRules = siteRules.IsDefault ? [] : siteRules;
        if (siteRules.IsEmpty && genericRules.IsEmpty || paragraphs.IsEmpty)
        {
            kept?.AddRange(Enumerable.Range(0, paragraphs.Length));
            return paragraphs;
        }

        var result = Apply(paragraphs, siteRules, genericRules, genericMaxChars, log, out var indexes);
        kept?.AddRange(indexes);
        return result;
    }

    private static ImmutableArray<string> Apply(ImmutableArray<string> paragraphs, ImmutableArray<LineRule> siteRules, ImmutableArray<LineRule> genericRules, int genericMaxChars, RuleLog log, out List<int> indexes)
    {
        indexes = new List<int>(paragraphs.Length);

        var kept = ImmutableArray.CreateBuilder<string>(paragraphs.Length);
        var keptIndexes = indexes;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var paragraph = paragraphs[i];
            var rule = FirstMatch(siteRules, paragraph, trailing: false)
                ?? (paragraph.Length <= genericMaxChars ? FirstMatch(genericRules, paragraph, trailing: false) : null);
            if (rule is EndOfBodyRule or EndOfPageRule)
            {
                for (var j = i; j < paragraphs.Length; j++)
                {
                    log.RemovedParagraph(rule, TextNormalizer.CountVisible(paragraphs[j]));
                }

                break;
            }

            if (rule is not null)
            {
                log.RemovedParagraph(rule, TextNormalizer.CountVisible(paragraph));
                continue;
            }

            kept.Add(paragraph);
            keptIndexes.Add(i);
        }

        while (kept.Count > 0
            && (FirstMatch(siteRules, kept[^1], trailing: true) ?? (kept[^1].Length <= genericMaxChars ? FirstMatch(genericRules, kept[^1], trailing: true) : null)) is { } trailingRule)
        {
            log.RemovedParagraph(trailingRule, TextNormalizer.CountVisible(kept[^1]));
            kept.RemoveAt(kept.Count - 1);
            keptIndexes.RemoveAt(keptIndexes.Count - 1);
        }

        return kept.Count == paragraphs.Length ? paragraphs : kept.ToImmutable();
    }

    private static LineRule? FirstMatch(ImmutableArray<LineRule> rules, string paragraph, bool trailing)
    {
        foreach (var rule in rules)
        {
            if (rule is DropTrailingRule == trailing && rule.Matches(paragraph))
            {
                return rule;
            }
        }

        return null;
    }
}
