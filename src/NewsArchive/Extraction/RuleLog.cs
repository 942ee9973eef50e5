using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// The ledger of one parse: which rules fired, and how much text each removed. Loss warnings are read
/// from it, and the rule-coverage test reads which entries of which tables a golden case exercises.
/// </summary>
internal sealed class RuleLog
{
    private readonly Dictionary<IRule, (int Count, int Chars, int Paragraphs)> hits = new(ReferenceEqualityComparer.Instance);
    private readonly List<IRule> order = [];

    /// <summary>A rule fired and removed nothing (it took tags, related links or a caption).</summary>
    public void Fired(IRule rule) => Add(rule, 0, 0);

    /// <summary>
    /// A rule removed a block: <paramref name="chars"/> visible characters outside links, in
    /// <paramref name="paragraphs"/> paragraphs of text.
    /// </summary>
    public void Removed(IRule rule, int chars, int paragraphs = 0) => Add(rule, chars, paragraphs);

    /// <summary>A rule dropped one whole paragraph or line of <paramref name="chars"/> characters.</summary>
    public void RemovedParagraph(IRule rule, int chars) => Add(rule, chars, 1);

    public bool IsEmpty => order.Count == 0;

    public ImmutableArray<RuleHit> ToImmutable()
    {
        var builder = ImmutableArray.CreateBuilder<RuleHit>(order.Count);
        foreach (var rule in order)
        {
            var (count, chars, paragraphs) = hits[rule];
            builder.Add(new RuleHit(rule, count, chars, paragraphs));
        }

        return builder.MoveToImmutable();
    }

    private void Add(IRule rule, int chars, int paragraphs)
    {
        if (hits.TryGetValue(rule, out var hit))
        {
            hits[rule] = (hit.Count + 1, hit.Chars + chars, hit.Paragraphs + paragraphs);
            return;
        }

        hits[rule] = (1, chars, paragraphs);
        order.Add(rule);
    }
}
