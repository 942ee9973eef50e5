using System.Text;
using NewsArchive.Containers;

namespace NewsArchive.Tests;

/// <summary>
/// What a format reads before the body (<see cref="ArticleHeader"/>) is the record's own source and
/// time, on every case; and an input its caller refuses by header is never parsed further.
/// </summary>
public sealed class ArticleHeaderTests
{
    [Theory]
    [MemberData(nameof(GoldenCase.RecordNames), MemberType = typeof(GoldenCase))]
    public void Header_IsTheRecordsOwnSourceAndTime(string name)
    {
        var (header, record) = ParseWatchingHeader(GoldenCase.Get(name));
        if (header.Source is { } source)
        {
            Assert.Equal(record.Source, source);
        }

        if (header.PublishedKnown)
        {
            Assert.Equal(record.Published, header.Published);
        }
    }

    /// <summary>The header decides for every post and dump, and the source of every site's page.</summary>
    [Fact]
    public void Header_DecidesWhereTheContainerAllows()
    {
        var cases = GoldenCase.All.Where(c => !c.ExpectsError).Select(c => (Case: c, Seen: ParseWatchingHeader(c))).ToList();
        foreach (var (c, (header, record)) in cases)
        {
            switch (record.Format)
            {
                case "cna-jekyll" or "jekyll" or "udn-text":
                    Assert.True(header.Source is not null && header.PublishedKnown, $"{c.Name}: {record.Format} decides both");
                    break;
                case "cna-html" or "udn-html":
                    Assert.True(header.Source is not null, $"{c.Name}: a site's page decides its source");
                    break;
            }
        }

        Assert.Contains(cases, c => c.Seen.Header.PublishedKnown && c.Seen.Header.Published is not null);
        Assert.Contains(cases, c => c.Seen.Record.Format == "udn-text");
    }

    [Fact]
    public void Refused_TheBodyIsNeverRead()
    {
        // A body nested deeper than the parser accepts: reading it is an error, refusing it by its header is not.
        var body = string.Concat(Enumerable.Repeat("<div>", HtmlNestingGuard.MaxDepth + 10)) + "<p>文字</p>";
        var post = $"---\ntitle: 標題\ndate: 2024-11-01T08:00:00+08:00\nlink: https://www.dw.com/zh/a/a-1\n---\n{body}";
        var input = new InputFile("deep.md", Encoding.UTF8.GetBytes(post));
        Assert.IsType<ParseOutcome.Failed>(new ArchiveParser().Parse(input));

        ArticleHeader? seen = null;
        var skipped = Assert.IsType<ParseOutcome.Skipped>(new ArchiveParser().Parse(input, header =>
        {
            seen = header;
            return false;
        }));
        Assert.Equal("jekyll", skipped.Format);
        Assert.Equal("dw", seen!.Source);
        Assert.Equal("2024-11-01T08:00:00+08:00", seen.Published);
    }

    private static (ArticleHeader Header, Records.ArticleRecord Record) ParseWatchingHeader(GoldenCase c)
    {
        ArticleHeader? seen = null;
        var outcome = new ArchiveParser().Parse(new InputFile(c.DisplayPath, File.ReadAllBytes(c.InputPath)), header =>
        {
            seen = header;
            return true;
        });
        var record = Assert.IsType<ParseOutcome.Parsed>(outcome).Record;
        Assert.NotNull(seen);
        return (seen, record);
    }
}
