using NewsArchive.Parsing;

namespace NewsArchive.Detection;

/// <summary>Decoded text of one input, with its front matter split off once for every profile to share.</summary>
public sealed class SourceDocument
{
    private readonly Lazy<JekyllPost?> post;
    private bool? isHtmlPage;

    public SourceDocument(string path, string text)
    {
        Path = path;
        Text = text;
        post = new Lazy<JekyllPost?>(() => FrontMatterParser.TrySplit(text, out var split) ? split : null, LazyThreadSafetyMode.None);
    }

    public string Path { get; }

    public string Text { get; }

    private Dictionary<object, object?>? memo;

    /// <summary>The Jekyll post, or null when the text does not open with front matter.</summary>
    public JekyllPost? Post => post.Value;

    /// <summary>Whether the text is an HTML page's markup (<see cref="HtmlPageSniffer"/>), worked out once.</summary>
    public bool IsHtmlPage => isHtmlPage ??= HtmlPageSniffer.IsHtmlPage(Text);

    /// <summary>
    /// Work on this document that a profile needs both to detect and to parse it, done once: the
    /// first call computes it, later calls with the same key get the same value.
    /// </summary>
    public T Memo<T>(object key, Func<SourceDocument, T> compute)
    {
        memo ??= [];
        if (!memo.TryGetValue(key, out var value))
        {
            value = compute(this);
            memo[key] = value;
        }

        return (T)value!;
    }
}
