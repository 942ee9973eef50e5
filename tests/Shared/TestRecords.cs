using NewsArchive.Records;

namespace NewsArchive.Testing;

/// <summary>Records made by hand for tests: the bare one, which a test then changes with <c>with</c>.</summary>
internal static class TestRecords
{
    /// <summary>A record with an id, a source and a title, and every other field null or empty.</summary>
    public static ArticleRecord Bare(string source, string id = "1") => new()
    {
        Id = $"{source}:{id}",
        Source = source,
        Format = "jekyll",
        Path = $"{source}-{id}.txt",
        Url = null,
        Title = "標題",
        Published = null,
        Agency = null,
        Dateline = null,
        Authors = [],
        Editors = [],
        Translators = [],
        Paragraphs = [],
        Text = string.Empty,
        Tags = [],
        Related = [],
        Images = [],
        FrontMatter = null,
        Warnings = [],
    };
}
