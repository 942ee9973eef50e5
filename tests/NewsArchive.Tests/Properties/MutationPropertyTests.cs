using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using NewsArchive.Assembly;
using NewsArchive.Records;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Properties;

/// <summary>
/// Mutated sample files (truncated, spans deleted or repeated, bytes flipped, re-encoded, markup
/// injected) must each give a record or an error: no exception escapes, no input takes a second.
/// Mutations confined to boilerplate must leave the article's paragraphs exactly as they were.
/// The normal run checks a few thousand cases; <c>NEWSARCHIVE_PROPERTY_CASES=200000</c> runs more.
/// </summary>
public sealed class MutationPropertyTests(ITestOutputHelper output)
{
    /// <summary>A hang detector, not a speed target: a sample parses in about a millisecond.</summary>
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(1);

    private static readonly IReadOnlyDictionary<string, byte[]> Samples = LoadSamples();

    /// <summary>The mutated records also written as Parquet and read back by DuckDB, at most (a long run keeps them all in memory).</summary>
    private static readonly int MaxParquetRecords = Math.Min(Cases(3000), 20_000);

    private static int Cases(int normal) =>
        int.TryParse(Environment.GetEnvironmentVariable("NEWSARCHIVE_PROPERTY_CASES"), out var requested) && requested > 0 ? requested : normal;

    [Fact]
    public void AnyMutation_GivesARecordOrAnError_Quickly()
    {
        var parser = new ArchiveParser();
        var stats = new Stats();
        var kept = new List<ArticleRecord>();
        Warm(parser);
        var property = Prop.ForAll(MutationGenerators.AnyMutation(Samples), input =>
        {
            var outcome = ParseTimed(parser, input, stats, out var header);
            switch (outcome)
            {
                case ParseOutcome.Parsed parsed:
                    stats.Records++;
                    AssertWhole(parsed.Record);
                    AssertHeaderAgrees(header, parsed.Record);
                    if (kept.Count < MaxParquetRecords)
                    {
                        kept.Add(parsed.Record);
                    }

                    break;
                case ParseOutcome.Failed failed:
                    stats.Errors++;
                    Assert.False(string.IsNullOrWhiteSpace(failed.Reason), "an error without a reason");
                    break;
                default:
                    Assert.Fail("neither a record nor an error");
                    break;
            }
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases(3000)).WithQuietOnSuccess(true));
        output.WriteLine($"any mutation: {stats}");

        // Every kind of record the mutations make, through Parquet and back by DuckDB, is the JSON Lines record.
        ParquetFormatTests.AssertDuckDbReadsWhatJsonLinesSays(kept);
        output.WriteLine($"any mutation: {kept.Count} records through Parquet and DuckDB");
    }

    [Fact]
    public void BoilerplateMutation_LeavesParagraphsUnchanged() =>
        CheckParagraphsUnchanged("boilerplate mutation", Samples, _ => MutationGenerators.BoilerplateMutation(Samples));

