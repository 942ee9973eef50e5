using NewsArchive.Detection;

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
}
