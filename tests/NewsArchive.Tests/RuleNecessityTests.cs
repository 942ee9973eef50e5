using System.Collections.Immutable;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

/// <summary>
/// Firing is not enough: a site rule whose work the generic pass or another rule would do anyway
/// can be deleted without anyone noticing. Each entry of every site's HTML tables and of UDN's line
/// tables is left out in turn, every golden case is parsed again, and some case must come out different.
/// </summary>
public sealed class RuleNecessityTests
{
    /// <summary>Every HTML table of every site in the catalog, named by its site and container.</summary>
    private static readonly (string Table, HtmlSiteRules Rules)[] Tables =
    [
        .. SiteCatalog.Sites.SelectMany(site => new[] { ("post", site.PostRules), ("page", site.PageRules) }
            .Where(t => t.Item2 is not null)
            .Select(t => ($"{site.Code ?? "generic"} {t.Item1} rules", t.Item2!))),
    ];

    public static IEnumerable<object[]> Entries() =>
        Tables.SelectMany(t => t.Rules.Elements.Cast<IRule>().Concat(t.Rules.Paragraphs).Select(r => new object[] { t.Table, r.Reason }))
            .Concat(SiteCatalog.Sites.Where(s => s.TextDump is not null).SelectMany(s => LinesOf(s.TextDump!).Select(r => new object[] { $"{s.Code} text dump lines", r.Reason })))
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
            lines => lines with
            {
                PageEnd = [.. lines.PageEnd.Where(r => r.Reason != reason)],
                BodyEnd = [.. lines.BodyEnd.Where(r => r.Reason != reason)],
                Noise = [.. lines.Noise.Where(r => r.Reason != reason)],
            });
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

    private static IEnumerable<IRule> LinesOf(TextDumpTables tables) =>
        tables.PageEnd.Cast<IRule>().Concat(tables.BodyEnd).Concat(tables.Noise);

    /// <summary>The catalog's sites, with <paramref name="edit"/> applied to every HTML table and <paramref name="editLines"/> to every text dump's line tables.</summary>
    private static ImmutableArray<Site> Catalog(Func<HtmlSiteRules, HtmlSiteRules> edit, Func<TextDumpTables, TextDumpTables> editLines) =>
    [
        .. SiteCatalog.Sites.Select(site => site with
        {
            PostRules = site.PostRules is { } post ? edit(post) : null,
            PageRules = site.PageRules is { } page ? edit(page) : null,
            TextDump = site.TextDump is { } dump ? editLines(dump) : null,
        }),
    ];

    [Fact]
    public void Catalog_HereCoversEveryFormat()
    {
        var edited = Catalog(rules => rules, lines => lines);
        Assert.Equal(
            SiteCatalog.Formats.Select(p => p.Name),
            SiteCatalog.FormatsOf(edited, SiteCatalog.DirectoryOf(edited)).Select(p => p.Name));
    }
}
