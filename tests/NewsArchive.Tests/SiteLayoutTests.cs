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
                "src/NewsArchive/Sites/<Site>/<Site><Container>Profile.cs",
                "src/NewsArchive/Sites/ProfileCatalog.cs",
                "src/NewsArchive/Extraction/SourceSites.cs",
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

        // Step 1: the site class, with its code.
        var siteType = typeof(ArchiveParser).Assembly.GetType($"NewsArchive.Sites.{site}.{site}Site");
        Assert.True(File.Exists(Path.Combine(folder, $"{site}Site.cs")), $"{site}: no {site}Site.cs");
        Assert.NotNull(siteType);
        var code = siteType!.GetField("Code")?.GetRawConstantValue() as string;

        // Step 2 and 3: every format class in the folder, each in the catalog.
        var formats = ProfileCatalog.All.Where(p => p.GetType().Namespace == $"NewsArchive.Sites.{site}").ToList();
        var profileFiles = Directory.GetFiles(folder, "*Profile.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(profileFiles, formats.Select(p => p.GetType().Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(formats);

        // Step 4: the publisher is known by its code (the generic site has none: sources come from URLs).
        if (code is not null)
        {
            Assert.Equal(code, SourceSites.FromLabel(code));
            Assert.All(formats, p => Assert.StartsWith(code + "-", p.Name, StringComparison.Ordinal));
        }

        // Step 5: a golden case per format.
        foreach (var format in formats)
        {
            Assert.Contains(GoldenCase.All, c => c.Name.StartsWith(format.Name + "-", StringComparison.Ordinal) && !c.ExpectsError);
        }
    }

    [GeneratedRegex(@"`(?<path>[^`]+)`\s+\*\*\[checked\]\*\*")]
    private static partial Regex CheckedStep();
}
