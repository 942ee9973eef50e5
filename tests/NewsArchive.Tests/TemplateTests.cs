using System.Text;
using NewsArchive.Assembly;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Records;
using NewsArchive.Sites;
using NewsArchive.Testing;

namespace NewsArchive.Tests;

/// <summary>
/// The archive's template, learned from records of posts written for the test: a line recurring in a
/// large enough share of a source's distinct articles is taken out, one below it is not, and lines
/// that are text wherever they recur stay.
/// </summary>
public sealed class TemplateTests
{
    private static readonly ArchiveParser Parser = new();

    private static ArticleRecord Parse(string post) =>
        Assert.IsType<ParseOutcome.Parsed>(Parser.Parse(new InputFile("post.html", Encoding.UTF8.GetBytes(post)))).Record;

    private static List<ArticleRecord> Archive(int count, Func<int, IEnumerable<string>> lines, Func<int, bool>? image = null) =>
        [.. Enumerable.Range(0, count).Select(n => Parse(TemplateArchive.Post(n, lines(n), image?.Invoke(n) ?? false)))];

    private static ArchiveTemplate Learn(IEnumerable<ArticleRecord> records, int budget = TemplateLearner.DefaultBudget)
    {
        var learner = new TemplateLearner(budget: budget);
        foreach (var record in records)
        {
            learner.Add(record);
        }

        return learner.Build();
    }

    [Theory]
    [InlineData(200, 19, false)]
    [InlineData(200, 20, true)]
    [InlineData(200, 120, true)]
    [InlineData(50, 9, false)]
    [InlineData(50, 10, true)]
    [InlineData(9, 9, false)]
    public void Apply_LineInKOfNPosts_IsRemovedFromTheThresholdOn(int posts, int withPromo, bool removed)
    {
        // Spread over the archive, as a template line is: every (posts / withPromo)-th post.
        var carriers = Enumerable.Range(0, withPromo).Select(i => i * posts / withPromo).ToHashSet();
        var records = Archive(posts, n => carriers.Contains(n) ? [TemplateArchive.Promo] : []);
        var template = Learn(records);

        var carrier = records[carriers.First()];
        var applied = template.Apply(carrier, out var removal);
        Assert.Equal(removed, !applied.Paragraphs.Contains(TemplateArchive.Promo));
        Assert.Equal(removed ? 1 : 0, removal.Paragraphs);
        Assert.Equal(2, applied.Paragraphs.Length - (removed ? 0 : 1));
        Assert.Equal(string.Join('\n', applied.Paragraphs), applied.Text);
    }

    [Theory]
    [InlineData(30, false, true)]
    [InlineData(30, true, false)]
    [InlineData(50, true, true)]
    public void Learn_LineThatKeepsNoPlace_NeedsTwiceTheShare(int withQuote, bool scattered, bool removed)
    {
        // 200 posts; the quote sits deep in the body at a place that changes from post to post, or
        // closes the body each time. Paragraphs of the post's own come before and after it.
        const string quote = "市長說：「這是市民期待已久的建設。」";
        IEnumerable<string> Lines(int n)
        {
            if (n % (200 / withQuote) != 0 || n / (200 / withQuote) >= withQuote)
            {
                return [];
            }

            var before = PlaceFree(n, 4 + n % 4);
            return scattered ? [.. before, quote, .. PlaceFree(n + 1000, 4 + (n / 4 % 4))] : [.. before, quote];
        }

        var records = Archive(200, Lines);
        var entries = Learn(records).Sources.Single().Paragraphs;
        Assert.Equal(removed ? [quote] : [], entries.Select(e => e.Value));
        if (removed)
        {
            Assert.Equal(scattered ? null : "end:0", entries[0].Place);
        }
        else
        {
            Assert.Equal(withQuote, records.Count(r => r.Paragraphs.Contains(quote)));
        }
    }

    /// <summary>Paragraphs of post n's own, none of them recurring.</summary>
    private static IEnumerable<string> PlaceFree(int n, int count) =>
        Enumerable.Range(0, count).Select(k => $"第{n}篇的第{k}段補充說明，各篇的內容都不一樣。");

    [Fact]
    public void Apply_LineInOneRecord_IsNeverRemoved()
    {
        var records = Archive(12, n => n == 5 ? ["只在這一篇出現的一句話。"] : []);
        var applied = Learn(records).Apply(records[5], out var removal);
        Assert.True(removal.IsEmpty);
        Assert.Contains("只在這一篇出現的一句話。", applied.Paragraphs);
    }

