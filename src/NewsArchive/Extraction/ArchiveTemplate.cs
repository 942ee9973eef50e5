using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsArchive.Decoding;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>
/// When a line recurs often enough across one source's records to be its template's:
/// in at least <see cref="MinShare"/> of the source's distinct articles and in at least
/// <see cref="MinArticles"/> of them.
/// </summary>
internal sealed record TemplateThresholds
{
    /// <summary>
    /// 10% of a source's articles: a promo, a screen-reader text or a credit widget a template adds
    /// to every page is in most of them (30% to 90% in a month of a real archive), a line of real text
    /// that recurs (a correspondent's sign-off, an editor's credit) in a few. See the README.
    /// </summary>
    public const double DefaultMinShare = 0.10;

    /// <summary>
    /// 10 articles: below that a share says little (2 of 12 is 17%), and a source with fewer records
    /// than this learns no template at all.
    /// </summary>
    public const int DefaultMinArticles = 10;

    /// <summary>
    /// 20% of a source's articles for a paragraph that keeps no place: one that is not, in at least
    /// half the articles it is in, the same paragraph counted from the body's start or from its end
    /// (<see cref="TemplateEntry.Place"/>). A template puts its lines in one place (the promo after
    /// the text, the widget's label before it); a sentence of real text that recurs (a quote a
    /// series repeats) moves with the story around it. A widget the template drops into the middle
    /// of the text, or an image credit, still recurs in far more than this.
    /// </summary>
    public const double DefaultUnplacedShare = 0.20;

    public static readonly TemplateThresholds Default = new();

    public double MinShare { get; init; } = DefaultMinShare;

    public int MinArticles { get; init; } = DefaultMinArticles;

    public double UnplacedShare { get; init; } = DefaultUnplacedShare;

    /// <summary>How many distinct articles a line must be in, for a source of <paramref name="articles"/> distinct articles.</summary>
    public int RequiredFor(int articles) => Required(MinShare, articles);

    /// <summary>How many distinct articles a paragraph that keeps no place must be in.</summary>
    public int RequiredUnplacedFor(int articles) => Math.Max(RequiredFor(articles), Required(UnplacedShare, articles));

    private int Required(double share, int articles) => Math.Max(Math.Max(MinArticles, 2), (int)Math.Ceiling(share * articles - 1e-9));
}

/// <summary>What a template holds of one source: the lines, images and related links its pages repeat.</summary>
/// <param name="Source">The source's code.</param>
/// <param name="Articles">How many distinct article texts the template was learned from.</param>
/// <param name="Records">How many records.</param>
/// <param name="Paragraphs">The paragraphs the template repeats.</param>
/// <param name="Images">The image URLs it repeats.</param>
/// <param name="Related">The related links it repeats, by URL (by title when a link has none).</param>
internal sealed record SourceTemplate(string Source, int Articles, int Records, ImmutableArray<TemplateEntry> Paragraphs, ImmutableArray<TemplateEntry> Images, ImmutableArray<TemplateEntry> Related);

/// <summary>
/// One thing a template repeats: a paragraph's text, an image's URL, or a related link's URL (its
/// title when it has none); in how many distinct articles and records it was seen, and how many
/// visible characters it holds; for a paragraph, the place it keeps.
/// </summary>
/// <param name="Value">The paragraph's text, the image's URL, the link's URL or title.</param>
/// <param name="Articles">In how many distinct articles it was seen.</param>
/// <param name="Records">In how many records.</param>
/// <param name="Chars">How many visible characters it holds.</param>
/// <param name="Place">
/// Where a paragraph sits in at least half the articles it is in: <c>start:N</c>, the body's
/// paragraph N counted from 0 at its start, or <c>end:N</c>, counted from 0 at its end (N below
/// <see cref="TemplateLearner.PlaceDepth"/>); null for one that keeps no place, and for images and links.
/// </param>
internal sealed record TemplateEntry(string Value, int Articles, int Records, int Chars, string? Place = null);

/// <summary>What a template took out of one record.</summary>
internal readonly record struct TemplateRemoval(int Paragraphs, int Images, int Related, int Chars)
{
    public bool IsEmpty => Paragraphs == 0 && Images == 0 && Related == 0;
}

/// <summary>
/// The furniture an archive's own template adds, learned from the archive (<see cref="TemplateLearner"/>)
/// or read from a file (<see cref="TemplateFile"/>): per source, the paragraphs, images and related
/// links that recur across a large share of its records. <see cref="Apply"/> takes them out of a
/// record, with the loss accounting every furniture rule has.
/// </summary>
internal sealed class ArchiveTemplate
{
    /// <summary>The rule a template's removals are logged under.</summary>
    public static readonly TemplateRule Rule = new("lines, images and related links the archive's own template repeats (learned from the archive)");

