using System.Security.Cryptography;
using System.Text;
using NewsArchive.Records;

namespace NewsArchive.Cli;

/// <summary>
/// <c>--dedupe</c>: one record per id. A first pass parses every input and keeps, per group of
/// copies, which copy wins: the latest <c>published</c>, then the longest text, then the last in
/// input order. The run itself (the second pass) writes only the winners, each where it stands in
/// the input, with a warning that says how many copies were dropped; other records never move.
/// With <c>--dedupe=text</c>, records whose title and text are the same once white space and case
/// are set aside are copies too, whatever their ids. Memory grows with the number of distinct ids
/// (and texts), not with the text itself.
/// </summary>
internal sealed class Deduplicator
{
    /// <summary>Group keys (<c>id:…</c>, <c>text:…</c>) to their parent key: a union-find forest.</summary>
    private readonly Dictionary<string, string> parent = new(StringComparer.Ordinal);

    /// <summary>The best copy and the number of copies of each group, at its root key.</summary>
    private readonly Dictionary<string, Candidate> best = new(StringComparer.Ordinal);

    private readonly record struct Candidate(int Index, RecordTime? Published, int TextLength, int Copies);

    /// <summary>
    /// One parsed record of the first pass, at <paramref name="index"/> in the input order;
    /// <paramref name="textKey"/> is its <see cref="TextKey"/> with <c>--dedupe=text</c>.
    /// </summary>
    public void Offer(string id, int index, string? published, int textLength, string? textKey)
    {
        RecordTime? time = RecordTime.TryParse(published, out var parsed) ? parsed : null;
        var root = Add("id:" + id, new Candidate(index, time, textLength, 1));
        if (textKey is not null)
        {
            Union(root, Add("text:" + textKey, null));
        }
    }

    /// <summary>Whether the record at <paramref name="index"/> is its group's copy to keep, and how many copies are dropped.</summary>
    public bool Keeps(string id, int index, out int dropped)
    {
        dropped = 0;
        if (!parent.ContainsKey("id:" + id))
        {
            return true;
        }

        var winner = best[Find("id:" + id)];
        dropped = winner.Copies - 1;
        return winner.Index == index;
    }

    /// <summary>Adds a copy to its key's group (or just the key, for <paramref name="copy"/> null); returns the group's root.</summary>
    private string Add(string key, Candidate? copy)
    {
        if (!parent.ContainsKey(key))
        {
            parent[key] = key;
            if (copy is { } first)
            {
                best[key] = first;
            }

            return key;
        }

        var root = Find(key);
        if (copy is { } next)
        {
            best[root] = best.TryGetValue(root, out var current) ? Merge(current, next) : next;
        }

        return root;
    }

    private void Union(string a, string b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA == rootB)
        {
            return;
        }

        parent[rootB] = rootA;
        if (best.Remove(rootB, out var other))
        {
            best[rootA] = best.TryGetValue(rootA, out var current) ? Merge(current, other) : other;
        }
    }

    /// <summary>The group's root, halving paths on the way so every lookup stays short.</summary>
    private string Find(string key)
    {
        while (parent[key] != key)
        {
            var up = parent[key];
            parent[key] = parent[up];
            key = up;
        }

        return key;
    }

    private static Candidate Merge(Candidate a, Candidate b) => (Beats(b, a) ? b : a) with { Copies = a.Copies + b.Copies };

    /// <summary>Title and text with white space left out and letters in lower case, hashed (on the worker that parsed them).</summary>
    public static string TextKey(string title, string text)
    {
        var normal = new StringBuilder(title.Length + text.Length + 1);
        foreach (var c in title + "\n" + text)
        {
            if (!char.IsWhiteSpace(c))
            {
                normal.Append(char.ToLowerInvariant(c));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal.ToString())).AsSpan(0, 16));
    }

    /// <summary>A later copy wins ties of time and length: the input order's last word.</summary>
    private static bool Beats(Candidate challenger, Candidate current)
    {
        var byTime = RecordTime.Compare(challenger.Published, current.Published);
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
}
