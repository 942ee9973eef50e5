namespace NewsArchive.Extraction;

/// <summary>
/// A format: one container read with one site's tables (<see cref="Site.Formats"/>). It says how
/// sure it is that a document is its own, and reads it. Stateless and thread-safe; per-thread
/// resources (the HTML parser) come in through <see cref="Containers.ParseContext"/>.
/// </summary>
internal interface IFormat
{
    /// <summary>The record's <c>format</c> value, e.g. <c>cna-jekyll</c>.</summary>
    string Name { get; }

    /// <summary>The one container this format reads; detection never asks it about another.</summary>
    Containers.ContainerKind Container { get; }

    /// <summary>The site whose tables it reads with.</summary>
    Site Site { get; }

    DetectionConfidence Detect(Containers.SourceDocument document);

    /// <summary>
    /// Reads the document: first its header (what the format knows before the body: a post's front
    /// matter, a dump's byline, the site of a page), which <paramref name="wanted"/> may refuse, and
    /// then, with the same values, the rest. One function, so the header a filter sees is the record's.
    /// </summary>
    FormatResult Read(Containers.SourceDocument document, Containers.ParseContext context, Func<ArticleHeader, bool>? wanted);
}

/// <summary>How sure a format is that a document is in it. The strongest answer wins.</summary>
internal enum DetectionConfidence
{
    None = 0,
    Weak = 1,
    Strong = 2,
}

/// <summary>A format's answer: an article draft, the reason there is none, or that the header was refused.</summary>
internal sealed class FormatResult
{
    private FormatResult(ArticleDraft? draft, string? failure, bool skipped)
    {
        Draft = draft;
        Failure = failure;
        IsSkipped = skipped;
    }

    public ArticleDraft? Draft { get; }

    public string? Failure { get; }

    /// <summary>The header showed the caller does not want the record; the body was not read.</summary>
    public bool IsSkipped { get; }

    public static FormatResult Skipped { get; } = new(null, null, skipped: true);

    public static FormatResult Success(ArticleDraft draft) => new(draft, null, skipped: false);

    public static FormatResult Failed(string reason) => new(null, reason, skipped: false);

    /// <summary>Whether the caller refuses a record with this header.</summary>
    public static bool Refused(Func<ArticleHeader, bool>? wanted, ArticleHeader header) => wanted is not null && !wanted(header);
}
