using System.Collections.Immutable;
using NewsArchive.Rules;

namespace NewsArchive.Parsing;

/// <summary>
/// Applies text rule tables to a body's paragraphs, each rule after its kind: <c>Drop</c> anywhere,
/// <c>DropTrailing</c> while it closes the body, <c>EndOfBody</c> and <c>EndOfPage</c> end the text at
/// the first line they match. Every paragraph dropped is written to the log with its length.
/// </summary>
public static class ParagraphFilter
{
    public static ImmutableArray<string> Apply(ImmutableArray<string> paragraphs, ImmutableArray<LineRule> siteRules, ImmutableArray<LineRule> genericRules, RuleLog log)
    {
        var rules = siteRules.IsDefaultOrEmpty ? genericRules : siteRules.AddRange(genericRules);
        if (rules.IsEmpty || paragraphs.IsEmpty)
        {
            return paragraphs;
        }

        var kept = ImmutableArray.CreateBuilder<string>(paragraphs.Length);
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var paragraph = paragraphs[i];
            var rule = FirstMatch(rules, paragraph, trailing: false);
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
        }

        while (kept.Count > 0 && FirstMatch(rules, kept[^1], trailing: true) is { } trailingRule)
        {
            log.RemovedParagraph(trailingRule, TextNormalizer.CountVisible(kept[^1]));
            kept.RemoveAt(kept.Count - 1);
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
