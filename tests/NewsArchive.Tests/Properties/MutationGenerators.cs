using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NewsArchive.Tests.Properties;

/// <summary>A sample file and a change to it.</summary>
public sealed record MutatedInput(string Sample, Mutation Mutation)
{
    public override string ToString() => $"{Sample}: {Mutation}";
}

/// <summary>FsCheck generators of mutated sample files.</summary>
public static class MutationGenerators
{
    /// <summary>Markup and text fragments that stress parsers: stray fences, open tags, comments, entities.</summary>
    private static readonly string[] Injections =
    [
        "<div>", "</div>", "<p>", "</p>", "<!--", "-->", "<script>", "</script>", "<svg><g>", "<table><tr><td>", "<![CDATA[", "]]>",
        "---\n", "\n---\n", "&#", "&#x110000;", "&amp", "<", ">", "\"", "'", "\0", "\uFEFF", "\u3000\n", "\n\n", "（中央社", "）",
        "（編輯：", "<div class='owl-carousel'>", "<figure><img src=", "<a href='javascript:alert(1)'>", "快訊\n", "udn討論區\n",
        "中央社／ 基輔22日專電\n", "\ttitle: [[[{{{\n", "\uD800", "<p>" + new string('中', 5000) + "</p>",
    ];

    private static readonly string[] Encodings = ["utf-8-bom", "utf-16le", "utf-16be", "big5", "crlf", "cr", "gzip", "latin1-mojibake"];

    public static Arbitrary<MutatedInput> AnyMutation(IReadOnlyDictionary<string, byte[]> samples)
    {
        var names = samples.Keys.Order(StringComparer.Ordinal).ToArray();
        var gen =
            from name in Gen.Elements(names)
            from mutation in MutationFor(samples, samples[name].Length)
            select new MutatedInput(name, mutation);
        return Arb.From(gen);
    }

    private static Gen<Mutation> MutationFor(IReadOnlyDictionary<string, byte[]> samples, int length)
    {
        var position = Gen.Choose(0, Math.Max(length, 1));
        var span = Gen.Choose(1, Math.Max(1, Math.Min(length, 4096)));
        var single = Gen.OneOf(
            position.Select(at => (Mutation)new Mutation.Truncate(at)),
            position.Zip(span, (start, len) => (Mutation)new Mutation.DeleteSpan(start, len)),
            Gen.Zip(position, span).Zip(position, (a, at) => (Mutation)new Mutation.DuplicateSpan(a.Item1, a.Item2, at)),
            Gen.Choose(1, 8).SelectMany(count => Gen.Zip(Gen.ArrayOf(position, count), Gen.ArrayOf(Gen.Choose(0, 255).Select(v => (byte)v), count)))
                .Select(p => (Mutation)new Mutation.FlipBytes(p.Item1, p.Item2)),
            position.Zip(Gen.Elements(Injections), (at, text) => (Mutation)new Mutation.Insert(at, text)),
            Gen.Elements(Encodings).Select(e => (Mutation)new Mutation.Reencode(e)));
        var hostile = HostileGenerators.Any(samples, length);
        return Gen.Frequency(
            (6, single),
            (6, hostile),
            (1, Gen.ArrayOf(single, 3).Select(steps => (Mutation)new Mutation.Chain(steps))),
            (1, Gen.Zip(hostile, single).Select(steps => (Mutation)new Mutation.Chain([steps.Item1, steps.Item2]))));
    }

    /// <summary>
    /// Mutations confined to boilerplate: whole carousel items deleted or repeated, carousel text
    /// changed, the page cut off after the body, ticker and comment-area lines added, dropped or
    /// repeated. The article's paragraphs must come out unchanged.
    /// </summary>
    public static Arbitrary<MutatedInput> BoilerplateMutation(IReadOnlyDictionary<string, byte[]> samples)
    {
        var gens = new List<Gen<MutatedInput>>();
        foreach (var (name, bytes) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var text = Encoding.UTF8.GetString(bytes);
            var regions = BoilerplateRegions.Find(text);
            if (regions.Count == 0)
            {
                continue;
            }

            gens.Add(
                from region in Gen.Elements(regions.ToArray())
                from mutation in region.Mutations()
                select new MutatedInput(name, mutation));
        }

        return Arb.From(Gen.OneOf(gens));
    }
}
