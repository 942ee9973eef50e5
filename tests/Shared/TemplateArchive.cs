using System.Globalization;
using System.Text;

namespace NewsArchive.Testing;

/// <summary>
/// An archive of Jekyll posts written for the template tests (no third-party text): one source, each
/// post a story of its own made from a numbered pattern, and lines put into a chosen number of them.
/// </summary>
internal static class TemplateArchive
{
    /// <summary>A promo a template adds, as a whole paragraph.</summary>
    public const string Promo = "訂閱範例晨報電子報，每天早上七點收到當日重點新聞！";

    /// <summary>A line of a serial report: a heading, text however often it recurs.</summary>
    public const string ScheduleHeading = "<上午>";

    /// <summary>An editor's closing credit: text, however often one editor recurs.</summary>
    public const string Credit = "（編輯：王小明）";

    /// <summary>An advertising placeholder's URL (the name is no ad slot's, so no rule takes it).</summary>
    public const string PlaceholderImage = "https://static.example-morning.tw/img/house-banner.jpg";

    private static readonly string[] Places = ["北區", "南區", "東區", "西區", "中區", "港區", "山區", "新市鎮"];
    private static readonly string[] Things = ["公園", "圖書館", "市場", "步道", "車站", "學校", "診所", "體育館"];

    /// <summary>
    /// The post numbered <paramref name="n"/>: two paragraphs of its own, and each line of
    /// <paramref name="extra"/> as a paragraph of its own after them.
    /// </summary>
    public static string Post(int n, IEnumerable<string> extra, bool image = false)
    {
        var place = Places[n % Places.Length];
        var thing = Things[n / Places.Length % Things.Length];
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>市府今天宣布，{place}的第{n}座{thing}將在明年完工，預計可服務{1000 + n * 7}名市民。</p>\n");
        if (image)
        {
            body.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{PlaceholderImage}\" alt=\"\"></figure>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>工程單位表示，第{n}號工程進度良好，{place}居民可在施工期間到附近的臨時{thing}使用。</p>\n");
        foreach (var line in extra)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{System.Net.WebUtility.HtmlEncode(line)}</p>\n");
        }

        return $"---\ntitle: 第{n}座{thing}明年完工\ndate: 2024-11-{1 + n % 28:D2} 08:00:00 +08:00\nlink: https://news.example-morning.tw/2024/11/story-{n}\ncategories: exmorning\n---\n\n<div class=\"story\">\n{body}</div>\n";
    }

    /// <summary>Writes <paramref name="count"/> posts into a new folder; <paramref name="lines"/> says which lines post n holds.</summary>
    public static string Write(string directory, int count, Func<int, IEnumerable<string>> lines, Func<int, bool>? image = null)
    {
        Directory.CreateDirectory(directory);
        for (var n = 0; n < count; n++)
        {
            File.WriteAllText(Path.Combine(directory, $"post-{n:D4}.html"), Post(n, lines(n), image?.Invoke(n) ?? false));
        }

        return directory;
    }
}
