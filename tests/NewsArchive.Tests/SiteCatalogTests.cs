using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

public sealed class SiteCatalogTests
{
    [Fact]
    public void Catalog_ListsEverySiteInTheLibrary()
    {
        // Every site's record, found by reflection (a static Site field of a class in a site folder),
        // is in the written-out list, and nothing else is.
        var declared = typeof(ArchiveParser).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("NewsArchive.Sites.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(Site) && f.Name == "Site")
            .Select(f => (Site)f.GetValue(null)!)
            .ToList();
        Assert.Equal(declared.Count, SiteCatalog.Sites.Length);
        Assert.All(declared, site => Assert.Contains(site, SiteCatalog.Sites));
    }

    [Fact]
    public void Formats_AreEverySitesContainers()
    {
        Assert.Equal(
            ["cna-html", "cna-jekyll", "html", "jekyll", "udn-html", "udn-text"],
            SiteCatalog.Formats.Select(f => f.Name));
        Assert.All(SiteCatalog.Formats, f => Assert.Equal(f.Site.FormatName(f.Container), f.Name));
    }

    [Fact]
    public void Catalog_NamesAreUniqueAndSorted()
    {
        var names = SiteCatalog.Formats.Select(p => p.Name).ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Directory_CodesAreUnique_AndEveryHostAndCodeNamesItsSite()
    {
        var codes = SiteCatalog.Known.Select(s => s.Code).OfType<string>().ToList();
        Assert.Equal(codes.Distinct(StringComparer.Ordinal), codes);
        foreach (var site in SiteCatalog.Known.Where(s => s.Code is not null))
        {
            Assert.Equal(site.Code, SiteCatalog.Directory.FromLabel(site.Code));
            Assert.All(site.Hosts, host => Assert.Equal(site.Code, SiteCatalog.Directory.FromUrl($"https://www.{host}/a")));
        }
    }

    [Fact]
    public void EveryFormat_HasAGoldenCase()
    {
        foreach (var format in SiteCatalog.Formats)
        {
            Assert.Contains(GoldenCase.All, c => c.Name.StartsWith(format.Name + "-", StringComparison.Ordinal) && !c.ExpectsError);
        }
    }

    [Fact]
    public void EveryCase_IsNamedAfterAFormatOrIsAnErrorCase()
    {
        foreach (var golden in GoldenCase.All)
        {
            var format = golden.ExpectsError
                ? "error"
                : golden.ParseRecord().Format;
            Assert.StartsWith(format + "-", golden.Name, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Detection decides the container first and then asks only that container's formats: a case is
    /// claimed by its own format more strongly than by any other, and a format asked about a file of
    /// another container refuses it.
    /// </summary>
    [Fact]
    public void EveryCase_IsClaimedByItsOwnFormatAndNoOther()
    {
        var decoder = new TextDecoder();
        foreach (var golden in GoldenCase.All.Where(c => !c.ExpectsError))
        {
            var own = golden.ParseRecord().Format;
            Assert.True(decoder.TryDecode(File.ReadAllBytes(golden.InputPath), out var decoded, out _));
            var document = new SourceDocument(golden.DisplayPath, decoded.Text);
            var ownFormat = SiteCatalog.Formats.Single(p => p.Name == own);
            Assert.Equal(ownFormat.Container, document.Container);
            var ownConfidence = ownFormat.Detect(document);
            foreach (var other in SiteCatalog.Formats.Where(p => p.Name != own))
            {
                var confidence = other.Detect(document);
                if (other.Container != document.Container)
                {
                    Assert.True(confidence == DetectionConfidence.None, $"{golden.Name}: {other.Name} claims a {document.Container} it does not read");
                }
                else
                {
                    Assert.True(confidence < ownConfidence, $"{golden.Name}: {other.Name} claims it as strongly as {own}");
                }
            }
        }
    }
}
