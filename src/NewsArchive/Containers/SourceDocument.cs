using NewsArchive.Input;

namespace NewsArchive.Containers;

/// <summary>
/// Decoded text of one input and its container, each read once for every format to share: the
/// Jekyll post (front matter split off), the saved page (parsed), or the text dump (split into lines).
/// </summary>
internal sealed class SourceDocument
{
    private readonly Lazy<JekyllPost?> post;
    private bool? isHtmlPage;

    private HtmlPage? page;
    private TextDump? dump;
    private PostHead? postHead;
    private ParseContext? context;

    /// <param name="path">The input's path, as the user named it.</param>
    /// <param name="text">The decoded text.</param>
    /// <param name="context">The worker's parsers; without one, a saved page gets parsers of its own when it is first read.</param>
    /// <param name="targetUri">The URL the page was fetched from (a web archive's record says), or null.</param>
    public SourceDocument(string path, string text, ParseContext? context = null, string? targetUri = null)
    {
        Path = path;
        Text = text;
        TargetUri = targetUri;
        this.context = context;
        post = new Lazy<JekyllPost?>(() => FrontMatterParser.TrySplit(text, out var split) ? split : null, LazyThreadSafetyMode.None);
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The URL the page was fetched from, or null: the page's URL when its head names none.</summary>
    public string? TargetUri { get; }

    /// <summary>The saved page, parsed once for every format of the page container to share.</summary>
    public HtmlPage Page => page ??= WithTarget(HtmlPageReader.Read((context ??= new ParseContext()).HtmlParser, Text));

    private HtmlPage WithTarget(HtmlPage read) =>
        read.Metadata.Url is null && TargetUri is { } target && UrlHost.TryGetHost(target, out _)
            ? read with { Metadata = read.Metadata with { Url = target } }
            : read;

    /// <summary>The Jekyll post, or null when the text does not open with front matter.</summary>
    public JekyllPost? Post => post.Value;

    /// <summary>The post's head (front-matter title, URL, the title header), read once; null when it is no post.</summary>
    public PostHead? PostHead => Post is { } read ? postHead ??= PostHead.Of(read) : null;

    /// <summary>Whether the text is an HTML page's markup (<see cref="HtmlPageSniffer"/>), worked out once.</summary>
    public bool IsHtmlPage => isHtmlPage ??= HtmlPageSniffer.IsHtmlPage(Text);

    /// <summary>
    /// The file's container: front matter makes a Jekyll post (whatever its body), markup makes a
    /// saved page, anything else is a text dump.
    /// </summary>
    public ContainerKind Container => Post is not null ? ContainerKind.JekyllPost : IsHtmlPage ? ContainerKind.HtmlPage : ContainerKind.TextDump;

    /// <summary>The text dump's lines, split once for every format of the text-dump container.</summary>
    public TextDump Dump => dump ??= TextDump.Split(Text);
}
