using System.Collections.Immutable;
using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// Which block of a saved page is the article, for a layout nobody described. Every paragraph of
/// the page is scored on its length (in characters, CJK weighed as words: <see cref="TextShape"/>),
/// its punctuation and its link text; the score goes to the block that holds it and, less and less,
/// to the blocks around that one. Each block's total is weighed by its class, id, ARIA role and
/// schema.org hints (<see cref="ClassHints"/>) and by how little of its text is links. The best block
/// is the article's; it is widened to a parent that scores as well (the text runs on in a sibling
/// box), and the siblings that continue its text are added. The ideas are Readability's (candidate
/// scores and sibling merging); the weights are this model's own, set in characters, not words.
/// </summary>
internal static class MainContentModel
{
    /// <summary>A paragraph shorter than this (weighted characters) says nothing about where the text is: a label, a date, a link.</summary>
    public const int MinScoredWeighted = 25;

    /// <summary>A paragraph with more link text than this share is a link, not text.</summary>
    public const double MaxScoredLinkDensity = 0.5;

    /// <summary>How many blocks up from a paragraph its score reaches.</summary>
    public const int ScoreLevels = 5;

    /// <summary>How close another block's score must come to the best's to count as more of the same text.</summary>
    public const double AlternativeShare = 0.75;

    /// <summary>How many such close blocks under one parent make that parent the article.</summary>
    public const int MinAlternatives = 3;

    /// <summary>A sibling block joins the article from this share of the article's score.</summary>
    public const double SiblingShare = 0.2;

    /// <summary>...and never below this score.</summary>
    public const double MinSiblingScore = 10;

    /// <summary>A sibling paragraph with at least this many weighted characters and little link text continues the text.</summary>
    public const int LongSiblingWeighted = 80;

    /// <summary>The link density under which a long sibling paragraph continues the text.</summary>
    public const double SiblingMaxLinkDensity = 0.25;

    /// <summary>Finds the article's block in a page's body; null when the page has no text worth a score.</summary>
    public static MainContent? Find(IElement body)
    {
        var measure = new PageMeasure(body);
        var scores = Score(measure, skipUnlikely: true, out var mass);
        if (scores.Count == 0)
        {
            // Every paragraph sits in a region named as furniture: the names were wrong, not the text.
            scores = Score(measure, skipUnlikely: false, out mass);
            if (scores.Count == 0)
            {
                return null;
            }
        }

        var top = Top(measure, scores, out var ranked);
        top = Widen(measure, scores, top, ranked);
        return Join(measure, scores, mass, top);
    }

    /// <summary>The ten best-scoring blocks of a page, best first, for looking into a choice.</summary>
    internal static List<(IElement Element, double Score)> Ranked(IElement body)
    {
        var measure = new PageMeasure(body);
        return [.. Score(measure, skipUnlikely: true).OrderByDescending(s => s.Value).Take(10).Select(s => (measure[s.Key].Element, s.Value))];
    }

    /// <summary>Every block's score: its paragraphs', and a share of those below it, weighed by hints and link density.</summary>
    /// <param name="measure">The page.</param>
    /// <param name="skipUnlikely">Paragraphs in regions named as furniture (comments, sidebars) do not vote.</param>
    private static Dictionary<int, double> Score(PageMeasure measure, bool skipUnlikely) => Score(measure, skipUnlikely, out _);

