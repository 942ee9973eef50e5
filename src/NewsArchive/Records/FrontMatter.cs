using System.Collections.Immutable;

namespace NewsArchive.Records;

/// <summary>
/// Every key of a post's front matter, in file order, with its value as parsed: a string, a list or a mapping.
/// Scalars stay strings (<c>comments: True</c> is <c>"True"</c>) so nothing is reinterpreted.
/// </summary>
public sealed class FrontMatter
{
    public FrontMatter(ImmutableArray<KeyValuePair<string, FrontMatterValue>> entries) => Entries = entries;

    public ImmutableArray<KeyValuePair<string, FrontMatterValue>> Entries { get; }

    public FrontMatterValue? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The value of <paramref name="key"/> as one string: a scalar, or the first item of a list.</summary>
    public string? GetText(string key) => this[key] switch
    {
        FrontMatterValue.Scalar s => s.Value,
        FrontMatterValue.Sequence { Items.Length: > 0 } seq => seq.Items[0] is FrontMatterValue.Scalar first ? first.Value : null,
        _ => null,
    };

    /// <summary>Every scalar under <paramref name="key"/>: the scalar itself or the scalar items of a list.</summary>
    public IEnumerable<string> GetTexts(string key)
    {
        switch (this[key])
        {
            case FrontMatterValue.Scalar s:
                yield return s.Value;
                break;
            case FrontMatterValue.Sequence seq:
                foreach (var item in seq.Items)
                {
                    if (item is FrontMatterValue.Scalar scalar)
                    {
                        yield return scalar.Value;
                    }
                }

                break;
        }
    }
}

public abstract record FrontMatterValue
{
    private FrontMatterValue()
    {
    }

    public sealed record Scalar(string Value) : FrontMatterValue;

    public sealed record Sequence(ImmutableArray<FrontMatterValue> Items) : FrontMatterValue;

    public sealed record Mapping(ImmutableArray<KeyValuePair<string, FrontMatterValue>> Entries) : FrontMatterValue;
}
