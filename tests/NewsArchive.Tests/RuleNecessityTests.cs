using System.Collections.Immutable;
using NewsArchive.Extraction;
using NewsArchive.Sites;
using NewsArchive.Sites.Cna;
using NewsArchive.Sites.Generic;
using NewsArchive.Sites.Udn;

namespace NewsArchive.Tests;

/// <summary>
/// Firing is not enough: a site rule whose work the generic pass or another rule would do anyway
/// can be deleted without anyone noticing. Each entry of every site's HTML tables and of UDN's line
/// tables is left out in turn, every golden case is parsed again, and some case must come out different.
/// </summary>
public sealed class RuleNecessityTests
{
    private static readonly (string Table, HtmlSiteRules Rules)[] Tables =
    [
        ("CnaSite.PostRules", CnaSite.PostRules),
        ("CnaSite.PageRules", CnaSite.PageRules),
        ("UdnSite.PageRules", UdnSite.PageRules),
        ("GenericSite.PageRules", GenericSite.PageRules),
        ("JekyllProfile.Rules", Sites.Generic.JekyllProfile.Rules),
    ];

    public static IEnumerable<object[]> Entries() =>
        Tables.SelectMany(t => t.Rules.Elements.Cast<IRule>().Concat(t.Rules.Paragraphs).Select(r => new object[] { t.Table, r.Reason }))
            .Concat(UdnLines().Select(r => new object[] { "UdnTextProfile.Rules", r.Reason }))
            .DistinctBy(e => (string)e[1]);

    [Theory]
    [MemberData(nameof(Entries))]
    public void SiteRule_LeftOut_ChangesSomeCase(string table, string reason)
    {
        _ = table;
        var without = Catalog(
            rules => rules with
            {
                Elements = [.. rules.Elements.Where(r => r.Reason != reason)],
                Paragraphs = [.. rules.Paragraphs.Where(r => r.Reason != reason)],
            },
            lines => new UdnTextRules(
                [.. lines.PageEnd.Where(r => r.Reason != reason)],
                [.. lines.BodyEnd.Where(r => r.Reason != reason)],
                [.. lines.Noise.Where(r => r.Reason != reason)]));
        var parser = new ArchiveParser(null, without);
        foreach (var golden in GoldenCase.All.Where(c => !c.ExpectsError))
        {
            var outcome = parser.Parse(new InputFile(golden.DisplayPath, File.ReadAllBytes(golden.InputPath)));
            if (outcome is not ParseOutcome.Parsed parsed || GoldenCase.Canonical(parsed.Record) != File.ReadAllText(golden.ExpectedJsonPath))
            {
                return;
            }
        }

        Assert.Fail($"{table}: \"{reason}\" can be left out and every golden case comes out the same: the rule is not needed, or no case shows what it is for");
    }

    private static IEnumerable<IRule> UdnLines() =>
        UdnTextProfile.Rules.PageEnd.Cast<IRule>().Concat(UdnTextProfile.Rules.BodyEnd).Concat(UdnTextProfile.Rules.Noise);

    /// <summary>The catalog's formats, with <paramref name="edit"/> applied to every site's HTML table and <paramref name="editLines"/> to UDN's line tables.</summary>
    private static ImmutableArray<IFormatProfile> Catalog(Func<HtmlSiteRules, HtmlSiteRules> edit, Func<UdnTextRules, UdnTextRules>? editLines = null) =>
    [
        new CnaHtmlProfile(CnaSite.Page with { Rules = edit(CnaSite.PageRules) }),
        new CnaJekyllProfile(edit(CnaSite.PostRules)),
        new HtmlProfile(GenericSite.Page with { Rules = edit(GenericSite.PageRules) }),
        new Sites.Generic.JekyllProfile(edit(Sites.Generic.JekyllProfile.Rules)),
        new UdnHtmlProfile(UdnSite.Page with { Rules = edit(UdnSite.PageRules) }),
        new UdnTextProfile(editLines is null ? UdnTextProfile.Rules : editLines(UdnTextProfile.Rules)),
    ];

    [Fact]
    public void Catalog_HereCoversEveryFormat()
    {
        Assert.Equal(
            ProfileCatalog.All.Select(p => p.Name).Order(StringComparer.Ordinal),
            Catalog(rules => rules).Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
