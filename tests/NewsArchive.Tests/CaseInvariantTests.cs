using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using NewsArchive.Assembly;
using NewsArchive.Output;
using NewsArchive.Records;

namespace NewsArchive.Tests;

/// <summary>Checks that hold for every golden record, whatever its format.</summary>
public sealed partial class CaseInvariantTests
{
    /// <summary>Boilerplate strings the schema lists: none may reach paragraphs, text, tags or related titles.</summary>
    private static readonly string[] BoilerplateFragments =
    [
        "聚焦新聞", "owl-carousel", "topicItem", "SubscriptionInner", "請輸入電子信箱", "感謝您的訂閱", "電子報 第一手",
        "<script", "<svg", "twitter-tweet", "udn討論區", "商品推薦", "則留言", "不得有違法或侵害他人權益", "Your browser does not support",
    ];

    /// <summary>Whole lines that are boilerplate on UDN pages, though the words may occur inside real sentences.</summary>
    private static readonly string[] BoilerplateLines = ["快訊", "規範", "發布", "More", "WhatsApp", "twitter", "facebook", "贊助廣告", "延伸閱讀", "相關新聞"];

    [Theory]
    [MemberData(nameof(GoldenCase.RecordNames), MemberType = typeof(GoldenCase))]
    public void Record_HasNoBoilerplate(string name)
    {
        var record = GoldenCase.Get(name).ParseRecord();
        var fields = record.Paragraphs.Concat(record.Tags).Concat(record.Related.Select(r => r.Title)).Append(record.Text).Append(record.Title);
        foreach (var value in fields)
        {
            foreach (var fragment in BoilerplateFragments)
            {
                Assert.DoesNotContain(fragment, value, StringComparison.Ordinal);
            }
        }

        foreach (var paragraph in record.Paragraphs)
        {
            Assert.DoesNotContain(paragraph, BoilerplateLines);
            Assert.False(CommentCounter().IsMatch(paragraph), $"comment counter in paragraphs: {paragraph}");
            Assert.False(paragraph.StartsWith('•'), $"policy bullet in paragraphs: {paragraph}");
            Assert.DoesNotContain(paragraph, record.Images.Select(i => i.Caption));
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCase.RecordNames), MemberType = typeof(GoldenCase))]
    public void Record_IsWholeAndConsistent(string name)
    {
        var record = GoldenCase.Get(name).ParseRecord();
        Assert.NotEmpty(record.Title);
        Assert.True(!record.Paragraphs.IsEmpty || record.Warnings.Contains(ArticleRecordBuilder.NoTextWarning), "a record without text and without a warning that says so");
        Assert.Equal(string.Join('\n', record.Paragraphs), record.Text);
        Assert.All(record.Paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.All(record.Paragraphs, p => Assert.DoesNotContain("  ", p, StringComparison.Ordinal));
        Assert.StartsWith(record.Source + ":", record.Id, StringComparison.Ordinal);
        Assert.Equal(record.Images.Length, record.Images.Distinct().Count());
        Assert.Equal(record.Tags.Length, record.Tags.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(GoldenCase.RecordNames), MemberType = typeof(GoldenCase))]
    public void Record_RoundTripsThroughEveryWriter(string name)
    {
        var record = GoldenCase.Get(name).ParseRecord();

        using var json = JsonDocument.Parse(Write(record, RecordFormat.Json));
        var fromArray = json.RootElement.EnumerateArray().Single();
        Assert.Equal(record.Id, fromArray.GetProperty("id").GetString());
        Assert.Equal(record.Paragraphs.Length, fromArray.GetProperty("paragraphs").GetArrayLength());

        var lines = Write(record, RecordFormat.JsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var line = JsonDocument.Parse(Assert.Single(lines));
        Assert.Equal(record.Text, line.RootElement.GetProperty("text").GetString());

        var csvBytes = System.Text.Encoding.UTF8.GetBytes(Write(record, RecordFormat.Csv));
        using var reader = CsvReader.Create(csvBytes, CsvReaderOptions.Default);
        Assert.True(reader.Read());
        Assert.Equal(CsvFormat.Columns, reader.Headers);
        Assert.Equal(record.Id, reader.GetString("id"));
        Assert.Equal(record.Text, reader.GetString("text"));
        Assert.Equal(record.Paragraphs.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString("paragraph_count"));
        Assert.Equal(string.Join("; ", record.Tags), reader.GetString("tags"));
        Assert.False(reader.Read());
    }

    internal static string Write(ArticleRecord record, RecordFormat format)
    {
        using var stream = new MemoryStream();
        using (var writer = new RecordWriter(stream, format))
        {
            writer.Write(record);
            writer.Complete();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"^(?:共\s*)?\d+\s*則留言$")]
    private static partial Regex CommentCounter();
}
