using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using NewsArchive.Containers;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Whole per-post cost (decode, detect, parse, clean, build the record) for each format, beside the
/// cost of AngleSharp parsing the same CNA post's HTML alone.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ArchiveParser parser = new();
    private readonly HtmlParser htmlParser = new();
    private InputFile cna = null!;
    private InputFile cnaShort = null!;
    private InputFile udn = null!;
    private string cnaHtml = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        cna = new InputFile("000.txt", SampleFiles.Read("000"));
        cnaShort = new InputFile("003.txt", SampleFiles.Read("003"));
        udn = new InputFile("004.txt", SampleFiles.Read("004"));
        var text = System.Text.Encoding.UTF8.GetString(cna.Bytes.Span);
        FrontMatterParser.TrySplit(text, out var post);
        cnaHtml = post.Text[(post.BodyStart + PostHead.SkipTitleHeader(post.BodySpan, out _, out _))..];
    }

    [Benchmark(Baseline = true, Description = "AngleSharp only: CNA post 000 HTML")]
    public int AngleSharpOnly() => htmlParser.ParseDocument(cnaHtml).Body!.ChildElementCount;

    [Benchmark(Description = "cna-jekyll: whole post 000 (13 KB)")]
    public ParseOutcome CnaPost() => parser.Parse(cna);

    [Benchmark(Description = "cna-jekyll: whole post 003 (4 KB)")]
    public ParseOutcome CnaShortPost() => parser.Parse(cnaShort);

    [Benchmark(Description = "udn-text: whole dump 004 (7 KB)")]
    public ParseOutcome UdnDump() => parser.Parse(udn);
}
