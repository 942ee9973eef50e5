using System.Collections;
using System.Reflection;
using NewsArchive.Extraction;

namespace NewsArchive.Tests;

/// <summary>
/// Every rule of every table in the library, found by reflection over static fields (public or not):
/// single rules, arrays of rules and site tables. A table added anywhere is covered without a list
/// to keep up to date.
/// </summary>
internal static class RuleTables
{
    public static IReadOnlyList<(string Table, IRule Rule)> All { get; } = Find();

    /// <summary>Every CSS selector the rules hold, their exclusions included.</summary>
    public static IReadOnlyList<HtmlSelector> Selectors { get; } =
    [
        .. All.Select(r => r.Rule).OfType<HtmlRule>().Select(r => r.Selector).OfType<HtmlSelector>(),
        .. All.Select(r => r.Rule).OfType<TakeRelatedRule>().Select(r => r.Exclude).OfType<HtmlSelector>(),
    ];

    private static List<(string, IRule)> Find()
    {
        var found = new List<(string, IRule)>();
        var seen = new HashSet<IRule>(ReferenceEqualityComparer.Instance);
        foreach (var type in typeof(IRule).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var table = $"{type.Name}.{field.Name}";
                foreach (var rule in RulesIn(field.GetValue(null)))
                {
                    if (seen.Add(rule))
                    {
                        found.Add((table, rule));
                    }
                }
            }
        }

        return found;
    }

    private static IEnumerable<IRule> RulesIn(object? value) => value switch
    {
        // The learned template's rule is the archive's own, not a table entry: TemplateTests pin it.
        Extraction.TemplateRule => [],
        IRule rule => [rule],
        HtmlSiteRules site => [.. site.Elements, .. site.Paragraphs, .. site.Before, .. site.ParagraphPasses],
        TextDumpTables dump => [.. dump.PageEnd, .. dump.BodyEnd, .. dump.Noise],
        IEnumerable items and not string => items.OfType<object>().SelectMany(RulesIn),
        _ => [],
    };
}
