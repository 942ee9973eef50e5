using NewsArchive.Parsing;

namespace NewsArchive.Detection;

/// <summary>Decoded text of one input, with its front matter split off once for every profile to share.</summary>
public sealed class SourceDocument
{
    private readonly Lazy<JekyllPost?> post;

    public SourceDocument(string path, string text)
    {
        Path = path;
        Text = text;
        post = new Lazy<JekyllPost?>(() => FrontMatterParser.TrySplit(text, out var split) ? split : null, LazyThreadSafetyMode.None);
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The Jekyll post, or null when the text does not open with front matter.</summary>
    public JekyllPost? Post => post.Value;
}
