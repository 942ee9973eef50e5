using NewsArchive.Extraction;

namespace NewsArchive.Tests;

/// <summary>
/// The same article gives the same record whatever container it came in. A case folder may hold a
/// <c>counterpart.*</c>: the case's article in another container (a saved page's article as a
/// Jekyll post or a text dump). Every field both containers carry must be equal; a container that
/// does not carry a field (a dump has no URL, a day-only date) is not compared on it.
/// </summary>
public sealed class CrossContainerTests
{
    public static IEnumerable<object[]> Pairs =>
        GoldenCase.All
            .Where(c => Directory.GetFiles(c.Directory, "counterpart.*").Length == 1)
            .Select(c => new object[] { c.Name });

    /// <summary>Page cases that no other container can carry, and why.</summary>
    private static readonly Dictionary<string, string> WithoutCounterpart = new(StringComparer.Ordinal)
    {
        ["udn-html-issue-8-page-not-a-dump"] = "a reduced page with neither byline nor time, which a text dump needs to be read",
    };

    [Fact]
    public void EveryPageCase_HasACounterpart()
    {
        var pairs = Pairs.Select(p => (string)p[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var golden in GoldenCase.All.Where(c => !c.ExpectsError && c.ParseRecord().Format is "cna-html" or "udn-html" or "html"))
        {
            Assert.True(pairs.Contains(golden.Name) || WithoutCounterpart.ContainsKey(golden.Name), $"{golden.Name}: no counterpart.* (the same article in another container)");
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Counterpart_GivesTheSameFieldsItCarries(string name)
    {
        var golden = GoldenCase.Get(name);
        var page = golden.ParseRecord();
        var counterpartPath = Directory.GetFiles(golden.Directory, "counterpart.*").Single();
        var outcome = new ArchiveParser().Parse(new InputFile(counterpartPath, File.ReadAllBytes(counterpartPath)));
        var other = Assert.IsType<ParseOutcome.Parsed>(outcome).Record;

        Assert.NotEqual(page.Format, other.Format);
        Assert.Equal(page.Source, other.Source);
        Assert.Equal(page.Title, other.Title);
        if (page.Warnings.Contains(PageArticleReader.CutWarning))
        {
            // An expired story's page shows the start of the text the post holds whole.
            Assert.Equal(page.Paragraphs.ToArray(), other.Paragraphs.Take(page.Paragraphs.Length).ToArray());
            Assert.True(other.Paragraphs.Length > page.Paragraphs.Length);
            return;
        }

        Assert.Equal(page.Paragraphs.ToArray(), other.Paragraphs.ToArray());
        SameWhereBothCarry(page.Url, other.Url);
        SameWhereBothCarry(page.Agency, other.Agency);
        SameWhereBothCarry(page.Dateline, other.Dateline);
        SameWhereBothCarry(page.Authors, other.Authors);
        SameWhereBothCarry(page.Editors, other.Editors);
        SameWhereBothCarry(page.Translators, other.Translators);
        SameWhereBothCarry(page.Tags, other.Tags);
        SameWhereBothCarry([.. page.Related.Select(r => r.Title)], [.. other.Related.Select(r => r.Title)]);
        SameWhereBothCarry([.. page.Images.Select(i => i.Caption)], [.. other.Images.Select(i => i.Caption)]);
        if (page.Published is { } a && other.Published is { } b)
        {
            // To the coarser of the two: a dump's byline gives minutes, a page's head seconds; a
            // day-only date gives the day.
            var length = Math.Min(Math.Min(a.Length, b.Length), "yyyy-MM-ddTHH:mm".Length);
            Assert.Equal(a[..length], b[..length]);
        }
    }

    private static void SameWhereBothCarry<T>(T? first, T? second)
        where T : class
    {
        if (first is not null && second is not null)
        {
            Assert.Equal(first, second);
        }
    }

    private static void SameWhereBothCarry<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        if (first.Count > 0 && second.Count > 0)
        {
            Assert.Equal(first.ToArray(), second.ToArray());
        }
    }
}