    [Fact]
    public void Apply_CreditsAndScheduleHeadings_AreTextWhereverTheyRecur()
    {
        var records = Archive(100, n => n % 2 == 0 ? [TemplateArchive.ScheduleHeading, "第二段之前的小標，每篇都有。", TemplateArchive.Credit] : [TemplateArchive.Credit]);
        var template = Learn(records);
        var applied = template.Apply(records[0], out _);
        Assert.Contains(TemplateArchive.Credit, applied.Paragraphs);
        Assert.Contains(TemplateArchive.ScheduleHeading, applied.Paragraphs);

        // A sentence that recurs as often is the template's: only the text that is text stays.
        Assert.DoesNotContain("第二段之前的小標，每篇都有。", applied.Paragraphs);
        Assert.Equal(["第二段之前的小標，每篇都有。"], template.Sources.Single().Paragraphs.Select(e => e.Value));
    }

    [Fact]
    public void Learn_AnArticleTheArchiveHoldsManyTimes_CountsOnce()
    {
        // 30 copies of one story (a scraper fetched it again and again, under new titles) among 70
        // others: its own closing line is in 30% of the records but in one article.
        var story = TemplateArchive.Post(7, ["這篇報導自己的結尾，只屬於這一篇。"]);
        var records = Archive(70, _ => []);
        records.AddRange(Enumerable.Range(0, 30).Select(i => Parse(story.Replace("title: ", $"title: ({i}) ", StringComparison.Ordinal))));

        var template = Learn(records);
        var source = template.Sources.Single();
        Assert.Equal(71, source.Articles);
        Assert.Equal(100, source.Records);
        Assert.Empty(source.Paragraphs);
        Assert.True(template.IsEmpty);
    }

    [Fact]
    public void Apply_RecurringImageAndRelatedLink_AreTakenOutOfTheirFields()
    {
        var records = Archive(40, _ => [], image: n => n % 2 == 0);
        var withImage = records[0];
        Assert.Equal(TemplateArchive.PlaceholderImage, Assert.Single(withImage.Images).Url);
        var related = new RelatedLink("下載範例晨報App", "https://news.example-morning.tw/app");
        records = [.. records.Select((r, i) => i % 3 == 0 ? r with { Related = [related, new RelatedLink($"第{i}則延伸閱讀", $"https://news.example-morning.tw/r/{i}")] } : r)];

        var template = Learn(records);
        var applied = template.Apply(records[0], out var removal);
        Assert.Empty(applied.Images);
        Assert.Equal([$"第0則延伸閱讀"], applied.Related.Select(r => r.Title));
        Assert.Equal(new TemplateRemoval(0, 1, 1, 0), removal);
        Assert.Equal(records[0].Paragraphs, applied.Paragraphs);
    }

    [Fact]
    public void Apply_TemplateTakesMostOfTheText_WarnsOfTheLoss()
    {
        var notice = string.Concat(Enumerable.Repeat("本網站內容僅供參考，轉載請註明出處並附上原文連結，違者將依法追究。", 8));
        var records = Archive(30, _ => [notice]);
        var applied = Learn(records).Apply(records[3], out var removal);
        Assert.Equal(1, removal.Paragraphs);
        var warning = Assert.Single(applied.Warnings);
        Assert.StartsWith("furniture rule \"lines, images and related links the archive's own template repeats", warning, StringComparison.Ordinal);
        Assert.EndsWith("of the body text", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ContentHashId_FollowsTheText()
    {
        var records = Archive(20, _ => [TemplateArchive.Promo]);
        var template = Learn(records);
        var plain = records[0];
        var applied = template.Apply(plain, out _);
        Assert.NotEqual(plain.Id, applied.Id);
        Assert.Equal(ArticleIdBuilder.Build(applied.Source, applied.Url, applied.Title, applied.Text, SiteCatalog.Directory), applied.Id);
    }

    [Fact]
    public void Learn_RecordsInAnyOrder_TeachTheSameTemplate()
    {
        var records = Archive(60, n => n % 3 == 0 ? [TemplateArchive.Promo] : n % 7 == 0 ? ["每七篇出現一次的推廣文字。"] : []);
        var shuffled = records.OrderBy(r => r.Title.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToList();
        Assert.Equal(Json(Learn(records)), Json(Learn(shuffled)));
    }

    [Fact]
    public void Learn_BudgetReached_KeepsTheLinesThatRecur()
    {
        // A budget far below the archive's distinct lines: singletons are dropped again and again,
        // and the line every third post holds is still found.
        var records = Archive(300, n => n % 3 == 0 ? [TemplateArchive.Promo] : []);
        var template = Learn(records, budget: 50);
        Assert.Equal([TemplateArchive.Promo], template.Sources.Single().Paragraphs.Select(e => e.Value));
        Assert.Equal(100, template.Sources.Single().Paragraphs[0].Articles);
    }

    [Theory]
    [InlineData(TemplateTally.DefaultMemoryLimit)]
    [InlineData(256)]
    public void Tally_CountsWhatApplyTakesOut(int memoryLimit)
    {
        // The promo in every third post, the image in every second: 30 and 45 of 90, 60 in all.
        var records = Archive(90, n => n % 3 == 0 ? [TemplateArchive.Promo] : [], image: n => n % 2 == 0);
        var learner = new TemplateLearner();
        using var tally = new TemplateTally(memoryLimit);
        foreach (var record in records)
        {
            var sample = TemplateLearner.Sample(record);
            learner.Add(sample);
            tally.Add(sample);
        }

        var template = learner.Build();
        var removals = records.Select(r => { template.Apply(r, out var removal); return removal; }).Where(r => !r.IsEmpty).ToList();
        var totals = tally.Count(template)["exmorning"];
        Assert.Equal(new TemplateTotals(60, 30, 45, 0, 30L * TextNormalizer.CountVisible(TemplateArchive.Promo)), totals);
        Assert.Equal(removals.Count, totals.Records);
        Assert.Equal(removals.Sum(r => r.Chars), totals.Chars);
    }

    [Fact]
    public void EntrySpool_PastItsMemoryLimit_MovesToAFileThatHasNoName()
    {
        using var spool = new EntrySpool(memoryLimit: 100);
        var entries = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, i * 3).Select(b => (byte)(b + i)).ToArray()).ToList();
        foreach (var entry in entries)
        {
            spool.Append(entry);
        }

        Assert.NotNull(spool.FilePath);
        if (!OperatingSystem.IsWindows())
        {
            Assert.False(File.Exists(spool.FilePath));
        }

        Assert.Equal(entries, spool.Read().Select(e => e.ToArray()));
        Assert.Throws<InvalidOperationException>(() => spool.Append([1]));
    }

    [Fact]
    public void EntrySpool_NoTemporaryFileCanBeMade_StaysInMemoryAndSaysWhy()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"newsarchive-no-such-folder-{Guid.NewGuid():N}");
        using var spool = new EntrySpool(memoryLimit: 10, missing);
        var entries = Enumerable.Range(0, 20).Select(i => new byte[] { (byte)i, (byte)(i * 3), 7 }).ToList();
        foreach (var entry in entries)
        {
            spool.Append(entry);
        }

