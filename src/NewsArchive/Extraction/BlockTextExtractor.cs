using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Turns a DOM subtree into paragraphs in reading order: every block element (<c>p</c>, <c>div</c>,
/// <c>h2</c>, <c>li</c>, <c>blockquote</c>, ...) and every <c>br</c> ends a paragraph, inline text in
/// between is joined. So article text that sits in bare <c>div</c>s or <c>span</c>s is found as
/// well as text in <c>p</c>. Elements a rule matches are skipped with everything inside them.
/// The walk uses its own stack, so nesting depth cannot overflow the call stack.
/// </summary>
internal static class BlockTextExtractor
{
    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements whose text is never shown: not part of an element's text.</summary>
    private static readonly FrozenSet<string> Unrendered = new[] { "script", "style", "template", "noscript", "svg" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> LooseTextContainers = new[]
    {
        "body", "div", "section", "article", "main", "aside", "header", "footer", "center",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a tag name is a block element: one that ends the paragraph before it and its own.</summary>
    internal static bool IsBlock(string localName) => BlockElements.Contains(localName);

    /// <summary>The paragraphs under <paramref name="root"/>; <paramref name="classify"/> decides for every element met.</summary>
    /// <param name="root">The subtree to read.</param>
    /// <param name="classify">Decides for every element met whether it is read or skipped.</param>
    /// <param name="marks">When given, receives which paragraphs are headings (<c>h1</c>–<c>h6</c>) and which stand in a <c>blockquote</c>.</param>
    public static ImmutableArray<string> Extract(INode root, Func<IElement, WalkDecision> classify, ParagraphMarks? marks = null)
    {
        var quoteDepth = 0;
        var muted = 0;
        var marked = 0;
        var paragraphs = ImmutableArray.CreateBuilder<string>();
        var buffer = new ParagraphBuffer { Marks = marks is { TrackStyle: true } ? marks : null };
        var stack = new Stack<(Node Node, bool Closing)>(64);
        // Set when a pop-up was skipped where the HTML parser had closed a paragraph around it; loose
        // text right after it is that paragraph's continuation.
        var mend = false;
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (closing)
            {
                if (node is null)
                {
                    // The end of a harvested element: its text was not read.
                    muted--;
                    continue;
                }

                var count = paragraphs.Count;
                Flush(buffer, paragraphs, ref mend);
                var closed = ((Element)node).LocalName;
                if (marks is not null && paragraphs.Count > count && IsHeading(closed))
                {
                    marks.Headings.Add(paragraphs.Count - 1);
                }

                Mark();
                if (closed == "blockquote")
                {
                    quoteDepth--;
                }

                continue;
            }

            // AngleSharp's node classes answer NodeType and LocalName with plain field reads; testing
            // every node against the DOM interfaces would scan each element type's long interface list.
            switch (node.NodeType)
            {
                case NodeType.Text:
                    if (muted == 0)
                    {
                        AppendText(node, buffer, paragraphs, ref mend);
                        Mark();
                    }

                    break;
                case NodeType.Element:
                    var element = (Element)node;
                    var decision = classify(element);
                    if (decision == WalkDecision.SkipAndMend)
                    {
                        // Inside a paragraph nothing was split; after a closed one the next loose text continues it.
                        mend = buffer.IsEmpty && paragraphs.Count > 0;
                        break;
                    }

                    if (decision == WalkDecision.Skip)
                    {
                        break;
                    }

                    if (decision == WalkDecision.Harvest)
                    {
                        Flush(buffer, paragraphs, ref mend);
                        Mark();
                        muted++;
                        stack.Push((null!, true));
                        PushChildren(stack, element);
                        break;
                    }

                    var name = element.LocalName;
                    if (name == "br")
                    {
                        Flush(buffer, paragraphs, ref mend);
                        Mark();
                    }
                    else if (BlockElements.Contains(name))
                    {
                        if (buffer.IsEmpty)
                        {
                            // A new block starts before any loose text: nothing to mend.
                            mend = false;
                        }

                        Flush(buffer, paragraphs, ref mend);
                        Mark();
                        if (name == "blockquote")
                        {
                            quoteDepth++;
                        }

                        stack.Push((element, true));
                        PushChildren(stack, element);
                    }
                    else
                    {
                        // Inline elements (a, span, strong, ...) add their text to the paragraph;
                        // a space stands in for them only if the source had one.
                        PushChildren(stack, element);
                    }

                    break;
            }
        }

        Flush(buffer, paragraphs, ref mend);
        Mark();
        return paragraphs.ToImmutable();

        // Paragraphs flushed inside a blockquote are marked as quoted.
        void Mark()
        {
            for (; marked < paragraphs.Count; marked++)
            {
                if (quoteDepth > 0)
                {
                    marks?.Quoted.Add(marked);
                }
            }
        }
    }

    private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';

    /// <summary>The normalised text of one element, its skipped descendants left out.</summary>
    public static string TextOf(IElement element, Func<IElement, bool>? skip = null)
    {
        if (element.ChildNodes is { Length: 1 } only && only[0] is Node { NodeType: NodeType.Text } single)
        {
            // Most links and headings hold one text node: nothing to join.
            return TextNormalizer.Normalize(single.TextContent);
        }

        // The builder and stack are kept for the thread's next call; a call made from inside
        // skip (none is today) would find none kept and use its own.
        var scratch = textScratch ?? new TextScratch();
        textScratch = null;
        var (buffer, stack) = (scratch.Buffer, scratch.Stack);
        stack.Push((Node)element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType == NodeType.Text)
            {
                buffer.Append(node.TextContent);
                continue;
            }

            if (node is not Element child)
            {
                continue;
            }

            if (child != element && (Unrendered.Contains(child.LocalName) || skip is not null && skip(child)))
            {
                continue;
            }

            if (child.LocalName == "br")
            {
                buffer.Append(' ');
            }

            var children = ((INode)child).ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((Node)children[i]);
            }
        }

        var text = TextNormalizer.Normalize(buffer.ToString());
        buffer.Clear();
        stack.Clear();
        if (buffer.Capacity <= MaxKeptScratchChars)
        {
            // A builder that grew for a huge element is let go rather than kept for the thread's life.
            textScratch = scratch;
        }

        return text;
    }

    /// <summary>A thread keeps its text builder for the next call only while it is at most this large.</summary>
    private const int MaxKeptScratchChars = 64 * 1024;

    [ThreadStatic]
    private static TextScratch? textScratch;

    private sealed class TextScratch
    {
        public StringBuilder Buffer { get; } = new(256);

        public Stack<Node> Stack { get; } = new(32);
    }

    /// <summary>
    /// Loose text straight inside a container (<c>body</c>, <c>div</c>, ...) is how some scrapers save
    /// plain paragraphs next to HTML (NHK: an image block, then text with blank lines between
    /// paragraphs). There a blank line ends a paragraph, as it would in the markdown the scraper meant.
    /// </summary>
    private static void AppendText(Node text, ParagraphBuffer buffer, ImmutableArray<string>.Builder paragraphs, ref bool mend)
    {
        var data = text.TextContent;
        if (buffer.Marks is not null)
        {
            buffer.Style = InlineStyle(text);
        }

        if (!data.Contains('\n') || text.ParentElement is not Element parent || !LooseTextContainers.Contains(parent.LocalName))
        {
            buffer.Append(data);
            return;
        }

        var start = 0;
        var lineStart = 0;
        var sawText = false;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i < data.Length && data[i] != '\n')
            {
                continue;
            }

            var line = data.AsSpan(lineStart, i - lineStart);
            if (TextNormalizer.IsBlank(line) && sawText && lineStart > start)
            {
                buffer.Append(data, start, lineStart - start);
                Flush(buffer, paragraphs, ref mend);
                start = i < data.Length ? i + 1 : data.Length;
                sawText = false;
            }
            else if (!TextNormalizer.IsBlank(line))
            {
                sawText = true;
            }

            lineStart = i + 1;
        }

        if (start < data.Length)
        {
            buffer.Append(data, start, data.Length - start);
        }
    }

    /// <summary>Whether a text node stands in a link and in bold type, read from its inline ancestors up to its block.</summary>
    private static (bool Link, bool Bold) InlineStyle(Node text)
    {
        var link = false;
        var bold = false;
        for (var element = text.ParentElement; element is not null && !BlockElements.Contains(element.LocalName); element = element.ParentElement)
        {
            switch (element.LocalName)
            {
                case "a":
                    link = true;
                    break;
                case "strong" or "b":
                    bold = true;
                    break;
            }
        }

        return (link, bold);
    }

    private static void PushChildren(Stack<(Node Node, bool Closing)> stack, INode node)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push(((Node)children[i], false));
        }
    }

    private static void Flush(ParagraphBuffer buffer, ImmutableArray<string>.Builder paragraphs, ref bool mend)
    {
        var (linkChars, bold) = (buffer.LinkChars, buffer.AllBold);
        var paragraph = buffer.Take();
        if (paragraph.Length == 0)
        {
            return;
        }

        var marks = buffer.Marks;
        if (mend && paragraphs.Count > 0)
        {
            paragraphs[^1] = Join(paragraphs[^1], paragraph);
            if (marks is not null)
            {
                marks.LinkChars[^1] += linkChars;
                if (!bold)
                {
                    marks.Bold.Remove(paragraphs.Count - 1);
                }
            }
        }
        else
        {
            paragraphs.Add(paragraph);
            if (marks is not null)
            {
                marks.LinkChars.Add(linkChars);
                if (bold)
                {
                    marks.Bold.Add(paragraphs.Count - 1);
                }
            }
        }

        mend = false;
    }

    /// <summary>Two halves of one sentence: a space between them only where both sides are Latin letters or digits.</summary>
    internal static string Join(string before, string after) =>
        before.Length > 0 && after.Length > 0 && char.IsAsciiLetterOrDigit(before[^1]) && char.IsAsciiLetterOrDigit(after[0])
            ? before + " " + after
            : before + after;

    /// <summary>
    /// The text of the paragraph being read. Most paragraphs are one text node: that node's string is
    /// kept as it is (and normalised without a copy when it is clean); only a second piece starts a builder.
    /// </summary>
    private sealed class ParagraphBuffer
    {
        private readonly StringBuilder builder = new();
        private string? single;
        private int chars;
        private int boldChars;

        /// <summary>Where each paragraph's link text and bold type are noted, when the caller asked.</summary>
        public ParagraphMarks? Marks { get; init; }

        /// <summary>The style of the text appended next (only read when <see cref="Marks"/> is set).</summary>
        public (bool Link, bool Bold) Style { get; set; }

        /// <summary>Visible characters of the paragraph being read that are link text.</summary>
        public int LinkChars { get; private set; }

        /// <summary>Whether every visible character of the paragraph being read is bold.</summary>
        public bool AllBold => chars > 0 && boldChars == chars;

        private void Note(ReadOnlySpan<char> text)
        {
            if (Marks is null)
            {
                return;
            }

            var count = TextNormalizer.CountVisible(text);
            chars += count;
            LinkChars += Style.Link ? count : 0;
            boldChars += Style.Bold ? count : 0;
        }

        /// <summary>True while the paragraph being read holds no visible text yet.</summary>
        public bool IsEmpty
        {
            get
            {
                if (single is not null)
                {
                    return TextNormalizer.IsBlank(single);
                }

                foreach (var chunk in builder.GetChunks())
                {
                    if (!TextNormalizer.IsBlank(chunk.Span))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public void Append(string text)
        {
            Note(text);
            if (builder.Length == 0 && single is null)
            {
                single = text;
                return;
            }

            Spill();
            builder.Append(text);
        }

        public void Append(string text, int start, int count)
        {
            Note(text.AsSpan(start, count));
            Spill();
            builder.Append(text, start, count);
        }

        public string Take()
        {
            chars = boldChars = 0;
            LinkChars = 0;
            if (single is not null)
            {
                var text = single;
                single = null;
                return TextNormalizer.Normalize(text);
            }

            if (builder.Length == 0)
            {
                return string.Empty;
            }

            var paragraph = TextNormalizer.Normalize(builder.ToString());
            builder.Clear();
            return paragraph;
        }

        private void Spill()
        {
            if (single is not null)
            {
                builder.Append(single);
                single = null;
            }
        }
    }
}
