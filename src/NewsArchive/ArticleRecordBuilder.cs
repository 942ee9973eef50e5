using System.Collections.Immutable;
using NewsArchive.Parsing;
using NewsArchive.Records;

namespace NewsArchive;

/// <summary>
/// Builds the immutable record from a draft: de-duplicates lists, joins the text, computes the id,
/// and refuses a draft with no body (an empty record would be reported as a success that was not).
/// </summary>
public static class ArticleRecordBuilder
{
    public static ParseOutcome Build(ArticleDraft draft, string path, string format, ImmutableArray<string> decodingWarnings)
    {
        var paragraphs = draft.Paragraphs.Where(p => p.Length > 0).ToImmutableArray();
        if (paragraphs.IsEmpty)
        {
            return new ParseOutcome.Failed(path, "no article body found");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(decodingWarnings);
        warnings.AddRange(draft.Warnings);

        var title = TextNormalizer.TrimAll(draft.Title ?? string.Empty).ToString();
        if (title.Length == 0)
        {
            title = Shorten(paragraphs[0], 80);
            warnings.Add("no title found; the first paragraph's opening is used");
        }

        var text = string.Join('\n', paragraphs);
        var record = new ArticleRecord
        {
            Id = ArticleIdBuilder.Build(draft.Source, draft.Url, title, text),
            Source = draft.Source,
            Format = format,
            Path = path,
            Url = draft.Url,
            Title = title,
            Published = draft.Published,
            Agency = draft.Agency,
            Dateline = draft.Dateline,
            Authors = Distinct(draft.Authors),
            Editors = Distinct(draft.Editors),
            Translators = Distinct(draft.Translators),
            Paragraphs = paragraphs,
            Text = text,
            Tags = Distinct(draft.Tags),
            Related = draft.Related.Distinct().ToImmutableArray(),
            Images = draft.Images.Distinct().ToImmutableArray(),
            FrontMatter = draft.FrontMatter,
            Warnings = Distinct(warnings.ToImmutable()),
        };
        return new ParseOutcome.Parsed(record);
    }

    private static ImmutableArray<string> Distinct(ImmutableArray<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToImmutableArray();

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
