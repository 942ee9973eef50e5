using System.Collections.Immutable;
using System.Text;
using NewsArchive.Rules;

namespace NewsArchive.Parsing;

/// <summary>
/// Finds paragraphs that repeat a sentence of a longer paragraph: pull quotes, which a page sets in
/// large type beside the text they quote. The test is linear in the text: every paragraph is cut into
/// sentences and quoted clauses once, and a paragraph whose every sentence belongs to another, longer
/// paragraph repeats it.
/// </summary>
public sealed class DropRepeatedRule(string reason) : IRule
{
    /// <summary>A sentence shorter than this proves nothing by repeating (<c>他說。</c>).</summary>
    public const int MinSentenceChars = 8;

    /// <summary>A paragraph longer than this is text, not a pull quote.</summary>
    public const int MaxPullQuoteChars = 200;

    public string Kind => "DropRepeated";

    public string Reason { get; } = reason;

    /// <summary>
    /// The indexes of paragraphs that repeat sentences of other, longer paragraphs; those in
    /// <paramref name="headings"/> are subheads, never pull quotes. Of two copies of the same
    /// paragraph, the one in <paramref name="quoted"/> (a blockquote) goes, else the later one.
    /// </summary>
    public ImmutableArray<int> FindRepeats(IReadOnlyList<string> paragraphs, IReadOnlySet<int>? headings = null, IReadOnlySet<int>? quoted = null)
    {
        if (paragraphs.Count < 2)
        {
            return [];
        }

        // Each sentence, mapped to the longest paragraph it occurs in.
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<string>[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            units[i] = Sentences(paragraphs[i]);
            foreach (var unit in units[i])
            {
                // The longest paragraph owns a sentence; of two as long, the one outside a quotation,
                // then the first (a later copy repeats it).
                if (!owners.TryGetValue(unit, out var owner) || Ranks(paragraphs, quoted, i, owner))
                {
                    owners[unit] = i;
                }
            }
        }

        var repeats = ImmutableArray.CreateBuilder<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Length > MaxPullQuoteChars || units[i].Count == 0 || headings?.Contains(i) == true)
            {
                continue;
            }

            var repeated = true;
            foreach (var unit in units[i])
            {
                if (!owners.TryGetValue(unit, out var owner) || owner == i)
                {
                    repeated = false;
                    break;
                }
            }

            if (repeated)
            {
                repeats.Add(i);
            }
        }

        return repeats.ToImmutable();
    }

    /// <summary>Whether paragraph <paramref name="i"/> owns a sentence rather than <paramref name="owner"/>.</summary>
    private static bool Ranks(IReadOnlyList<string> paragraphs, IReadOnlySet<int>? quoted, int i, int owner)
    {
        if (paragraphs[i].Length != paragraphs[owner].Length)
        {
            return paragraphs[i].Length > paragraphs[owner].Length;
        }

        var iQuoted = quoted?.Contains(i) == true;
        var ownerQuoted = quoted?.Contains(owner) == true;
        return iQuoted != ownerQuoted ? ownerQuoted : i < owner;
    }

    /// <summary>
    /// A paragraph's sentences and quoted clauses, each stripped of quotation marks, spaces and edge
    /// punctuation so that a quote set apart matches the sentence it came from.
    /// </summary>
    internal static List<string> Sentences(string paragraph)
    {
        var units = new List<string>();
        var current = new StringBuilder();
        var quoted = new StringBuilder();
        var inQuote = 0;
        foreach (var c in paragraph)
        {
            if (IsOpeningQuote(c))
            {
                inQuote++;
                quoted.Clear();
                continue;
            }

            if (IsClosingQuote(c))
            {
                if (inQuote > 0)
                {
                    inQuote--;
                    AddUnit(units, quoted);
                }

                continue;
            }

            current.Append(c);
            if (inQuote > 0)
            {
                quoted.Append(c);
            }

            if (IsSentenceEnd(c))
            {
                AddUnit(units, current);
            }
        }

        AddUnit(units, current);
        return units;
    }

    private static void AddUnit(List<string> units, StringBuilder text)
    {
        var unit = Clean(text.ToString());
        text.Clear();
        if (unit.Length >= MinSentenceChars)
        {
            units.Add(unit);
        }
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!TextNormalizer.IsSpace(c) && !IsSentenceEnd(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim('，', ',', '、', '：', ':', '；', ';', '—', '-', '…');
    }

    private static bool IsOpeningQuote(char c) => c is '「' or '『' or '“' or '‘' or '《';

    private static bool IsClosingQuote(char c) => c is '」' or '』' or '”' or '’' or '》' or '"';

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '…';
}
