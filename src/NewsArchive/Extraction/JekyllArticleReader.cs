using System.Collections.Immutable;
using NewsArchive.Containers;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Reads a Jekyll post with a site's HTML rule table: front-matter fields, the body's paragraphs,
/// keywords, further reading and images, the opening dateline and the closing credit. Sites differ
/// only in their tables (<see cref="Site.PostRules"/>, dateline, time zone).
/// </summary>
internal static class JekyllArticleReader
{
    /// <summary>The part of a read that needs no body: the URL, source and time, from the front matter and the title header alone.</summary>
    private static (string? Url, string Source, string? Published) ReadHeader(JekyllPost post, PostHead head, Site site, SiteDirectory directory, ImmutableArray<string>.Builder warnings)
    {
        var url = head.AnyUrl;
        var source = site.Code ?? JekyllFields.Source(post.FrontMatter, url, directory);
        var published = JekyllFields.Published(post.FrontMatter, directory.UtcOffsetOf(source), warnings);
        return (url, source, published);
    }

    /// <summary>How many opening paragraphs a byline line is looked for in.</summary>
    private const int BylineParagraphs = 3;

    /// <summary>
    /// A byline line among the first paragraphs of a post of a site with no grammar of its own
    /// (<c>記者王小明／台北報導</c>, <c>By Jane Doe</c>), read with the shared grammar and taken out of the
    /// text, as a saved page's is: the same article gives the same record in either container.
    /// </summary>
    private static ParsedByline? TakeByline(ref ImmutableArray<string> paragraphs, DatelineTables datelines)
    {
        for (var i = 0; i < Math.Min(paragraphs.Length, BylineParagraphs); i++)
        {
            if (BylineParser.TryParse(paragraphs[i], datelines, out var byline) && (!byline.Authors.IsEmpty || byline.Desk is not null || byline.Agency is not null))
            {
                paragraphs = paragraphs.RemoveAt(i);
                return byline;
            }
        }

        return null;
    }

    /// <param name="document">The post.</param>
    /// <param name="context">The worker's parsers.</param>
    /// <param name="site">The site whose tables read it; the generic site's record takes its source from the front matter and URL.</param>
    /// <param name="directory">Every known site: sources by label and host, time zones, dateline agencies.</param>
    /// <param name="wanted">What the caller wants, asked of the header (source and time) before the body is read, or null.</param>
    public static FormatResult Read(SourceDocument document, ParseContext context, Site site, SiteDirectory directory, Func<ArticleHeader, bool>? wanted)
    {
        var post = document.Post;
        if (post is null)
        {
            return FormatResult.Failed("no front matter");
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(post.Warnings);
        var frontMatter = post.FrontMatter;
        var head = document.PostHead!;
        var (url, source, published) = ReadHeader(post, head, site, directory, warnings);
        var (skip, headerTitle) = (head.BodySkip, head.HeaderTitle);
        if (FormatResult.Refused(wanted, ArticleHeader.Of(source, published)))
        {
            return FormatResult.Skipped;
        }

        var rules = site.PostRules ?? new HtmlSiteRules();
        var body = post.Text.AsMemory(post.BodyStart + skip);
        if (TextNormalizer.IsBlank(body.Span))
        {
            // The scraper caught the header but not the text: the record keeps what the header says.
            return FormatResult.Success(new ArticleDraft
            {
                Source = source,
                Url = url,
                Title = head.Title ?? headerTitle,
                Published = published,
                FrontMatter = frontMatter,
                Warnings = warnings.ToImmutable(),
            });
        }

        if (!JekyllBody.TryToHtml(body, context.Markdown, out var html, out var bodyWarning))
        {
            return FormatResult.Failed(bodyWarning!);
        }

        if (bodyWarning is not null)
        {
            warnings.Add(bodyWarning);
        }

        if (HtmlNestingGuard.IsTooDeep(html.Span))
        {
            return FormatResult.Failed($"HTML is nested more than {HtmlNestingGuard.MaxDepth} elements deep");
        }

        var article = HtmlArticleReader.Read(context.HtmlParser, html, rules, url);
        warnings.AddRange(article.Warnings);
        var title = head.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            title = headerTitle ?? article.FirstHeading;
            if (!string.IsNullOrWhiteSpace(title))
            {
                warnings.Add("no title in front matter; taken from the body");
            }
        }

        if (article.RuleHits.Any(h => ReferenceEquals(h.Rule, FurnitureRules.CutNotice)))
        {
            warnings.Add(PageArticleReader.CutWarning);
        }

        var paragraphs = article.Paragraphs;
        var byline = site.Code is null ? TakeByline(ref paragraphs, directory.Datelines) : null;
        var credits = BodyCredits.Read(paragraphs, article.Authors.AddRange(byline?.Authors ?? []), directory.Datelines, site.DatelineExpected, warnings);
        return FormatResult.Success(new ArticleDraft
        {
            Source = source,
            Url = url,
            Title = title,
            Published = published,
            Agency = credits.Agency ?? byline?.Agency,
            Dateline = credits.Dateline ?? byline?.Dateline,
            Authors = credits.Authors,
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
