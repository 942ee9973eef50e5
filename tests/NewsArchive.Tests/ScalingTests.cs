using System.Diagnostics;
using System.Text;

namespace NewsArchive.Tests;

/// <summary>
/// No construct the input controls costs more than linear time: for each one, an input four times
/// as large must not take more than ten times as long (a quadratic one takes sixteen). Times are
/// the best of a few runs, with a floor so that tiny timings do not decide; this bounds growth, it is
/// not a speed target.
/// </summary>
[Collection(nameof(ScalingTests))]
public sealed class ScalingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Four times the input may cost at most this many times as much.</summary>
    private const double MaxRatio = 10;

    /// <summary>Timings below this are noise: the smaller input is taken to cost at least this.</summary>
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(20);

    public static TheoryData<string> Constructs => [.. Inputs.Keys];

    private static readonly Dictionary<string, Func<int, string>> Inputs = new()
    {
        ["front matter keys"] = n => Post(Repeat(n, i => $"k{i}: v\n"), "<p>文字。</p>"),
        ["front matter repeated keys"] = n => Post(Repeat(n, _ => "k: v\n"), "<p>文字。</p>"),
        ["markdown image openers"] = n => Post(string.Empty, Repeat(n, _ => "![](")),
        ["markdown link openers"] = n => Post(string.Empty, Repeat(n, _ => "文字 [")),
        ["markdown unclosed block tags"] = n => Post(string.Empty, "文字\n\n" + Repeat(n, _ => "<p x")),
        ["html paragraphs"] = n => Post(string.Empty, Repeat(n, i => $"<p>第{i}段文字。</p>")),
        ["html quoted paragraphs"] = n => Post(string.Empty, Repeat(n, i => $"<blockquote><p>「第{i}句引述的話很長很長。」</p></blockquote><p>他說：「第{i}句引述的話很長很長。」然後。</p>")),
        ["html images in wrappers"] = n => Post(string.Empty, Repeat(n, _ => "<div><div><div><div><div><img src='https://e.com/a.png'></div></div></div></div></div>")),
        ["html link lists"] = n => Post(string.Empty, "<ul>" + Repeat(n, i => $"<li><a href='https://e.com/{i}'>第{i}則</a></li>") + "</ul>"),
        ["html galleries"] = n => Post(string.Empty, Repeat(n, i => $"<div><img src='https://e.com/{i}.png'><b>圖</b>：說明{i}</div>")),
        ["html sibling images"] = n => Post(string.Empty, "<div><p>文字。</p>" + Repeat(n, _ => "<img src='https://e.com/a.png'>") + "</div>"),
        ["html sibling images with empty captions"] = n => Post(string.Empty, "<div><p>文字。</p>" + Repeat(n, _ => "<img src='https://e.com/a.png'><div><small></small></div>") + "</div>"),
        ["html gallery runs with headings"] = n => Post(string.Empty, "<div>" + Repeat(n, i => $"<p>相關圖集</p><div><img src='https://e.com/{i}.png'>甲</div><div><img src='https://e.com/{i}b.png'>乙</div><p>第{i}段文字。</p>") + "</div>"),
        ["html read-more headings over spacers"] = n => Post(string.Empty, "<div>" + Repeat(n, i => $"<h2>延伸閱讀</h2><br><br><p>第{i}段文字。</p>") + "</div>"),
        ["html close controls"] = n => Post(string.Empty, Repeat(n, i => $"<div><p>第{i}段</p><span>關閉</span></div>")),
        ["credit colons"] = n => Post(string.Empty, "<p>" + Repeat(n, _ => "編輯：王小明") + "</p>"),
        ["title link line"] = n => "---\ntitle: t\n---\n[" + Repeat(n, _ => "](x") + "](https://www.cna.com.tw/news/a/1.aspx)\n------\n<p>文字。</p>",
        ["url with repeated hosts"] = n => "---\ntitle: t\nlink: https://www.cna.com.tw/" + Repeat(n, _ => "cna.com.tw/x") + "\n---\n<p>文字。</p>",
        ["udn lines"] = n => Udn(Repeat(n, i => $"第{i}段文字。\n\n")),
        ["udn line of urls"] = n => Udn("說明 " + Repeat(n, _ => "https://udn.com/news/x") + "\n\n"),
        ["udn bullets"] = n => Udn("第一段文字。\n\n" + Repeat(n, _ => "• 規則\n")),
        ["page paragraphs in boxes"] = n => Page(Repeat(n, i => $"<div class='box'><p>第{i}段文字，這是一個很長的句子，有逗號也有句號。</p></div>")),
        ["page boxes of one kind"] = n => Page("<div class='story'><p>開頭的段落，這是一個很長的句子，有逗號也有句號。</p></div>" + Repeat(n, i => $"<div class='story'><div><div><p>第{i}段，很長的句子，有逗號。</p></div></div></div>")),
        ["page headings"] = n => Page(Repeat(n, i => $"<h1>標題{i}</h1><h2>小標{i}</h2><p>第{i}段文字，很長的句子。</p>")),
        ["page comment threads"] = n => Page("<article><p>正文的段落，這是一個很長的句子，有逗號也有句號。</p>" + Repeat(n, i => $"<div class='comment'><p>留言{i}，內容很長很長，有逗號。</p></div>") + "</article>"),
        ["page headline lists"] = n => Page("<div><p>正文的段落，這是一個很長的句子，有逗號也有句號。</p><ul>" + Repeat(n, i => $"<li><a href='/n/{i}'>第{i}則新聞的標題很長</a> <span>01/0{i % 9 + 1}</span></li>") + "</ul></div>"),
        ["page header lines"] = n => Page("<h1>標題</h1>" + Repeat(n, i => $"<span>2024/01/01 10:{i % 60:00}</span><br>") + "<div class='story'><p>正文的段落，這是一個很長的句子，有逗號也有句號。</p></div>"),
        ["page meta tags"] = n => "<!DOCTYPE html><html><head>" + Repeat(n, i => $"<meta name='k{i}' content='v{i}'>") + "<title>標題</title></head><body><p>正文的段落，這是一個很長的句子，有逗號也有句號。</p></body></html>",
        ["page widget rows"] = n => Page("<div class='story'><p>正文的段落，這是一個很長的句子，有逗號也有句號。</p>" + Repeat(n, i => $"<p>字級 <a href='javascript:f({i})'><img src='/s.gif'></a><a href='#'></a></p>") + "</div>"),
        ["page edge lines"] = n => Page("<div class='story'>" + Repeat(n, i => $"<p>短行{i}</p>") + "<p>正文的段落，這是一個很長的句子，有逗號也有句號。</p>" + Repeat(n, i => $"<p>尾行{i}</p>") + "</div>"),
    };

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Parse_FourTimesTheInput_AtMostTenTimesTheTime(string construct)
    {
        var make = Inputs[construct];
        var parser = new ArchiveParser();
        var small = Encoding.UTF8.GetBytes(make(4_000));
        var large = Encoding.UTF8.GetBytes(make(16_000));

        // Other tests run beside this one: a collection or a busy core can slow one measurement. A
        // construct that is superlinear is slow in every attempt; one fast attempt shows it is not.
        var attempts = new List<string>();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var smallTime = Best(parser, small);
            var largeTime = Best(parser, large);
            var ratio = largeTime / (smallTime > Floor ? smallTime : Floor);
            output.WriteLine($"{construct}: {smallTime.TotalMilliseconds:0.0} ms, {largeTime.TotalMilliseconds:0.0} ms, {ratio:0.0}×");
            if (ratio <= MaxRatio)
            {
                return;
            }

            attempts.Add($"{smallTime.TotalMilliseconds:0.0} ms and {largeTime.TotalMilliseconds:0.0} ms ({ratio:0.0}×)");
        }

        Assert.Fail($"{construct}: {small.Length} and {large.Length} bytes took {string.Join("; ", attempts)}");
    }

    /// <summary>How many times a construct is measured before its scaling counts as superlinear.</summary>
    private const int Attempts = 3;

    private static TimeSpan Best(ArchiveParser parser, byte[] input)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = parser.Parse(new InputFile("scaling.txt", input));
            clock.Stop();
            Assert.NotNull(outcome);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }

    private static string Repeat(int count, Func<int, string> part)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(part(i));
        }

        return builder.ToString();
    }

    private static string Post(string frontMatter, string body) => $"---\ntitle: 標題\ndate: 2024-01-01\n{frontMatter}---\n\n{body}\n";

    private static string Page(string body) => $"<!DOCTYPE html><html lang='zh-Hant-TW'><head><meta charset='utf-8'><title>標題 | 範例</title></head><body>{body}</body></html>";

    private static string Udn(string body) => $"聯合新聞網\n標題很長的一行字\n\n中央社／ 基輔22日專電\n\n{body}udn討論區\n";
}

/// <summary>Timing tests run alone, not beside the property tests that would load every core.</summary>
[CollectionDefinition(nameof(ScalingTests), DisableParallelization = true)]
public sealed class ScalingCollection;
