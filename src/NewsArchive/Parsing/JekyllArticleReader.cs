using System.Collections.Immutable;
using NewsArchive.Detection;
using NewsArchive.Html;

namespace NewsArchive.Parsing;

/// <summary>
/// Reads a Jekyll post with a site's HTML rule table: front-matter fields, the body's paragraphs,
/// keywords, further reading and images, the opening dateline and the closing credit. The Jekyll
/// profiles differ only in how they recognise a post and in the rule table they pass.
/// </summary>
public static class JekyllArticleReader
{
    /// <summary>
    /// How many short lines may stand above the opening dateline (a video credit, a photo line): the
    /// dateline is looked for in the first paragraph that is not such a line.
    /// </summary>
    private const int MaxLinesAboveDateline = 2;

    /// <summary>A line above the dateline is short; a paragraph of text is not skipped to find one.</summary>
    private const int MaxLineAboveDatelineChars = 60;

    /// <summary>The opening dateline, in the first paragraph or under up to two short lines above it.</summary>
    internal static ParsedDateline? FindOpening(IReadOnlyList<string> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count && i <= MaxLinesAboveDateline; i++)
        {
            if (DatelineParser.TryParseOpening(paragraphs[i], out var opening))
            {
                return opening;
            }

            if (paragraphs[i].Length > MaxLineAboveDatelineChars)
            {
                return null;
            }
        }

        return null;
    }

    public static ProfileResult Read(SourceDocument document, ParseContext context, HtmlSiteRules rules, string? defaultSource = null)
    {
        var post = document.Post;
        if (post is null)
        {
            return ProfileResult.Failed("no front matter");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(post.Warnings);
        var frontMatter = post.FrontMatter;
        var skip = JekyllFields.SkipTitleHeader(post.BodySpan, out var headerTitle, out var headerUrl);
        var body = post.Text.AsMemory(post.BodyStart + skip);

        var url = JekyllFields.Url(frontMatter) ?? headerUrl;
        var source = defaultSource ?? JekyllFields.Source(frontMatter, url);
        var published = JekyllFields.Published(frontMatter, source, warnings);
        if (TextNormalizer.IsBlank(body.Span))
        {
            // The scraper caught the header but not the text: the record keeps what the header says.
            return ProfileResult.Success(new ArticleDraft
            {
                Source = source,
                Url = url,
                Title = JekyllFields.Title(frontMatter) ?? headerTitle,
                Published = published,
                FrontMatter = frontMatter,
                Warnings = warnings.ToImmutable(),
            });
        }

        if (!JekyllBody.TryToHtml(body, context.Markdown, out var html, out var bodyWarning))
        {
            return ProfileResult.Failed(bodyWarning!);
        }

        if (bodyWarning is not null)
        {
            warnings.Add(bodyWarning);
        }

        if (HtmlNestingGuard.IsTooDeep(html.Span))
        {
            return ProfileResult.Failed($"HTML is nested more than {HtmlNestingGuard.MaxDepth} elements deep");
        }

        var article = HtmlArticleReader.Read(context.HtmlParser, html, rules, url);
        warnings.AddRange(article.Warnings);
        var title = JekyllFields.Title(frontMatter);
        if (string.IsNullOrWhiteSpace(title))
        {
            title = headerTitle ?? article.FirstHeading;
            if (!string.IsNullOrWhiteSpace(title))
            {
                warnings.Add("no title in front matter; taken from the body");
            }
        }

        var paragraphs = article.Paragraphs;
        string? agency = null;
        Records.Dateline? dateline = null;
        var authors = ImmutableArray<string>.Empty;
        if (FindOpening(paragraphs) is { } opening)
        {
            agency = opening.Agency;
            dateline = opening.Dateline;
            authors = opening.Authors;
        }
        else if (source == "cna" && !paragraphs.IsEmpty)
        {
            warnings.Add("no dateline found");
        }

        var credits = CreditsParser.Parse(paragraphs);
        return ProfileResult.Success(new ArticleDraft
        {
            Source = source,
            Url = url,
            Title = title,
            Published = published,
            Agency = agency,
            Dateline = dateline,
            Authors = authors.AddRange(article.Authors).AddRange(credits.Authors),
            Editors = credits.Editors,
            Translators = credits.Translators,
            Paragraphs = paragraphs,
            Tags = article.Tags,
            Related = article.Related,
            Images = article.Images,
            FrontMatter = frontMatter,
            Warnings = warnings.ToImmutable(),
            RuleHits = article.RuleHits,
        });
    }
}
