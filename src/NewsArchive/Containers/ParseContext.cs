using AngleSharp;
using AngleSharp.Html.Parser;
using Markdig;

namespace NewsArchive.Containers;

/// <summary>
/// What parsing needs that is costly to build and not safe to share between threads: one per worker.
/// </summary>
internal sealed class ParseContext
{
    public ParseContext()
    {
        // One browsing context for every document this worker parses, rather than a new context and
        // configuration per document (BenchmarkDotNet shows the parse itself costs the same either way).
        // IsScripting parses <noscript> as a browser that displays the page does: as raw text. Nothing
        // runs (there is no script engine); without it, an element left open inside a <noscript>
        // swallows the rest of the page into the noscript, which is furniture.
        HtmlParser = new HtmlParser(
            new HtmlParserOptions
            {
                IsScripting = true,
                IsKeepingSourceReferences = false,
                IsNotConsumingCharacterReferences = false,
            },
            BrowsingContext.New(Configuration.Default));
        Markdown = new MarkdownPipelineBuilder().Build();
    }

    public HtmlParser HtmlParser { get; }

    public MarkdownPipeline Markdown { get; }
}
