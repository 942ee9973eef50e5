using AngleSharp.Html.Parser;
using Markdig;

namespace NewsArchive.Detection;

/// <summary>
/// What parsing needs that is costly to build and not safe to share between threads: one per worker.
/// </summary>
public sealed class ParseContext
{
    public ParseContext()
    {
        HtmlParser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            IsKeepingSourceReferences = false,
            IsNotConsumingCharacterReferences = false,
        });
        Markdown = new MarkdownPipelineBuilder().Build();
    }

    public HtmlParser HtmlParser { get; }

    public MarkdownPipeline Markdown { get; }
}