        Assert.Null(spool.FilePath);
        Assert.StartsWith(missing + ": ", spool.SpoolError, StringComparison.Ordinal);
        Assert.Equal(entries, spool.Read().Select(e => e.ToArray()));
    }

    [Fact]
    public void TemplateFile_WrittenAndRead_TakesOutTheSame()
    {
        var records = Archive(50, n => n % 2 == 0 ? [TemplateArchive.Promo] : [], image: n => n % 4 == 0);
        var learned = Learn(records);
        Assert.True(TemplateFile.TryRead(Encoding.UTF8.GetBytes(Json(learned)), out var read, out var reason), reason);
        Assert.Equal(Json(learned), Json(read));
        foreach (var record in records)
        {
            Assert.Equal(GoldenCase.Canonical(learned.Apply(record, out _)), GoldenCase.Canonical(read.Apply(record, out _)));
        }
    }

    [Theory]
    [InlineData("{}", "not a newsarchive template")]
    [InlineData("{\"format\": \"newsarchive-template\", \"version\": 2}", "a template of version 2; this newsarchive reads version 1")]
    [InlineData("{\"format\": \"newsarchive-template\", \"version\": 1, \"sources\": [{\"articles\": 3}]}", "a source without its \"source\" code")]
    [InlineData("[1, 2", "not valid JSON")]
    public void TemplateFile_NotATemplate_IsRefusedWithItsReason(string text, string reason)
    {
        Assert.False(TemplateFile.TryRead(Encoding.UTF8.GetBytes(text), out _, out var given));
        Assert.StartsWith(reason, given, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateFile_Json_IsTheDocumentedShape()
    {
        var records = Archive(20, _ => [TemplateArchive.Promo]);
        using var document = System.Text.Json.JsonDocument.Parse(Json(Learn(records)));
        var root = document.RootElement;
        Assert.Equal("newsarchive-template", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(0.1, root.GetProperty("thresholds").GetProperty("min_share").GetDouble());
        var source = root.GetProperty("sources")[0];
        Assert.Equal(20, source.GetProperty("articles").GetInt32());
        var entry = source.GetProperty("paragraphs")[0];
        Assert.Equal(TemplateArchive.Promo, entry.GetProperty("text").GetString());
        Assert.Equal(20, entry.GetProperty("records").GetInt32());
        Assert.Equal(TextNormalizer.CountVisible(TemplateArchive.Promo), entry.GetProperty("chars").GetInt32());
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(99, 10)]
    [InlineData(101, 11)]
    [InlineData(1000, 100)]
    [InlineData(12, 10)]
    public void RequiredFor_IsTenPercentAndAtLeastTen(int articles, int required)
    {
        Assert.Equal(required, TemplateThresholds.Default.RequiredFor(articles));
    }

    private static string Json(ArchiveTemplate template)
    {
        using var stream = new MemoryStream();
        TemplateFile.Write(template, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
