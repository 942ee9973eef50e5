using System.Collections.Immutable;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Records;

namespace NewsArchive.Assembly;

/// <summary>
/// Builds the immutable record from a draft: de-duplicates lists, joins the text, computes the id.
/// A draft with no text is a record that says so in its warnings (its title, URL and date are still
/// worth having); one with neither a title nor text is refused.
/// </summary>
internal static class ArticleRecordBuilder
{
    /// <summary>The warning of a record whose body held no article text.</summary>
    public const string NoTextWarning = LossAccounting.NoTextWarning;

    public static ParseOutcome Build(ArticleDraft draft, string path, string format, ImmutableArray<string> decodingWarnings, SiteDirectory directory)
    {
        var paragraphs = draft.Paragraphs.Contains(string.Empty) ? draft.Paragraphs.RemoveAll(p => p.Length == 0) : draft.Paragraphs;
        var title = TextNormalizer.RemoveInvisible(TextNormalizer.TrimAll(draft.Title ?? string.Empty).ToString());
        if (paragraphs.IsEmpty && title.Length == 0)
        {
            return new ParseOutcome.Failed(path, "no title and no article text found");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(decodingWarnings);
        warnings.AddRange(draft.Warnings);
        if (paragraphs.IsEmpty)
        {
            warnings.Add(NoTextWarning);
        }

        if (title.Length == 0)
        {
            title = Shorten(paragraphs[0], 80);
            warnings.Add("no title found; the first paragraph's opening is used");
        }

        // Joined from a span: the exact length is allocated once. The IEnumerable overload grows a
        // pooled buffer instead, and the pool keeps a huge post's buffer for the rest of the run.
        var text = string.Join('\n', paragraphs.AsSpan());
        var record = new ArticleRecord
        {
            Id = ArticleIdBuilder.Build(draft.Source, draft.Url, title, text, directory),
            Source = draft.Source,
            Format = format,
            Path = path,
            Url = draft.Url,
            Title = title,
            Published = string.IsNullOrEmpty(draft.Published) ? null : draft.Published,
            Agency = draft.Agency,
            Dateline = draft.Dateline,
            Authors = Distinct(draft.Authors),
            Editors = Distinct(draft.Editors),
            Translators = Distinct(draft.Translators),
            Paragraphs = paragraphs,
            Text = text,
            Tags = Distinct(draft.Tags),
            Related = DistinctValues(draft.Related),
            Images = DistinctValues(draft.Images),
            FrontMatter = draft.FrontMatter,
            Warnings = Distinct(warnings.ToImmutable()),
        };
        return new ParseOutcome.Parsed(record) { RuleHits = draft.RuleHits };
    }

    /// <summary>Non-blank values, each once, in first-seen order; the array itself when nothing is dropped.</summary>
    private static ImmutableArray<string> Distinct(ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return [];
        }

        if (values.Length == 1)
        {
            return string.IsNullOrWhiteSpace(values[0]) ? [] : values;
        }

        var seen = new HashSet<string>(values.Length, StringComparer.Ordinal);
        var kept = ImmutableArray.CreateBuilder<string>(values.Length);
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value) && seen.Add(value))
            {
                kept.Add(value);
            }
        }

        return kept.Count == values.Length ? values : kept.ToImmutable();
    }

    /// <summary>Each value once, in first-seen order; the array itself when it holds no repeats.</summary>
    private static ImmutableArray<T> DistinctValues<T>(ImmutableArray<T> values)
    {
        if (values.IsDefault)
        {
            return [];
        }

        if (values.Length <= 1)
        {
            return values;
        }

        var seen = new HashSet<T>(values.Length);
        var kept = ImmutableArray.CreateBuilder<T>(values.Length);
        foreach (var value in values)
        {
            if (seen.Add(value))
            {
                kept.Add(value);
            }
        }

        return kept.Count == values.Length ? values : kept.ToImmutable();
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