    /// <param name="measure">The page.</param>
    /// <param name="skipUnlikely">Paragraphs in regions named as furniture (comments, sidebars) do not vote.</param>
    /// <param name="mass">
    /// For each element index, the total score of the paragraphs held anywhere below the elements
    /// before it, so that the paragraphs' score below element <c>i</c>, however deep, is
    /// <c>mass[measure[i].End] - mass[i]</c>.
    /// </param>
    private static Dictionary<int, double> Score(PageMeasure measure, bool skipUnlikely, out double[] mass)
    {
        var raw = new Dictionary<int, double>();
        mass = new double[measure.Elements.Count + 1];
        foreach (var paragraph in measure.Paragraphs)
        {
            var shape = paragraph.Shape;
            if (shape.Weighted < MinScoredWeighted || paragraph.LinkDensity > MaxScoredLinkDensity
                || skipUnlikely && measure[paragraph.Container].Unlikely)
            {
                continue;
            }

            var score = 1 + shape.Punctuation + Math.Min(shape.Weighted / 100.0, 3);
            mass[paragraph.Container + 1] += score;

            // A block that holds one paragraph of its own and nothing else is that paragraph: its score
            // goes to the block around it. A block whose own text runs to several paragraphs (text cut
            // by <br>, loose text beside <p>s) holds them: its score starts with itself.
            var start = paragraph.Container;
            ref var container = ref measure[start];
            if (container.OwnParagraphs <= 1 && !container.HasBlockChild && container.Parent >= 0)
            {
                start = container.Parent;
            }

            var level = 0;
            for (var index = start; index >= 0 && level < ScoreLevels; index = measure[index].Parent, level++)
            {
                if (!raw.TryGetValue(index, out var total))
                {
                    total = Initial(measure[index].Element);
                }

                raw[index] = total + score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }

        foreach (var index in raw.Keys.ToList())
        {
            raw[index] *= 1 - measure[index].LinkDensity;
        }

        for (var i = 1; i < mass.Length; i++)
        {
            mass[i] += mass[i - 1];
        }

        return raw;
    }

    /// <summary>A block's score before its paragraphs: its tag's and its hints'.</summary>
    private static double Initial(IElement element)
    {
        var tag = element.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return tag + ClassHints.Weight(element);
    }

    private static int Top(PageMeasure measure, Dictionary<int, double> scores, out List<int> ranked)
    {
        ranked = [.. scores.Where(s => s.Key != 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(5).Select(s => s.Key)];
        return ranked.Count == 0 ? 0 : ranked[0];
    }

    /// <summary>
    /// The best block, widened: to the parent of several blocks that score nearly as well (the text
    /// cut into boxes), and to a parent that scores better than the block itself (text in siblings).
    /// </summary>
    private static int Widen(PageMeasure measure, Dictionary<int, double> scores, int top, List<int> ranked)
    {
        if (top == 0)
        {
            return 0;
        }

        var topScore = scores[top];
        var alternatives = ranked.Skip(1).Where(i => scores[i] >= topScore * AlternativeShare).ToList();
        if (alternatives.Count >= MinAlternatives)
        {
            for (var parent = measure[top].Parent; parent > 0; parent = measure[parent].Parent)
            {
                var holding = alternatives.Count(a => IsAncestor(measure, parent, a));
                if (holding >= MinAlternatives)
                {
                    top = parent;
                    break;
                }
            }
        }

        var lastScore = scores.GetValueOrDefault(top, topScore);
        var threshold = lastScore / 3;
        for (var parent = measure[top].Parent; parent > 0; parent = measure[parent].Parent)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        // A block that is its parent's only child is its parent: the siblings to join are the parent's.
        while (measure[top].Parent > 0 && ElementChildren(measure[measure[top].Parent].Element) == 1)
        {
            top = measure[top].Parent;
        }

        return top;
    }

    /// <summary>How many blocks up from the text an element that says it is the article is looked for.</summary>
    public const int RegionLevels = 4;

    /// <summary>
    /// The article's text blocks (the best block and the siblings that continue its text) and the
    /// element to read them in: the outermost element a few blocks up that says it is the article
    /// (<see cref="ClassHints.IsStrongArticleHint"/>: its headline, keywords and further reading sit
    /// there beside the text), else the blocks' parent when there are several, else the block.
    /// </summary>
    private static MainContent Join(PageMeasure measure, Dictionary<int, double> scores, double[] mass, int top)
    {
        var element = measure[top].Element;
        var parentIndex = measure[top].Parent;
        var text = new List<int> { top };
        if (top != 0 && parentIndex >= 0)
        {
            var topScore = scores.GetValueOrDefault(top);
            var threshold = Math.Max(MinSiblingScore, topScore * SiblingShare);
            var className = element.ClassName;
            text.Clear();
            foreach (var child in measure[parentIndex].Element.Children)
            {
                if (!measure.TryGetIndex(child, out var index))
                {
                    continue;
                }

                var bonus = !string.IsNullOrEmpty(className) && child.ClassName == className ? topScore * SiblingShare : 0;
                if (index == top || scores.TryGetValue(index, out var score) && score + bonus >= threshold || ContinuesText(measure, index)
                    || SameKind(element, child) && HoldsText(measure, mass, index, threshold))
                {
                    text.Add(index);
                }
            }
        }

        var region = text.Count > 1 ? parentIndex : top;
        var level = 0;
        for (var i = measure[top].Parent; i > 0 && level < RegionLevels; i = measure[i].Parent, level++)
        {
            if (!measure[i].Unlikely && ClassHints.IsStrongArticleHint(measure[i].Element))
            {
                region = i;
            }
        }

        var blocks = text.Select(i => measure[i].Element).ToImmutableArray();
        return new MainContent(measure[region].Element, blocks, Furniture(measure, region, top));
    }

    /// <summary>
    /// The outermost regions named as furniture inside the article element (<see cref="ClassHints.IsUnlikelyRegion"/>):
    /// a comment thread or a related-stories box the article element also holds. The block the text was
    /// found in is never one, nor what holds it.
    /// </summary>
    private static HashSet<IElement> Furniture(PageMeasure measure, int region, int top)
    {
        var found = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        if (measure[region].Unlikely)
        {
            return found;
        }

        // Descendants follow their ancestor in document order, up to the first element outside it.
        for (var i = region + 1; i < measure[region].End; i++)
        {
            ref var element = ref measure[i];
            if (element.Unlikely && !measure[element.Parent].Unlikely && i != top && !IsAncestor(measure, i, top))
            {
                found.Add(element.Element);
            }
        }

        return found;
    }

    /// <summary>Two blocks of one kind: the same tag and the same class, as the boxes a template cuts one text into are.</summary>
    private static bool SameKind(IElement block, IElement sibling) =>
        block.LocalName == sibling.LocalName && !string.IsNullOrEmpty(block.ClassName) && block.ClassName == sibling.ClassName;

    /// <summary>
    /// A sibling box that holds text deeper than a score reaches (a section of the article in wrappers of
    /// its own, beside another of its kind): its paragraphs, however deep, score as a block joining the
    /// article would, and little of it is links.
    /// </summary>
    private static bool HoldsText(PageMeasure measure, double[] mass, int index, double threshold)
    {
        ref var sibling = ref measure[index];
        return !sibling.Unlikely && sibling.LinkDensity < SiblingMaxLinkDensity && mass[sibling.End] - mass[index] >= threshold;
    }

    /// <summary>A sibling paragraph that reads as text: long with few links, or a short sentence with none.</summary>
    private static bool ContinuesText(PageMeasure measure, int index)
    {
        ref var sibling = ref measure[index];
        if (sibling.Element.LocalName != "p" || sibling.Chars == 0)
        {
            return false;
        }

        var weighted = sibling.Text.Weighted;
        if (weighted >= LongSiblingWeighted)
        {
            return sibling.LinkDensity < SiblingMaxLinkDensity;
        }

        return sibling.LinkChars == 0 && TextShape.EndsWithSentence(sibling.Element.TextContent);
    }

    private static bool IsAncestor(PageMeasure measure, int ancestor, int index) => measure.IsBelow(ancestor, index);

    private static int ElementChildren(IElement element) => element.ChildElementCount;
}

/// <summary>
/// The article's place in a page: <see cref="Root"/> is the element to read (the article element),
/// <see cref="Text"/> the blocks in it that hold the text (the root itself when it is all text), and
/// <see cref="Furniture"/> the regions in it named as furniture.
/// </summary>
internal sealed record MainContent(IElement Root, ImmutableArray<IElement> Text, IReadOnlySet<IElement> Furniture)
{
    /// <summary>Whether the article is the root whole, not some blocks of it.</summary>
    public bool IsWhole => Text.Length == 1 && Text[0] == Root;

    /// <summary>What the article reader needs of the choice.</summary>
    public ArticleScope Scope => new(IsWhole ? null : new HashSet<IElement>(Text, ReferenceEqualityComparer.Instance), Furniture);
}
