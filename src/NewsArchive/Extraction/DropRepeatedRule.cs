using System.Collections.Immutable;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Finds paragraphs that repeat a sentence of a longer paragraph: pull quotes, which a page sets in
/// large type beside the text they quote. A candidate stands in a blockquote or opens with a
/// quotation mark, as a pull quote does; most bodies have none, and are done with at once. The test is linear in the text and allocates little: every
/// paragraph is cut into sentences and quoted clauses once, each reduced to a 64-bit key of its
/// characters (quotation marks, spaces and edge punctuation left out, so a quote set apart matches
/// the sentence it came from), and a paragraph whose every sentence belongs to another, longer
/// paragraph repeats it.
/// </summary>
internal sealed class DropRepeatedRule(string reason) : IRule
{
    /// <summary>A sentence shorter than this proves nothing by repeating (<c>他說。</c>).</summary>
    public const int MinSentenceChars = 8;

    /// <summary>A paragraph longer than this is text, not a pull quote.</summary>
    public const int MaxPullQuoteChars = 200;

    public string Kind => "DropRepeated";

    public string Reason { get; } = reason;

    /// <summary>
    /// The indexes of paragraphs that repeat sentences of other, longer paragraphs. A candidate is in
    /// <paramref name="quoted"/> (a blockquote) or opens with a quotation mark; those in
    /// <paramref name="headings"/> are subheads, never pull quotes. Of two copies of the same
    /// paragraph, the one in a blockquote goes, else the later one.
    /// </summary>
    public ImmutableArray<int> FindRepeats(IReadOnlyList<string> paragraphs, IReadOnlySet<int>? headings = null, IReadOnlySet<int>? quoted = null)
    {
        if (paragraphs.Count < 2 || !HasCandidate(paragraphs, headings, quoted))
        {
            return [];
        }

        // Each sentence key, mapped to the paragraph that owns it: the longest it occurs in.
        var owners = new Dictionary<ulong, int>();
        var candidates = new List<(int Index, List<ulong> Units)>();
        var scratch = new List<ulong>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var units = IsCandidate(paragraphs, headings, quoted, i) ? [] : scratch;
            units.Clear();
            AddSentenceKeys(paragraphs[i], units);
            foreach (var unit in units)
            {
                if (!owners.TryGetValue(unit, out var owner) || Ranks(paragraphs, quoted, i, owner))
                {
                    owners[unit] = i;
                }
            }

            if (units != scratch && units.Count > 0)
            {
                candidates.Add((i, units));
            }
        }

        var repeats = ImmutableArray.CreateBuilder<int>();
        foreach (var (index, units) in candidates)
        {
            if (units.TrueForAll(unit => owners.TryGetValue(unit, out var owner) && owner != index))
            {
                repeats.Add(index);
            }
        }

        return repeats.ToImmutable();
    }

    private static bool HasCandidate(IReadOnlyList<string> paragraphs, IReadOnlySet<int>? headings, IReadOnlySet<int>? quoted)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (IsCandidate(paragraphs, headings, quoted, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCandidate(IReadOnlyList<string> paragraphs, IReadOnlySet<int>? headings, IReadOnlySet<int>? quoted, int i) =>
        paragraphs[i] is { Length: > 0 and <= MaxPullQuoteChars } text && headings?.Contains(i) != true
        && (quoted?.Contains(i) == true || IsOpeningQuote(text[0]));

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
    /// The keys of a paragraph's sentences and quoted clauses (at least <see cref="MinSentenceChars"/>
    /// characters each): spaces, quotation marks and sentence ends are left out, edge punctuation trimmed.
    /// </summary>
    internal static void AddSentenceKeys(string paragraph, List<ulong> keys)
    {
        var sentence = default(UnitKey);
        var quote = default(UnitKey);
        var inQuote = 0;
        foreach (var c in paragraph)
        {
            if (IsOpeningQuote(c))
            {
                inQuote++;
                quote = default;
                continue;
            }

            if (IsClosingQuote(c))
            {
                if (inQuote > 0)
                {
                    inQuote--;
                    quote.Emit(keys);
                }

                continue;
            }

            if (IsSentenceEnd(c))
            {
                sentence.Emit(keys);
                continue;
            }

            if (TextNormalizer.IsSpace(c) || TextNormalizer.IsInvisible(c))
            {
                continue;
            }

            sentence.Add(c);
            if (inQuote > 0)
            {
                quote.Add(c);
            }
        }

        sentence.Emit(keys);
    }

    private static bool IsOpeningQuote(char c) => c is '「' or '『' or '“' or '‘' or '《';

    private static bool IsClosingQuote(char c) => c is '」' or '』' or '”' or '’' or '》' or '"';

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '；' or ';' or '…';

    private static bool IsEdge(char c) => c is '，' or ',' or '、' or '：' or ':' or '；' or ';' or '—' or '-' or '…';

    /// <summary>
    /// An FNV-1a key built one character at a time; the key and length as of the last character that is
    /// not edge punctuation are kept, so trailing punctuation is trimmed without going back.
    /// </summary>
    private struct UnitKey
    {
        private ulong hash;
        private int length;
        private ulong coreHash;
        private int coreLength;

        public void Add(char c)
        {
            if (length == 0 && IsEdge(c))
            {
                return;
            }

            hash = ((length == 0 ? 14695981039346656037UL : hash) ^ c) * 1099511628211UL;
            length++;
            if (!IsEdge(c))
            {
                coreHash = hash;
                coreLength = length;
            }
        }

        public void Emit(List<ulong> keys)
        {
            if (coreLength >= MinSentenceChars)
            {
                keys.Add(coreHash ^ ((ulong)coreLength << 56));
            }

            this = default;
        }
    }
}
