using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Extraction;

namespace NewsArchive.Tests.ExampleSite;

/// <summary>
/// 灣報 (Bay News, baynews.example): a publisher made up for the tests, added the way
/// docs/adding-a-site.md says, to show that a site is its folder and its cases. It reads saved pages
/// and Jekyll posts; its stories open with a bracketed 灣報 dateline, and it writes Taiwan's time
/// without an offset. In the library, this file would be <c>src/NewsArchive/Sites/Bay/BaySite.cs</c>,
/// plus one entry in <c>SiteCatalog.Sites</c>; here <see cref="ExampleSiteTests"/> adds it to a
/// parser instead.
/// </summary>
internal static partial class BaySite
{
    public const string Code = "bay";

    /// <summary>The body's furniture, the same in a post and on a page.</summary>
    private static readonly ImmutableArray<HtmlRule> Body =
    [
        HtmlRule.Remove(".bay-weather", "港都天氣 weather box set in the story"),
        HtmlRule.TakeTags(".bay-tags", "#標籤 keyword links"),
    ];

    public static readonly HtmlSiteRules PostRules = new() { Elements = Body };

    public static readonly HtmlSiteRules PageRules = new() { Elements = Body };

    /// <summary>The 2024 layout: the story element holds the headline, the time and the text.</summary>
    public static readonly ImmutableArray<PageLayout> Layouts =
    [
        new("2024–", "article.bay-story") { Headline = "article.bay-story h1", Time = "article.bay-story time" },
    ];

    public static readonly Site Site = new()
    {
        Code = Code,
        Hosts = ["baynews.example"],
        Labels = ["灣報", "Bay News"],
        IdPattern = Id(),
        UtcOffset = PageLocale.TaiwanTime,
        DatelineAgencies = ["灣報"],
        DatelineExpected = true,
        SiteNames = ["灣報", "Bay News"],
        PostRules = PostRules,
        PageRules = PageRules,
        Layouts = Layouts,
    };

    [GeneratedRegex(@"baynews\.example/story/(?<id>[0-9]{4,12})")]
    private static partial Regex Id();
}
