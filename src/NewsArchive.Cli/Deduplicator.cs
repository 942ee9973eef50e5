namespace NewsArchive.Cli;

/// <summary>
/// <c>--dedupe</c>: one record per id. A first pass parses every input and keeps, per id, which
/// copy wins: the latest <c>published</c>, then the longest text, then the last in input order.
/// The run itself (the second pass) writes only the winners, each where it stands in the input, with
/// a warning that says how many copies were dropped; other records never move. Memory grows with
/// the number of distinct ids (an id, an input position, a time and a length each), not with text.
/// </summary>
internal sealed class Deduplicator
{
    private readonly Dictionary<string, Candidate> best = new(StringComparer.Ordinal);

    private readonly record struct Candidate(int Index, RecordTime? Published, int TextLength, int Copies);

    /// <summary>One parsed record of the first pass, at <paramref name="index"/> in the input order.</summary>
    public void Offer(string id, int index, string? published, int textLength)
    {
        RecordTime? time = RecordTime.TryParse(published, out var parsed) ? parsed : null;
        var candidate = new Candidate(index, time, textLength, 1);
        if (!best.TryGetValue(id, out var current))
        {
            best[id] = candidate;
            return;
        }

        best[id] = (Beats(candidate, current) ? candidate : current) with { Copies = current.Copies + 1 };
    }

    /// <summary>Whether the record at <paramref name="index"/> is its id's copy to keep, and how many copies of it are dropped.</summary>
    public bool Keeps(string id, int index, out int dropped)
    {
        dropped = 0;
        if (!best.TryGetValue(id, out var winner))
        {
            return true;
        }

        dropped = winner.Copies - 1;
        return winner.Index == index;
    }

    /// <summary>A later copy wins ties of time and length: the input order's last word.</summary>
    private static bool Beats(Candidate challenger, Candidate current)
    {
        var byTime = CompareTimes(challenger.Published, current.Published);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        if (challenger.TextLength != current.TextLength)
        {
            return challenger.TextLength > current.TextLength;
        }

        return challenger.Index > current.Index;
    }

    /// <summary>Instants when both have one, else clock times; a copy with a time beats one without.</summary>
    private static int CompareTimes(RecordTime? a, RecordTime? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }

        if (a.Value.Instant is { } x && b.Value.Instant is { } y)
        {
            return x.CompareTo(y);
        }

        return a.Value.Local.CompareTo(b.Value.Local);
    }
}
