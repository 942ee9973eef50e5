using AngleSharp;
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
        // One browsing context for every document this worker parses: without it AngleSharp builds a
        // new context, configuration and entity table per document, which doubles the cost of a parse.
        HtmlParser = new HtmlParser(
            new HtmlParserOptions
            {
                IsScripting = false,
                IsKeepingSourceReferences = false,
                IsNotConsumingCharacterReferences = false,
            },
            BrowsingContext.New(Configuration.Default));
        Markdown = new MarkdownPipelineBuilder().Build();
    }

    public HtmlParser HtmlParser { get; }

    public MarkdownPipeline Markdown { get; }
}
