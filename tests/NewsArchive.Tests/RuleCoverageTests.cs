using NewsArchive.Extraction;

namespace NewsArchive.Tests;

/// <summary>
/// Every entry of every rule table is pinned: some golden case makes it fire. A rule no case
/// exercises could be deleted with no test noticing, so it fails here instead.
/// </summary>
public sealed class RuleCoverageTests
{
    [Fact]
    public void EveryRule_FiresInSomeGoldenCase()
    {
        var fired = new HashSet<IRule>(ReferenceEqualityComparer.Instance);
        foreach (var golden in GoldenCase.All.Where(c => !c.ExpectsError))
        {
            if (golden.Parse() is ParseOutcome.Parsed parsed)
            {
                fired.UnionWith(parsed.RuleHits.Select(h => h.Rule));
            }
        }

        var unexercised = RuleTables.All.Where(r => !fired.Contains(r.Rule)).Select(r => $"{r.Table}: {r.Rule.Kind} \"{r.Rule.Reason}\"").ToList();
        Assert.True(unexercised.Count == 0, "rules no golden case makes fire:\n" + string.Join("\n", unexercised));
    }

    [Fact]
    public void RuleTables_AreFound()
    {
        // The reflection finds the tables it must: the generic pass's and each site's, a text dump's line tables included.
        var tables = RuleTables.All.Select(r => r.Table.Split('.')[0]).Distinct().ToList();
        Assert.Contains("FurnitureRules", tables);
        Assert.Contains("CnaSite", tables);
        Assert.Contains("UdnSite", tables);
        Assert.Contains("GenericSite", tables);
        Assert.Contains(RuleTables.All, r => r.Table == "GenericSite.PostRules");
        Assert.Contains(RuleTables.All, r => r.Table.StartsWith("UdnSite.", StringComparison.Ordinal) && r.Rule is EndOfPageRule);
        Assert.All(RuleTables.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Rule.Reason)));
    }
}
