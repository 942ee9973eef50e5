using System.Text.RegularExpressions;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

/// <summary>
/// docs/adding-a-site.md lists the steps that add a site; these tests hold every site folder to the
/// steps marked [checked], so the document says what the code needs.
/// </summary>
public sealed partial class SiteLayoutTests
{
    private static string Repository => TestPaths.RepositoryRoot;

    private static string SitesDirectory => Path.Combine(Repository, "src", "NewsArchive", "Sites");

    public static IEnumerable<object[]> Sites =>
        Directory.GetDirectories(SitesDirectory).Select(d => new object[] { Path.GetFileName(d) }).OrderBy(s => (string)s[0], StringComparer.Ordinal);

    [Fact]
    public void Guide_NamesEveryCheckedStepsPath()
    {
        var guide = File.ReadAllText(Path.Combine(Repository, "docs", "adding-a-site.md"));
        var checkedPaths = CheckedStep().Matches(guide).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(
            [
                "src/NewsArchive/Sites/<Site>/<Site>Site.cs",
                "src/NewsArchive/Sites/SiteCatalog.cs",
                "tests/NewsArchive.Tests/Cases/<format>-<what-it-shows>/",
            ],
            checkedPaths);
        foreach (var path in checkedPaths.Where(p => !p.Contains('<', StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(Repository, path)), path);
        }
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void SiteFolder_FollowsTheGuide(string site)
    {
        var folder = Path.Combine(SitesDirectory, site);
        // Step 1: the site's class, with its code and its record; the folder holds no format class (formats are derived).
        var siteType = typeof(ArchiveParser).Assembly.GetType($"NewsArchive.Sites.{site}.{site}Site");
        Assert.True(File.Exists(Path.Combine(folder, $"{site}Site.cs")), $"{site}: no {site}Site.cs");
        Assert.NotNull(siteType);
        var record = siteType!.GetField("Site")?.GetValue(null) as Site;
        Assert.NotNull(record);
        Assert.Equal(siteType.GetField("Code")?.GetRawConstantValue() as string, record!.Code);
        Assert.DoesNotContain(
            typeof(ArchiveParser).Assembly.GetTypes(),
            t => t.Namespace == $"NewsArchive.Sites.{site}" && typeof(IFormat).IsAssignableFrom(t));

        // Step 2: the catalog line.
        Assert.Contains(record, SiteCatalog.Sites);

        // The publisher is known by its code and hosts (the generic site has none: sources come from URLs).
        if (record.Code is { } code)
        {
            Assert.Equal(code, SiteCatalog.Directory.FromLabel(code));
            Assert.All(record.Hosts, host => Assert.Equal(code, SiteCatalog.Directory.FromUrl($"https://{host}/")));
        }

        // Step 3: a golden case per format.
        var formats = SiteCatalog.Formats.Where(f => ReferenceEquals(f.Site, record)).ToList();
        Assert.NotEmpty(formats);
        foreach (var format in formats)
        {
            Assert.Contains(GoldenCase.All, c => c.Name.StartsWith(format.Name + "-", StringComparison.Ordinal) && !c.ExpectsError);
        }
    }

    [GeneratedRegex(@"`(?<path>[^`]+)`\s+\*\*\[checked\]\*\*")]
    private static partial Regex CheckedStep();
}
