using System.Buffers;
using BenchmarkDotNet.Attributes;
using NewsArchive.Assembly;
using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Extraction;
using NewsArchive.Output;
using NewsArchive.Records;
using NewsArchive.Sites;

namespace NewsArchive.Benchmarks;

/// <summary>The stages of one CNA post (sample 000), to see where the per-post cost goes.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly TextDecoder decoder = new();
    private readonly ParseContext context = new();
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private readonly RecordEncoder serializer = RecordFormat.JsonLines.CreateEncoder();
    private byte[] bytes = [];
    private string text = string.Empty;
    private string html = string.Empty;
    private ArticleRecord record = null!;
    private AngleSharp.Html.Dom.IHtmlDocument parsed = null!;
    private JekyllPost post = null!;
    private ArticleDraft draft = null!;
    private static readonly HtmlSiteRules Rules = Sites.Cna.CnaSite.PostRules;
    private static readonly Site Site = Sites.Cna.CnaSite.Site;
    private static readonly SiteDirectory Directory = SiteCatalog.Directory;

    [GlobalSetup]
    public void Setup()
    {
        bytes = SampleFiles.Read("000");
        decoder.TryDecode(bytes, out var decoded, out _);
        text = decoded.Text;
        FrontMatterParser.TrySplit(text, out post);
        html = post.Text[(post.BodyStart + PostHead.SkipTitleHeader(post.BodySpan, out _, out _))..];
        parsed = context.HtmlParser.ParseDocument(html);
        draft = JekyllArticleReader.Read(new SourceDocument("000.txt", text), context, Site, Directory, null).Draft!;
        record = ((ParseOutcome.Parsed)new ArchiveParser().Parse(new InputFile("000.txt", bytes))).Record;
    }

    [Benchmark(Description = "decode")]
    public bool Decode() => decoder.TryDecode(bytes, out _, out _);

    [Benchmark(Description = "front matter (YamlDotNet)")]
    public bool FrontMatter() => FrontMatterParser.TrySplit(text, out _);

    [Benchmark(Description = "detect (all formats)")]
    public object? Detect() => new FormatDetector(SiteCatalog.Formats).Detect(new SourceDocument("000.txt", text));

    [Benchmark(Description = "nesting guard")]
    public int Nesting() => HtmlNestingGuard.MeasureDepth(html);

    [Benchmark(Description = "AngleSharp parse (shared context)")]
    public int AngleSharp() => context.HtmlParser.ParseDocument(html).Body!.ChildElementCount;

    [Benchmark(Description = "HTML read (parse + rules + text)")]
    public int HtmlRead() => JekyllArticleReader.Read(new SourceDocument("000.txt", text), context, Site, Directory, null).Draft!.Paragraphs.Length;

    [Benchmark(Description = "HtmlArticleReader.Read only")]
    public int ReaderOnly() => HtmlArticleReader.Read(context.HtmlParser, html, Rules, null).Paragraphs.Length;

    [Benchmark(Description = "block text only (parsed once)")]
    public int BlockTextOnly() => BlockTextExtractor.Extract(parsed.Body!, _ => WalkDecision.Read).Length;

    [Benchmark(Description = "post fields (title header, URL, source, date, body check)")]
    public int PostFields()
    {
        var skip = PostHead.SkipTitleHeader(post.BodySpan, out _, out _);
        var url = PostHead.UrlOf(post.FrontMatter);
        var warnings = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>();
        JekyllFields.Published(post.FrontMatter, Directory.UtcOffsetOf(JekyllFields.Source(post.FrontMatter, url, Directory)), warnings);
        return skip + (JekyllBody.LooksLikeHtml(post.BodySpan[skip..]) ? 1 : 0) + (HtmlNestingGuard.IsTooDeep(post.BodySpan[skip..]) ? 1 : 0);
    }

    [Benchmark(Description = "dateline + credits")]
    public int DatelineAndCredits() =>
        (DatelineParser.TryParseOpening(draft.Paragraphs[0], Directory.Datelines, out _) ? 1 : 0) + CreditsParser.Parse(draft.Paragraphs).Translators.Length;

    [Benchmark(Description = "record build")]
    public ParseOutcome RecordBuild() => ArticleRecordBuilder.Build(draft, "000.txt", "cna-jekyll", [], Directory);

    [Benchmark(Description = "serialize jsonl")]
    public int Serialize()
    {
        buffer.ResetWrittenCount();
        serializer.Encode(record, buffer);
        return buffer.WrittenCount;
    }
}
