using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NewsArchive.Decoding;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// Learns an archive's template from its records: per source, the paragraphs, images and related
/// links that recur across a large share of the source's articles (<see cref="TemplateThresholds"/>).
/// <list type="bullet">
/// <item>A line counts once per distinct article text: a scraper's second copy of a story, or an
/// archive that holds one story many times, does not make the story's own text recur.</item>
/// <item>Lines that recur and are text all the same are never template: closing credits
/// (<c>編輯：施芷珊　網編：畢子默</c>), bracketed attributions (<c>（法新社）</c>), datelines and bylines,
/// and the short bracketed headings of a serial report (<c>&lt;上午&gt;</c>).</item>
/// <item>A template keeps its lines in one place; a paragraph that is not, in at least half its
/// articles, the same paragraph counted from the body's start or its end must recur in twice the
/// share (<see cref="TemplateThresholds.UnplacedShare"/>).</item>
/// <item>Memory stays bounded: a line is kept by a 64-bit key, its text only from its second article
/// on, and past <see cref="DefaultBudget"/> keys those seen in one article only are dropped (a line a
/// template adds is seen again long before that). Each distinct article costs a 64-bit key of its own.</item>
/// </list>
/// Records may come in any order: the template is the same.
/// </summary>
internal sealed partial class TemplateLearner(TemplateThresholds? thresholds = null, int budget = TemplateLearner.DefaultBudget)
{
    /// <summary>How many line keys all sources together keep before those seen in one article only are dropped.</summary>
    public const int DefaultBudget = 1_000_000;

    /// <summary>How deep a paragraph's place is told: the first and the last four paragraphs of a body.</summary>
    public const int PlaceDepth = 4;

    private readonly TemplateThresholds thresholds = thresholds ?? TemplateThresholds.Default;
    private readonly int budget = budget;
    private readonly Dictionary<string, SourceCounts> sources = new(StringComparer.Ordinal);
    private int keys;

    /// <summary>How many keys the next pruning waits for: twice what a pruning kept, so that no run prunes on every record.</summary>
    private int pruneAt = budget;

    /// <summary>Counts one record: its source's article, unless its text was seen already, and every line in it once.</summary>
    public void Add(ArticleRecord record) => Add(Sample(record));

    /// <summary>
    /// What the learner needs of a record, its keys worked out: thread-safe, so that the workers
    /// that parse records can take the hashing off the one thread that counts them.
    /// </summary>
    public static TemplateSample Sample(ArticleRecord record) => new(
        record.Source,
        Key(record.Text),
        Keyed(record.Paragraphs, placed: true),
        Keyed(record.Images.Select(i => i.Url).OfType<string>(), placed: false),
        Keyed(record.Related.Select(r => r.Url ?? r.Title), placed: false));

    /// <summary>Counts one record's sample (<see cref="Sample"/>).</summary>
    public void Add(TemplateSample sample)
    {
        if (!sources.TryGetValue(sample.Source, out var counts))
        {
            sources[sample.Source] = counts = new SourceCounts();
        }

        counts.Records++;
        var firstCopy = counts.ArticleKeys.Add(sample.ArticleKey);
        if (firstCopy)
        {
            counts.Articles++;
        }

        Count(counts.Paragraphs, sample.Paragraphs, firstCopy);
        Count(counts.Images, sample.Images, firstCopy);
        Count(counts.Related, sample.Related, firstCopy);
        if (keys > pruneAt)
        {
            Prune();
            pruneAt = Math.Max(budget, 2 * keys);
        }
    }

    /// <summary>Each distinct value once, with its key and, for paragraphs, the place of its first copy.</summary>
    private static ImmutableArray<TemplateValue> Keyed(IEnumerable<string> values, bool placed)
    {
        var list = values as IReadOnlyList<string> ?? [.. values];
        var keyed = ImmutableArray.CreateBuilder<TemplateValue>(list.Count);
        HashSet<ulong>? seen = null;
        for (var i = 0; i < list.Count; i++)
        {
            var key = Key(list[i]);
            seen ??= [];
            if (seen.Add(key))
            {
                keyed.Add(new TemplateValue(key, list[i], placed ? Place(i, list.Count) : TemplateValue.NoPlace));
            }
        }

        return keyed.ToImmutable();
    }

    /// <summary>
    /// A paragraph's place as a set of bits: bit N for paragraph N from the start, bit
    /// <see cref="PlaceDepth"/> + N for paragraph N from the end (both in a short body).
    /// </summary>
    private static byte Place(int index, int count)
    {
        var fromEnd = count - 1 - index;
        return (byte)((index < PlaceDepth ? 1 << index : 0) | (fromEnd < PlaceDepth ? 1 << (PlaceDepth + fromEnd) : 0));
    }

    /// <summary>The template the records so far teach.</summary>
    public ArchiveTemplate Build() => new(thresholds, sources.Select(pair => Template(pair.Key, pair.Value)));

