using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// The lines a page shows between its headline and its text: where the byline and the date line
/// stand on most templates (<c>2014/03/19 18:58 彭佳芸 黃翊真 報導</c>, <c>By Jane Doe | November 18, 2019</c>).
/// Read in document order, a block or a <c>&lt;br&gt;</c> ending each line, text that is never shown left out.
/// </summary>
internal static class PageHeader
{
    /// <summary>At most this many lines are read.</summary>
    public const int MaxLines = 12;

    /// <summary>A line longer than this is text, not a header line; it is left out.</summary>
    public const int MaxLineChars = 120;

    /// <summary>At most this many nodes are visited: a header is a few elements, not the page.</summary>
    private const int MaxNodes = 400;

    /// <summary>
    /// The lines after <paramref name="headline"/> and before <paramref name="text"/> (the first block of
    /// the article's text); with no headline, the lines of <paramref name="root"/> before the text.
    /// </summary>
    public static ImmutableArray<string> Lines(IElement? headline, IElement text, IElement root)
    {
        var start = headline ?? root;
        if (start == text || start.Contains(text) && headline is not null)
        {
            return [];
        }

        var lines = ImmutableArray.CreateBuilder<string>();
        var line = new StringBuilder();
        IElement? lineBlock = null;
        var visited = 0;
        // Document order from the headline: its following nodes, climbing out of its ancestors as needed.
        var node = headline is null ? root.FirstChild : Next(headline, skipChildren: true);
        while (node is not null && node != text && visited++ < MaxNodes && lines.Count < MaxLines)
        {
            if (node is IElement element)
            {
                var name = element.LocalName;
                if (!element.Contains(text) && (name is "script" or "style" or "noscript" or "template" or "svg" or "iframe" || PageMeasure.IsHidden(element)))
                {
                    node = Next(element, skipChildren: true);
                    continue;
                }

                if (name == "br")
                {
                    Flush();
                }
            }
            else if (node.NodeType == NodeType.Text && !TextNormalizer.IsBlank(node.TextContent))
            {
                // A line is the text of one block: text from another block starts the next line.
                var block = NearestBlock(node);
                if (block != lineBlock)
                {
                    Flush();
                    lineBlock = block;
                }

                line.Append(node.TextContent);
            }

            node = Next(node, skipChildren: false);
        }

        Flush();
        return lines.ToImmutable();

        void Flush()
        {
            var text = TextNormalizer.Normalize(line.ToString());
            line.Clear();
            if (text.Length is > 0 and <= MaxLineChars && lines.Count < MaxLines)
            {
                lines.Add(text);
            }
        }
    }

    private static IElement? NearestBlock(INode node)
    {
        var element = node.ParentElement;
        while (element is not null && !BlockTextExtractor.IsBlock(element.LocalName))
        {
            element = element.ParentElement;
        }

        return element;
    }

    /// <summary>The node after <paramref name="node"/> in document order, past its children when asked.</summary>
    private static INode? Next(INode node, bool skipChildren)
    {
        if (!skipChildren && node.FirstChild is { } child)
        {
            return child;
        }

        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }
}
