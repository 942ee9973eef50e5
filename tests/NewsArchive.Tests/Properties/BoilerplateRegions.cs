using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NewsArchive.Tests.Properties;

/// <summary>
/// Where a sample's boilerplate sits, in bytes, and which changes keep it boilerplate: whole units
/// (a carousel item, a comment-area line) are moved as units so no article markup is touched.
/// </summary>
public sealed record BoilerplateRegions(int Start, int End, int[] UnitStarts, string[] NewUnits, bool CanTruncate)
{
    private static readonly string[] CarouselMarkers = ["<div class='paragraph bottomBox'>", "<div class=\"paragraph bottomBox\">"];

    /// <summary>The samples' boilerplate regions: the CNA carousel, the UDN ticker and the UDN comment area.</summary>
    public static List<BoilerplateRegions> Find(string text)
    {
        var regions = new List<BoilerplateRegions>();
        foreach (var marker in CarouselMarkers)
        {
            var start = text.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var items = AllIndexes(text, "<div class='item topicItem'>").Concat(AllIndexes(text, "<div class=\"item topicItem\">")).Order().ToArray();
            var end = text.LastIndexOf("</div></div></div></div>", StringComparison.Ordinal);
            if (end < start || items.Length == 0)
            {
                // Another layout of the carousel: its end is not known here.
                continue;
            }

            regions.Add(new BoilerplateRegions(Bytes(text, start), Bytes(text, end), [.. items.Select(i => Bytes(text, i))],
                ["<div class='item topicItem'><a href='https://www.cna.com.tw/news/a/1.aspx'><span>聚焦新聞標題</span></a></div>"], CanTruncate: true));
        }

        var ticker = text.IndexOf("快訊\n", StringComparison.Ordinal);
        var byline = text.IndexOf("中央社／", StringComparison.Ordinal);
        if (ticker >= 0 && byline > ticker)
        {
            var headline = text.LastIndexOf("\n\n", text.LastIndexOf('\n', byline - 2), StringComparison.Ordinal);
            var lines = LineStarts(text, ticker + 3, headline).ToArray();
            regions.Add(new BoilerplateRegions(Bytes(text, ticker + 3), Bytes(text, headline), [.. lines.Select(i => Bytes(text, i))],
                ["\n即時新聞標題 全文 23:41\n", "\n另一則快訊標題 00:21\n"], CanTruncate: false));
        }

        var comments = text.IndexOf("商品推薦", StringComparison.Ordinal);
        if (comments >= 0 && byline >= 0)
        {
            var lines = LineStarts(text, comments, text.Length).ToArray();
            regions.Add(new BoilerplateRegions(Bytes(text, comments), Bytes(text, text.Length), [.. lines.Select(i => Bytes(text, i))],
                ["3 則留言\n", "規範\n", "發布\n", "  • 張貼文章或下標籤，不得有違法或侵害他人權益之言論。\n", "udn討論區\n", "商品推薦\n"], CanTruncate: true));
        }

        return regions;
    }

    public Gen<Mutation> Mutations()
    {
        var units = UnitStarts.Append(End).ToArray();
        var unitIndex = Gen.Choose(0, Math.Max(0, UnitStarts.Length - 1));
        var options = new List<Gen<Mutation>>
        {
            unitIndex.Select(i => (Mutation)new Mutation.DeleteSpan(units[i], units[i + 1] - units[i])),
            unitIndex.Select(i => (Mutation)new Mutation.DuplicateSpan(units[i], units[i + 1] - units[i], units[i])),
            Gen.Zip(Gen.Elements(units), Gen.Elements(NewUnits)).Select(p => (Mutation)new Mutation.Insert(p.Item1, p.Item2)),
        };
        if (CanTruncate)
        {
            options.Add(Gen.Choose(Start, End).Select(at => (Mutation)new Mutation.Truncate(at)));
        }

        return Gen.OneOf(options);
    }

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static IEnumerable<int> LineStarts(string text, int from, int to)
    {
        for (var i = from; i < to && i >= 0; i = text.IndexOf('\n', i) + 1)
        {
            if (text.IndexOf('\n', i) < 0)
            {
                yield break;
            }

            yield return i;
        }
    }

    private static int Bytes(string text, int charIndex) => Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
}