    private SourceTemplate Template(string source, SourceCounts counts)
    {
        var required = thresholds.RequiredFor(counts.Articles);
        var requiredUnplaced = thresholds.RequiredUnplacedFor(counts.Articles);
        ImmutableArray<TemplateEntry> Recurring(Dictionary<ulong, Line> lines, bool paragraphs) =>
        [
            .. lines.Values
                .Where(line => line.Articles >= required && line.Text is not null)
                .Select(line => (Line: line, Place: paragraphs ? KeptPlace(line) : null))
                .Where(pair => !paragraphs || (pair.Place is not null || pair.Line.Articles >= requiredUnplaced) && !IsTextThatRecurs(pair.Line.Text!))
                .Select(pair => new TemplateEntry(pair.Line.Text!, pair.Line.Articles, pair.Line.Records, TextNormalizer.CountVisible(pair.Line.Text!), pair.Place))
                .OrderByDescending(entry => entry.Articles)
                .ThenBy(entry => entry.Value, StringComparer.Ordinal),
        ];

        return counts.Articles < thresholds.MinArticles
            ? new SourceTemplate(source, counts.Articles, counts.Records, [], [], [])
            : new SourceTemplate(source, counts.Articles, counts.Records, Recurring(counts.Paragraphs, true), Recurring(counts.Images, false), Recurring(counts.Related, false));
    }

    /// <summary>
    /// A line that is text even where it recurs: a credit, an attribution, a dateline or byline, a
    /// serial report's bracketed heading.
    /// </summary>
    internal static bool IsTextThatRecurs(string line) =>
        !CreditsParser.ParseParagraph(line).IsEmpty
        || DatelineParser.TryParseOpening(line, DatelineTables.Any, out _)
        || BylineParser.TryParse(line, DatelineTables.Any, out _)
        || FurnitureSignals.EndsWithCredit(line) && line.TrimStart()[0] is '（' or '('
        || BracketedHeading().IsMatch(line);

    /// <summary>The place a line keeps in at least half its articles (<see cref="TemplateEntry.Place"/>), or null.</summary>
    private static string? KeptPlace(Line line)
    {
        var best = -1;
        var most = 0;
        for (var bit = 0; bit < 2 * PlaceDepth; bit++)
        {
            var count = line.Places is { } places ? places[bit] : (line.FirstPlace >> bit) & 1;
            if (count > most)
            {
                (best, most) = (bit, count);
            }
        }

        return best < 0 || 2 * most < line.Articles ? null
            : best < PlaceDepth ? $"start:{best}"
            : $"end:{best - PlaceDepth}";
    }

    private void Count(Dictionary<ulong, Line> lines, ImmutableArray<TemplateValue> values, bool firstCopy)
    {
        foreach (var value in values)
        {
            ref var line = ref CollectionsMarshal.GetValueRefOrAddDefault(lines, value.Key, out var exists);
            if (!exists)
            {
                line = new Line { Articles = firstCopy ? 1 : 0, Records = 1, FirstPlace = firstCopy ? value.Place : (byte)0 };
                keys++;
                continue;
            }

            line.Records++;
            line.Text ??= value.Value;
            if (!firstCopy)
            {
                continue;
            }

            line.Articles++;
            if (value.Place == TemplateValue.NoPlace && line.FirstPlace == TemplateValue.NoPlace)
            {
                continue;
            }

            // Places are counted per article from the second on: the first's bits seed the counts.
            if (line.Places is null)
            {
                line.Places = new int[2 * PlaceDepth];
                AddPlace(line.Places, line.FirstPlace);
            }

            AddPlace(line.Places, value.Place);
        }
    }

    private static void AddPlace(int[] places, byte place)
    {
        for (var bit = 0; bit < places.Length; bit++)
        {
            places[bit] += (place >> bit) & 1;
        }
    }

    /// <summary>Drops every line seen in one article only, in every source.</summary>
    private void Prune()
    {
        foreach (var counts in sources.Values)
        {
            foreach (var lines in new[] { counts.Paragraphs, counts.Images, counts.Related })
            {
                foreach (var (key, line) in lines)
                {
                    if (line.Articles < 2)
                    {
                        lines.Remove(key);
                        keys--;
                    }
                }
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and in every run.</summary>
    internal static ulong Key(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A serial report's heading: a few characters in brackets (<c>&lt;上午&gt;</c>, <c>〈下午〉</c>, <c>【晚間】</c>).</summary>
    [GeneratedRegex(@"^\s*[<＜〈《【\[［(（][^<>＜＞〈〉《》【】\[\]［］()（）]{1,8}[>＞〉》】\]］)）]\s*$")]
    private static partial Regex BracketedHeading();

    /// <summary>A line's counts: its text from its second sighting on, its places from its second article on.</summary>
    private struct Line
    {
        public int Articles;
        public int Records;
        public string? Text;
        public byte FirstPlace;
        public int[]? Places;
    }

    private sealed class SourceCounts
    {
        public int Records;
        public int Articles;
        public readonly HashSet<ulong> ArticleKeys = [];
        public readonly Dictionary<ulong, Line> Paragraphs = [];
        public readonly Dictionary<ulong, Line> Images = [];
        public readonly Dictionary<ulong, Line> Related = [];
    }
}

/// <summary>A record as <see cref="TemplateLearner"/> counts it: its source, its text's key, and its distinct lines with their keys.</summary>
internal sealed record TemplateSample(
    string Source,
    ulong ArticleKey,
    ImmutableArray<TemplateValue> Paragraphs,
    ImmutableArray<TemplateValue> Images,
    ImmutableArray<TemplateValue> Related);

/// <summary>One distinct line of a record: its key, its text, and for a paragraph its place's bits.</summary>
internal readonly record struct TemplateValue(ulong Key, string Value, byte Place)
{
    /// <summary>The place of an image or a link, and of a paragraph deep in a long body: none.</summary>
    public const byte NoPlace = 0;
}
