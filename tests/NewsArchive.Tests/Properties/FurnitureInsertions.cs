using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NewsArchive.Tests.Properties;

/// <summary>
/// Page furniture of every kind the generic pass knows, inserted into HTML bodies between paragraphs
/// (or, for pop-ups, inside a sentence): the article's paragraphs must come out unchanged.
/// </summary>
public static class FurnitureInsertions
{
    /// <summary>Blocks that go between two paragraphs. <c>{quote}</c> becomes a sentence of the article.</summary>
    private static readonly string[] BetweenParagraphs =
    [
        "<div class='followBox'><img src='https://img.example.com/logo-news.png' width='32' height='32'><span>一手掌握最新消息 追蹤我們的頻道</span><a href='https://news.google.com/publications/X1'>立即追蹤</a></div>",
        "<p><img src='https://img.example.com/icons/googlenews_logo.svg'></p>",
        "<p>一手掌握即時新聞，歡迎追蹤 Google 新聞</p>",
        "<p><a href='https://news.google.com/publications/X2'>https://news.google.com/publications/X2</a></p>",
        "<nav><a href='/'>首頁</a><a href='/news'>新聞</a></nav>",
        "<aside><h3>熱門新聞</h3><p>本週最多人閱讀的報導。</p></aside>",
        "<footer><p>版權所有</p></footer>",
        "<div role='complementary'><a href='/x'>看更多</a></div>",
        "<div aria-hidden='true'>00:02:15</div>",
        "<dialog open><p>您的瀏覽器版本過舊。</p></dialog>",
        "<div class='popup-notice'><p>本站使用 Cookie 以改善瀏覽體驗。</p><button>×</button></div>",
        "<div class='ad-slot-inline'><p>夏季特賣全館八折</p></div>",
        "<div class='advertisement'>廣告</div>",
        "<div class='share'><a href='https://www.facebook.com/sharer'>分享</a></div>",
        "<div><a href='/a'>上一則新聞標題</a> | <a href='/b'>下一則新聞標題</a> | <a href='/c'>回到列表</a></div>",
        "<ul><li><a href='https://example.com/news/1'>另一則相關新聞的標題</a></li><li><a href='https://example.com/news/2'>第二則相關新聞</a></li></ul>",
        "<div><img src='https://img.example.com/g1.jpg'><b>圖一</b>：展場一隅</div><div><img src='https://img.example.com/g2.jpg'><b>圖二</b>：參觀民眾</div>",
        "<figure><img src='https://img.example.com/f.jpg'><figcaption>現場照片（路透社）</figcaption></figure>",
        "<img src='https://img.example.com/p.jpg'><div>現場民眾排隊入場（美聯社）</div>",
        "<iframe src='https://www.youtube.com/embed/x'></iframe><p>影片來源：YouTube</p>",
        "<blockquote class='instagram-media'><p>A post shared by someone</p></blockquote>",
        "<p>View this post on Instagram</p>",
        "<p>在 Threads 查看</p>",
        "<p>null</p>",
        "<div style='display:none'>隱藏的文字</div>",
        "<script>var x = '<p>not text</p>';</script>",
        "<noscript><div><p>請開啟 JavaScript</noscript>",
        "<svg><text>icon</text></svg>",
        "<form><input type='email'><button>訂閱</button></form>",
        "<blockquote class='pullquote'><p>{quote}</p></blockquote>",
    ];

    /// <summary>A pop-up set inside a sentence: the parser splits the paragraph around it, the reader mends it.</summary>
    private const string InsideSentence = "<div class='glossaryBox'><div>小百科</div><p>名詞的解釋文字。</p><a href='https://www.cna.com.tw/glossary/9'>看更多</a><span>關閉</span></div>";

    /// <summary>Places in the body where a block may go: right after a paragraph closes, before the next opens.</summary>
    public static Gen<MutatedInput> Mutations(IReadOnlyDictionary<string, byte[]> samples, IReadOnlyDictionary<string, IReadOnlyList<string>> paragraphs)
    {
        var gens = new List<Gen<MutatedInput>>();
        foreach (var (name, bytes) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var text = Encoding.UTF8.GetString(bytes);
            var boundaries = Boundaries(text).ToArray();
            if (boundaries.Length == 0)
            {
                continue;
            }

            var quote = paragraphs[name].Where(p => p.Length is >= 12 and <= 150 && !p.Contains('（', StringComparison.Ordinal)).Select(FirstSentence).FirstOrDefault(s => s.Length >= 10);
            var blocks = BetweenParagraphs.Where(b => quote is not null || !b.Contains("{quote}", StringComparison.Ordinal))
                .Select(b => b.Replace("{quote}", quote, StringComparison.Ordinal)).ToArray();
            var sentences = InsideSentences(text).ToArray();
            var options = new List<Gen<Mutation>>
            {
                Gen.Zip(Gen.Elements(boundaries), Gen.Elements(blocks)).Select(p => (Mutation)new Mutation.Insert(Bytes(text, p.Item1), p.Item2)),
            };
            if (sentences.Length > 0)
            {
                options.Add(Gen.Elements(sentences).Select(at => (Mutation)new Mutation.Insert(Bytes(text, at), InsideSentence)));
            }

            gens.Add(Gen.OneOf(options).Select(m => new MutatedInput(name, m)));
        }

        return Gen.OneOf(gens);
    }

    /// <summary>Offsets right after each <c>&lt;/p&gt;</c> that is directly followed by another <c>&lt;p&gt;</c>.</summary>
    private static IEnumerable<int> Boundaries(string text)
    {
        for (var i = text.IndexOf("</p>", StringComparison.Ordinal); i >= 0; i = text.IndexOf("</p>", i + 1, StringComparison.Ordinal))
        {
            var after = i + 4;
            var next = text.AsSpan(after).TrimStart();
            if (next.StartsWith("<p>", StringComparison.Ordinal))
            {
                yield return after;
            }
        }
    }

    /// <summary>Offsets between two CJK characters inside a paragraph's first text run.</summary>
    private static IEnumerable<int> InsideSentences(string text)
    {
        for (var i = text.IndexOf("<p>", StringComparison.Ordinal); i >= 0; i = text.IndexOf("<p>", i + 1, StringComparison.Ordinal))
        {
            var start = i + 3;
            var at = start + 8;
            if (at + 1 < text.Length && IsCjk(text[at - 1]) && IsCjk(text[at]) && text.AsSpan(start, 8).IndexOfAny('<', '>') < 0)
            {
                yield return at;
            }
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static string FirstSentence(string paragraph)
    {
        var end = paragraph.IndexOf('。');
        return end < 0 ? paragraph : paragraph[..(end + 1)];
    }

    private static int Bytes(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
}