    public static readonly ArchiveTemplate Empty = new(TemplateThresholds.Default, []);

    private readonly FrozenDictionary<string, Compiled> bySource;

    public ArchiveTemplate(TemplateThresholds thresholds, IEnumerable<SourceTemplate> sources)
    {
        Thresholds = thresholds;
        Sources = [.. sources.OrderBy(s => s.Source, StringComparer.Ordinal)];
        bySource = Sources.ToFrozenDictionary(s => s.Source, s => new Compiled(s), StringComparer.Ordinal);
    }

    public TemplateThresholds Thresholds { get; }

    /// <summary>Every source's template, in source order.</summary>
    public ImmutableArray<SourceTemplate> Sources { get; }

    /// <summary>Whether the template takes anything out of any record.</summary>
    public bool IsEmpty => bySource.Values.All(c => c.IsEmpty);

    /// <summary>
    /// The record without what its source's template repeats. Its text and its content-hash id (for a
    /// source whose URLs carry no id) follow its paragraphs; a large loss adds the loss warning, a
    /// body left empty the no-text warning. A record the template takes nothing out of is returned as it is.
    /// </summary>
    public ArticleRecord Apply(ArticleRecord record, out TemplateRemoval removal)
    {
        removal = default;
        if (!bySource.TryGetValue(record.Source, out var template) || template.IsEmpty)
        {
            return record;
        }

        var before = 0;
        var removedChars = 0;
        var removedParagraphs = 0;
        var paragraphs = ImmutableArray.CreateBuilder<string>(record.Paragraphs.Length);
        foreach (var paragraph in record.Paragraphs)
        {
            var chars = TextNormalizer.CountVisible(paragraph);
            before += chars;
            if (template.Paragraphs.Contains(paragraph))
            {
                removedChars += chars;
                removedParagraphs++;
            }
            else
            {
                paragraphs.Add(paragraph);
            }
        }

        var images = record.Images.RemoveAll(image => image.Url is { } url && template.Images.Contains(url));
        var related = record.Related.RemoveAll(link => template.Related.Contains(link.Url ?? link.Title));
        removal = new TemplateRemoval(removedParagraphs, record.Images.Length - images.Length, record.Related.Length - related.Length, removedChars);
        if (removal.IsEmpty)
        {
            return record;
        }

        var kept = removedParagraphs == 0 ? record.Paragraphs : paragraphs.ToImmutable();
        var text = removedParagraphs == 0 ? record.Text : string.Join('\n', kept.AsSpan());
        var warnings = record.Warnings;
        if (LossAccounting.Warning([new RuleHit(Rule, removedParagraphs, removedChars, removedParagraphs)], before) is { } loss)
        {
            warnings = warnings.Add(loss);
        }

        if (kept.IsEmpty && !record.Paragraphs.IsEmpty)
        {
            warnings = warnings.Add(LossAccounting.NoTextWarning);
        }

        return record with
        {
            Id = removedParagraphs == 0 || !IsContentId(record) ? record.Id : ContentId.Of(record.Source, record.Title, text),
            Paragraphs = kept,
            Text = text,
            Images = images,
            Related = related,
            Warnings = warnings,
        };
    }

    /// <summary>A record whose id is its content's (<see cref="ContentId"/>), not a native id from its URL.</summary>
    private static bool IsContentId(ArticleRecord record) =>
        record.Id.StartsWith(record.Source, StringComparison.Ordinal) && record.Id.AsSpan(record.Source.Length).StartsWith(":sha256:", StringComparison.Ordinal);

    private sealed class Compiled(SourceTemplate template)
    {
        public FrozenSet<string> Paragraphs { get; } = template.Paragraphs.Select(e => e.Value).ToFrozenSet(StringComparer.Ordinal);

        public FrozenSet<string> Images { get; } = template.Images.Select(e => e.Value).ToFrozenSet(StringComparer.Ordinal);

        public FrozenSet<string> Related { get; } = template.Related.Select(e => e.Value).ToFrozenSet(StringComparer.Ordinal);

        public bool IsEmpty => Paragraphs.Count == 0 && Images.Count == 0 && Related.Count == 0;
    }
}

/// <summary>The rule kind of a learned template's removals: not an entry of any table, the archive's own.</summary>
internal sealed class TemplateRule(string reason) : IRule
{
    public string Kind => "Template";

    public string Reason { get; } = reason;
}
