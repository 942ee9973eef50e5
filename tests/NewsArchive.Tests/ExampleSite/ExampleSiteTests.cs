using NewsArchive.Sites;

namespace NewsArchive.Tests.ExampleSite;

/// <summary>
/// A site added as docs/adding-a-site.md says: its record (<see cref="BaySite"/>) and its cases are
/// this folder, and nothing of the library changes. The parser here is the catalog's with the site
/// added, as one entry in <c>SiteCatalog.Sites</c> would make it.
/// </summary>
public sealed class ExampleSiteTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "NewsArchive.Tests", "ExampleSite");

    private static readonly IReadOnlyList<GoldenCase> Cases = GoldenCase.LoadFrom(Path.Combine(Folder, "Cases"));

    private static ArchiveParser WithExampleSite() => new(null, [.. SiteCatalog.Sites, BaySite.Site]);

    public static IEnumerable<object[]> CaseNames => Cases.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ExampleSite_Case_MatchesExpectation(string name)
    {
        var golden = Cases.Single(c => c.Name == name);
        GoldenCaseTests.AssertMatches(golden, golden.Parse(WithExampleSite()));
    }

    [Fact]
    public void ExampleSite_Formats_AreDerivedFromItsTables()
    {
        var directory = SiteCatalog.DirectoryOf([.. SiteCatalog.Sites, BaySite.Site]);
        var formats = SiteCatalog.FormatsOf([.. SiteCatalog.Sites, BaySite.Site], directory);
        Assert.Equal(["bay-html", "bay-jekyll"], formats.Where(f => ReferenceEquals(f.Site, BaySite.Site)).Select(f => f.Name));
        Assert.Equal("bay", directory.FromUrl("https://www.baynews.example/story/1"));
        Assert.Equal("bay", directory.FromLabel("灣報"));
        Assert.Equal("20240315", directory.NativeId("bay", "https://baynews.example/story/20240315"));
        Assert.Contains("灣報", directory.Datelines.Agencies);
        Assert.Contains("中央社", directory.Datelines.Agencies);
    }

    [Fact]
    public void ExampleSite_EveryCaseIsItsOwn_AndEveryFormatHasOne()
    {
        Assert.All(Cases, c => Assert.StartsWith("bay-", c.Name, StringComparison.Ordinal));
        var parser = WithExampleSite();
        var formats = Cases.Select(c => Assert.IsType<ParseOutcome.Parsed>(c.Parse(parser)).Record.Format).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["bay-html", "bay-jekyll"], formats);
    }

    [Fact]
    public void ExampleSite_Left_Out_TheGenericFormatsReadItsPagesWithoutItsKnowledge()
    {
        // The same files without the site: the generic formats, a source made from the host, no id
        // from the URL, no 灣報 dateline, the weather box left in the text, the post's time without
        // the site's zone.
        foreach (var golden in Cases)
        {
            var record = Assert.IsType<ParseOutcome.Parsed>(golden.Parse()).Record;
            Assert.Equal(golden.Name.StartsWith("bay-html-", StringComparison.Ordinal) ? "html" : "jekyll", record.Format);
            Assert.Equal("example", record.Source);
            Assert.StartsWith("example:sha256:", record.Id, StringComparison.Ordinal);
            Assert.Null(record.Agency);
            Assert.Contains(record.Paragraphs, p => p.Contains("港都天氣", StringComparison.Ordinal));
        }

        var post = Assert.IsType<ParseOutcome.Parsed>(Cases.Single(c => c.Name == "bay-jekyll-local-time").Parse()).Record;
        Assert.Equal("2024-03-16T08:00:00", post.Published);
    }

    [Fact]
    public void ExampleSite_Filter_DecidesByTheSitesHeader()
    {
        var golden = Cases.Single(c => c.Name == "bay-jekyll-local-time");
        var input = new InputFile(golden.DisplayPath, File.ReadAllBytes(golden.InputPath));
        Assert.IsType<ParseOutcome.Skipped>(WithExampleSite().Parse(input, header => header.Source == "cna"));
        Assert.IsType<ParseOutcome.Parsed>(WithExampleSite().Parse(input, header => header.Source == "bay" && header.Published == "2024-03-16T08:00:00+08:00"));
    }

    [Fact]
    public void ExampleSite_IsOneFolder()
    {
        // The site's files: its record, these tests and its cases; nothing else names it.
        var files = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.EndsWith("/actual.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "BaySite.cs",
                "Cases/bay-html-weather-box/expected.json",
                "Cases/bay-html-weather-box/input.html",
                "Cases/bay-jekyll-local-time/expected.json",
                "Cases/bay-jekyll-local-time/input.md",
                "ExampleSiteTests.cs",
            ],
            files);
    }
}
