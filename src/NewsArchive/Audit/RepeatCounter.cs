namespace NewsArchive.Audit;

/// <summary>
/// Counts in how many records each text occurs, in memory bounded by a budget the counters share.
/// Texts are keyed by a 64-bit FNV-1a hash; a text's own string is kept only once it has been seen
/// in two records, since most paragraphs of an archive occur once. When the counters together hold
/// more keys than the budget, every key seen only once is dropped: a text that a template repeats is
/// seen twice long before that and stays. Its count is exact unless a pruning came between its first
/// two sightings, and then it is low by at most the number of prunings (<see cref="Prunings"/>).
/// </summary>
internal sealed class RepeatCounter(RepeatBudget budget)
{
    private readonly Dictionary<ulong, Entry> entries = [];
    private readonly HashSet<ulong> inRecord = [];

    /// <summary>How many times singletons were dropped to stay in the budget.</summary>
    public int Prunings { get; private set; }

    /// <summary>Counts the texts of one record, each once however often the record repeats it.</summary>
    public void AddRecord(IEnumerable<string> texts)
    {
        inRecord.Clear();
        foreach (var text in texts)
        {
            var key = Hash(text);
            if (!inRecord.Add(key))
            {
                continue;
            }

            if (entries.TryGetValue(key, out var entry))
            {
                entries[key] = new Entry(entry.Count + 1, entry.Text ?? text);
                continue;
            }

            entries[key] = new Entry(1, null);
            if (budget.Take())
            {
                budget.Prune();
            }
        }
    }

    /// <summary>Drops every text seen in one record only.</summary>
    public void DropSingletons()
    {
        var before = entries.Count;
        foreach (var (key, entry) in entries)
        {
            if (entry.Count < 2)
            {
                entries.Remove(key);
            }
        }

        budget.Release(before - entries.Count);
        Prunings++;
    }

    /// <summary>The texts seen in two or more records, most frequent first, then in text order.</summary>
    public IEnumerable<CountedText> Repeated() =>
        entries.Values
            .Where(e => e.Count >= 2 && e.Text is not null)
            .Select(e => new CountedText(e.Text!, e.Count))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Text, StringComparer.Ordinal);

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and in every run.</summary>
    internal static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private readonly record struct Entry(int Count, string? Text);
}

/// <summary>How many keys all counters of one audit may hold before their singletons are dropped.</summary>
internal sealed class RepeatBudget(int capacity)
{
    private readonly List<RepeatCounter> counters = [];
    private int used;

    public RepeatCounter NewCounter()
    {
        var counter = new RepeatCounter(this);
        counters.Add(counter);
        return counter;
    }

    /// <summary>Takes one key; true when the budget is now exceeded.</summary>
    public bool Take() => ++used > capacity;

    public void Release(int keys) => used -= keys;

    public void Prune()
    {
        foreach (var counter in counters)
        {
            counter.DropSingletons();
        }
    }
}
