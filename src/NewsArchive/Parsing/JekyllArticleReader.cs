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
        if (TextNormalizer.IsBlank(post.BodySpan[skip..]))
        {
            return ProfileResult.Failed("front matter has no body");
        }

        var body = post.Text.AsMemory(post.BodyStart + skip);

        var url = JekyllFields.Url(frontMatter) ?? headerUrl;
        var source = defaultSource ?? JekyllFields.Source(frontMatter, url);
        var published = JekyllFields.Published(frontMatter, source, warnings);

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
        if (!paragraphs.IsEmpty && DatelineParser.TryParseOpening(paragraphs[0], out var opening))
        {
            agency = opening.Agency;
            dateline = opening.Dateline;
            authors = opening.Authors;
        }
        else if (source == "cna")
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
