using FsCheck;
using FsCheck.Fluent;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive.Tests.Properties;

/// <summary>
/// The shared grammar on text made of its own parts shuffled (brackets of every kind, agencies, role
/// words, places, days, dispatch kinds, slashes, spaces and stray characters): it answers, never
/// throws, and what it says holds. A bracketed dateline ends at a closing bracket of the tables it was
/// read with, and a byline read from one is the whole text.
/// </summary>
public sealed class GrammarPropertyTests
{
    private static readonly string[] Parts =
    [
        "（", "）", "(", ")", "〔", "〕", "【", "】", "中央社", "灣報", "路透社", "Reuters", "記者", "、", "王小明", "台北", "高雄",
        "13日", "１３日", "28", "日", "電", "專電", "綜合外電報導", "報導", "特稿", "／", "/", " ", "\u3000", "\u200B", "。", "，",
        "a", "9", "\uD800", "\uFFFD", "（中央社", "日電）", "\n",
    ];

    private static readonly DatelineTables[] Tables =
    [
        DatelineTables.Any,
        SiteCatalog.Directory.Datelines,
        DatelineTables.Of(["灣報", "路透社"], [('〔', '〕'), ('【', '】')]),
    ];

    private static Gen<string> Texts() =>
        Gen.Frequency(
            (1, Shuffled()),
            (1, from open in Gen.Elements("（", "(", "〔", "【", " （")
                from agency in Gen.Elements("中央社", "灣報", "路透社", "Reuters", "中", "")
                from reporter in Gen.Elements("", "記者王小明", "記者王小明、李大華", "記者")
                from place in Gen.Elements("台北", "高雄", "", "台北、東京")
                from day in Gen.Elements("13日", "１３日", "28", "")
                from kind in Gen.Elements("電", "專電", "綜合外電報導", "特稿", "")
                from close in Gen.Elements("）", ")", "〕", "】", "")
                from rest in Shuffled()
                select open + agency + reporter + place + day + kind + close + rest));

    private static Gen<string> Shuffled() =>
        from count in Gen.Choose(0, 40)
        from parts in Gen.ArrayOf(Gen.Elements(Parts), count)
        select string.Concat(parts);

    [Fact]
    public void DatelineParser_ShuffledParts_AnswersAndEndsAtAClosingBracket()
    {
        var read = 0;
        var property = Prop.ForAll(Texts().ToArbitrary(), text =>
        {
            foreach (var tables in Tables)
            {
                if (DatelineParser.TryParseOpening(text, tables, out var parsed))
                {
                    read++;
                    Assert.InRange(parsed.End, 2, text.Length);
                    Assert.Contains(tables.Brackets, pair => pair.Close == text[parsed.End - 1]);
                    Assert.Contains(tables.Brackets, pair => pair.Open == text.TrimStart()[0]);
                    Assert.False(string.IsNullOrEmpty(parsed.Agency));
                    Assert.True(tables.Agencies.IsDefault || tables.Agencies.Contains(parsed.Agency));
                }

                if (BylineParser.TryParse(text, tables, out var byline))
                {
                    Assert.NotNull(byline);
                }
            }
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true));

        // The generator makes datelines often enough for the checks on one to run.
        Assert.True(read > 300, $"only {read} datelines read");
    }

    [Fact]
    public void SiteDirectory_ShuffledUrls_Answers_AndAKnownHostIsItsSites()
    {
        var hosts = SiteCatalog.Known.SelectMany(s => s.Hosts).ToArray();
        var urls =
            from scheme in Gen.Elements("https://", "http://", "HTTP://", "ftp://", "", "https:///")
            from user in Gen.Elements("", "user@", "a:b@")
            from sub in Gen.Elements("", "www.", "news.", "m.", "evil")
            from host in Gen.Elements([.. hosts, "example.com", "127.0.0.1", "[::1]", "localhost", "udn.com.evil.example", "xcna.com.tw"])
            from port in Gen.Elements("", ":8080", ":")
            from path in Texts()
            select $"{scheme}{user}{sub}{host}{port}/{path}";
        var property = Prop.ForAll(urls.ToArbitrary(), url =>
        {
            var directory = SiteCatalog.Directory;
            var code = directory.FromUrl(url);
            _ = directory.CodeOfFetched(url);
            if (code is not null)
            {
                var site = directory.Find(code)!;
                Assert.True(Input.UrlHost.TryGetHost(url, out var host) && site.OwnsHost(host), $"{url} gave {code}");
                _ = directory.NativeId(code, url);
            }
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true));
    }
}
