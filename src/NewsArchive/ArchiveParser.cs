using System.Collections.Immutable;
using NewsArchive.Assembly;
using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Sites;

namespace NewsArchive;

/// <summary>
/// The library's front door: bytes of one input in, a <see cref="ParseOutcome"/> out. Decodes, decides
/// the container, asks the formats of that container (the sites of <see cref="SiteCatalog"/>, each
/// paired with the containers it reads) which is the file's, reads it with that format and builds the record. Not thread-safe (it owns an
/// HTML parser): use one per thread.
/// </summary>
public sealed class ArchiveParser
{
    private readonly TextDecoder decoder;
    private readonly ImmutableArray<IFormat> formats;
    private readonly SiteDirectory directory;
    private readonly FormatDetector detector;
    private readonly ParseContext context = new();

    /// <summary>A parser for every format newsarchive reads.</summary>
    /// <param name="decoderOptions">Limits of decoding (the largest input); the defaults when null.</param>
    public ArchiveParser(DecoderOptions? decoderOptions = null)
        : this(decoderOptions, null)
    {
    }

    /// <summary>A parser for the given sites' formats (a site's rule left out, a site added in a fixture).</summary>
    internal ArchiveParser(DecoderOptions? decoderOptions, ImmutableArray<Site>? sites)
    {
        decoder = new TextDecoder(decoderOptions);
        directory = sites is { } given ? SiteCatalog.DirectoryOf(given) : SiteCatalog.Directory;
        formats = sites is { } some ? SiteCatalog.FormatsOf(some, directory) : SiteCatalog.Formats;
        detector = new FormatDetector(formats);
    }

    public ParseOutcome Parse(InputFile input) => Parse(input, wanted: null);

    /// <summary>
    /// Parses an input unless what its format reads from its header (<see cref="ArticleHeader"/>: a
    /// post's front matter, a dump's byline, a site's page) shows that <paramref name="wanted"/> refuses
    /// it: then the body is never read, and the outcome is <see cref="ParseOutcome.Skipped"/>. A header
    /// that cannot tell is given to <paramref name="wanted"/> with those fields unknown.
    /// </summary>
    public ParseOutcome Parse(InputFile input, Func<ArticleHeader, bool>? wanted)
    {
        // An item of a web archive is left out by the host it was fetched from before it is decoded.
        if (wanted is not null && input.TargetUri is { } target && !MayWantFetched(target, wanted, directory))
        {
            return new ParseOutcome.Skipped(input.DisplayName, "html");
        }

        if (!decoder.TryDecode(input.Bytes.Span, input.Charset, out var decoded, out var reason))
        {
            return new ParseOutcome.Failed(input.DisplayName, reason);
        }

        var warnings = input.Warnings.IsDefaultOrEmpty ? decoded.Warnings : input.Warnings.AddRange(decoded.Warnings);
        var outcome = ParseText(new SourceDocument(input.Path, decoded.Text, context, input.TargetUri), warnings, wanted);
        return outcome switch
        {
            ParseOutcome.Parsed parsed when input.Member is not null || input.Fetched is not null =>
                parsed with { Record = parsed.Record with { Member = input.Member, Fetched = input.Fetched } },
            ParseOutcome.Failed failed when input.Member is not null => new ParseOutcome.Failed(input.DisplayName, failed.Reason),
            ParseOutcome.Skipped skipped when input.Member is not null => new ParseOutcome.Skipped(input.DisplayName, skipped.Format),
            _ => outcome,
        };
    }

    /// <summary>
    /// Whether a page fetched from <paramref name="target"/> may be one <paramref name="wanted"/>
    /// keeps, as far as the host tells (<see cref="SiteDirectory.CodeOfFetched"/>): false only when
    /// the host names a site it refuses. Asked before the page is decoded, and by a web archive's
    /// reader before the HTTP body is.
    /// </summary>
    internal static bool MayWantFetched(string target, Func<ArticleHeader, bool> wanted) => MayWantFetched(target, wanted, SiteCatalog.Directory);

    private static bool MayWantFetched(string target, Func<ArticleHeader, bool> wanted, SiteDirectory directory) =>
        directory.CodeOfFetched(target) is not { } code || wanted(new ArticleHeader { Source = code });

    public ParseOutcome ParseText(string path, string text, ImmutableArray<string> decodingWarnings = default) =>
        ParseText(new SourceDocument(path, text, context), decodingWarnings, wanted: null);

    private ParseOutcome ParseText(SourceDocument document, ImmutableArray<string> decodingWarnings, Func<ArticleHeader, bool>? wanted)
    {
        var path = document.Path;
        var format = detector.Detect(document);
        if (format is null)
        {
            return new ParseOutcome.Failed(path, Unrecognised(document.Container));
        }

        var result = format.Read(document, context, wanted);
        if (result.IsSkipped)
        {
            return new ParseOutcome.Skipped(path, format.Name);
        }

        if (result.Draft is null)
        {
            return new ParseOutcome.Failed(path, $"{format.Name}: {result.Failure}");
        }

        return ArticleRecordBuilder.Build(result.Draft, path, format.Name, decodingWarnings.IsDefault ? [] : decodingWarnings, directory);
    }

    /// <summary>Why no format took a file: what its container is, and which formats read that container.</summary>
    private string Unrecognised(ContainerKind container)
    {
        var names = string.Join(", ", formats.Where(f => f.Container == container).Select(f => f.Name));
        var (shape, kind) = container switch
        {
            ContainerKind.JekyllPost => ("a Jekyll post", "post format"),
            ContainerKind.HtmlPage => ("an HTML page", "page format"),
            _ => ("plain text (no front matter, no markup)", "text format"),
        };
        return names.Length == 0
            ? $"unrecognised format: {shape}, and no {kind} is installed"
            : $"unrecognised format: {shape} that no {kind} ({names}) recognises";
    }
}