    [Fact]
    public void FurnitureInsertion_LeavesParagraphsUnchanged()
    {
        var html = Samples.Where(s => s.Key.Contains("jekyll", StringComparison.Ordinal) || s.Key.Contains("-html-", StringComparison.Ordinal)
                || s.Key.StartsWith("samples/00", StringComparison.Ordinal) && !s.Key.StartsWith("samples/004", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        CheckParagraphsUnchanged("furniture insertion", html, originals => Arb.From(FurnitureInsertions.Mutations(html, originals)));
    }

    /// <summary>Every input the generator makes from <paramref name="inputs"/> must give the paragraphs the unchanged input gives.</summary>
    private void CheckParagraphsUnchanged(
        string name,
        IReadOnlyDictionary<string, byte[]> inputs,
        Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, Arbitrary<MutatedInput>> mutations)
    {
        var parser = new ArchiveParser();
        var stats = new Stats();
        var originals = inputs.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)((ParseOutcome.Parsed)parser.Parse(new InputFile(s.Key, s.Value))).Record.Paragraphs);
        var property = Prop.ForAll(mutations(originals), input =>
        {
            var outcome = ParseTimed(parser, input, stats, out _);
            var record = Assert.IsType<ParseOutcome.Parsed>(outcome).Record;
            stats.Records++;
            Assert.Equal<string>(originals[input.Sample], record.Paragraphs);
        });
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases(1500)).WithQuietOnSuccess(true));
        output.WriteLine($"{name}: {stats}");
    }

    /// <summary>Parses one mutated input within the time limit; <paramref name="header"/> is what its format read before the body.</summary>
    private static ParseOutcome ParseTimed(ArchiveParser parser, MutatedInput input, Stats stats, out ArticleHeader? header)
    {
        var bytes = input.Mutation.Apply(Samples[input.Sample]);
        var clock = Stopwatch.StartNew();
        ParseOutcome outcome;
        ArticleHeader? seen = null;
        try
        {
            outcome = parser.Parse(new InputFile(input.Sample, bytes), h =>
            {
                seen = h;
                return true;
            });
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"exception escaped for {input}: {ex}");
        }

        clock.Stop();
        stats.Cases++;
        if (clock.Elapsed > stats.Slowest)
        {
            stats.Slowest = clock.Elapsed;
            stats.SlowestInput = $"{input} ({bytes.Length:N0} bytes)";
        }

        Assert.True(clock.Elapsed < PerInputLimit, $"{input} took {clock.Elapsed.TotalMilliseconds:0} ms");
        header = seen;
        return outcome;
    }

    /// <summary>A header never says what the record does not: a filter before parsing agrees with one after it.</summary>
    private static void AssertHeaderAgrees(ArticleHeader? header, ArticleRecord record)
    {
        Assert.NotNull(header);
        if (header.Source is { } source)
        {
            Assert.Equal(record.Source, source);
        }

        if (header.PublishedKnown)
        {
            Assert.Equal(record.Published, header.Published);
        }
    }

    private static void AssertWhole(ArticleRecord record)
    {
        Assert.False(string.IsNullOrWhiteSpace(record.Title));
        Assert.True(!record.Paragraphs.IsEmpty || record.Warnings.Contains(ArticleRecordBuilder.NoTextWarning), "a record without text and without a warning that says so");
        Assert.All(record.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.Equal(string.Join('\n', record.Paragraphs), record.Text);
        Assert.StartsWith(record.Source + ":", record.Id, StringComparison.Ordinal);
        ReadsBack(record);
    }

    /// <summary>
    /// The record's JSON Lines is one line for a reader that splits where Python's <c>splitlines</c>
    /// does, and parses back to the same values; its CSV is one row that reads back the same.
    /// </summary>
    private static void ReadsBack(ArticleRecord record)
    {
        var jsonl = CaseInvariantTests.Write(record, Output.RecordFormat.JsonLines);
        Assert.EndsWith("\n", jsonl, StringComparison.Ordinal);
        var line = Assert.Single(OutputContractTests.SplitLines(jsonl));
        using (var json = JsonDocument.Parse(line))
        {
            var root = json.RootElement;
            Assert.Equal(record.Title, root.GetProperty("title").GetString());
            Assert.Equal(record.Path, root.GetProperty("path").GetString());
            Assert.Equal(record.Url, root.GetProperty("url").GetString());
            Assert.Equal(record.Published, root.GetProperty("published").GetString());
            Assert.Equal<string?>(record.Paragraphs, [.. root.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString())]);
            Assert.Equal<string?>(record.Warnings, [.. root.GetProperty("warnings").EnumerateArray().Select(p => p.GetString())]);
        }

        var csv = Encoding.UTF8.GetBytes(CaseInvariantTests.Write(record, Output.RecordFormat.Csv));
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default);
        Assert.True(reader.Read(), "the CSV has no row");
        Assert.Equal(record.Title, reader.GetString("title"));
        Assert.Equal(record.Text, reader.GetString("text"));
        Assert.Equal(record.Path, reader.GetString("path"));
        Assert.Equal(record.Published ?? string.Empty, reader.GetString("published"));
        Assert.False(reader.Read(), "the CSV has more than one row");
    }

    private static void Warm(ArchiveParser parser)
    {
        foreach (var (name, bytes) in Samples)
        {
            parser.Parse(new InputFile(name, bytes));
        }
    }

    private static Dictionary<string, byte[]> LoadSamples()
    {
        var samples = Directory.GetFiles(TestPaths.SamplesDirectory).ToDictionary(p => "samples/" + Path.GetFileName(p), File.ReadAllBytes);
        foreach (var name in new[]
        {
            "udn-text-whole-page", "udn-text-global-page", "jekyll-read-more-list-and-tweet", "jekyll-markdown-full-width-blank-lines", "cna-jekyll-lead-figure",
            "jekyll-issue-8-noscript-most-read", "jekyll-issue-8-author-line-empty-captions", "jekyll-issue-8-bare-link-list", "cna-jekyll-issue-8-follow-us-box",
            "udn-text-issue-8-old-layout-widgets", "cna-html-2023-carousel-subscription", "cna-html-2014-table-layout", "udn-html-2023-article-content",
            "html-news-site-article",
        })
        {
            var golden = GoldenCase.Get(name);
            samples[golden.DisplayPath] = File.ReadAllBytes(golden.InputPath);
        }

        // A small post of each site the formats know, written for these tests.
        foreach (var seed in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "tests", "NewsArchive.Tests", "Properties", "Seeds")))
        {
            samples["seeds/" + Path.GetFileName(seed)] = File.ReadAllBytes(seed);
        }

        return samples;
    }

    private sealed class Stats
    {
        public int Cases { get; set; }

        public int Records { get; set; }

        public int Errors { get; set; }

        public TimeSpan Slowest { get; set; }

        public string SlowestInput { get; set; } = string.Empty;

        public override string ToString() =>
            $"{Cases} inputs, {Records} records, {Errors} errors, slowest {Slowest.TotalMilliseconds:0.0} ms: {(SlowestInput.Length > 300 ? SlowestInput[..300] + "…" : SlowestInput)}";
    }
}
