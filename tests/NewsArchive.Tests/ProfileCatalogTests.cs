using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

public sealed class ProfileCatalogTests
{
    [Fact]
    public void Catalog_ListsEveryProfileInTheLibrary()
    {
        var types = typeof(IFormatProfile).Assembly.GetTypes()
            .Where(t => typeof(IFormatProfile).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(types, ProfileCatalog.All.Select(p => p.GetType().FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Catalog_NamesAreUniqueAndSorted()
    {
        var names = ProfileCatalog.All.Select(p => p.Name).ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal), names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void EveryProfile_HasAGoldenCase()
    {
        foreach (var profile in ProfileCatalog.All)
        {
            Assert.Contains(GoldenCase.All, c => c.Name.StartsWith(profile.Name + "-", StringComparison.Ordinal) && !c.ExpectsError);
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
            var ownProfile = ProfileCatalog.All.Single(p => p.Name == own);
            Assert.Equal(ownProfile.Container, document.Container);
            var ownConfidence = ownProfile.Detect(document);
            foreach (var other in ProfileCatalog.All.Where(p => p.Name != own))
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
