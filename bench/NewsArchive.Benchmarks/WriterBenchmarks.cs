using System.Buffers;
using BenchmarkDotNet.Attributes;
using NewsArchive.Output;
using NewsArchive.Records;

namespace NewsArchive.Benchmarks;

/// <summary>Serializing one record (CNA post 000) in each output format.</summary>
[MemoryDiagnoser]
public class WriterBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private ArticleRecord record = null!;
    private RecordEncoder json = null!;
    private RecordEncoder jsonLines = null!;
    private RecordEncoder csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        record = ((ParseOutcome.Parsed)new ArchiveParser().Parse(new InputFile("000.txt", SampleFiles.Read("000")))).Record;
        json = RecordFormat.Json.CreateEncoder();
        jsonLines = RecordFormat.JsonLines.CreateEncoder();
        csv = RecordFormat.Csv.CreateEncoder();
    }

    [Benchmark(Description = "json")]
    public int Json() => Write(json);

    [Benchmark(Description = "jsonl")]
    public int JsonLines() => Write(jsonLines);

    [Benchmark(Description = "csv")]
    public int Csv() => Write(csv);

    private int Write(RecordEncoder encoder)
    {
        buffer.ResetWrittenCount();
        encoder.Encode(record, buffer);
        return buffer.WrittenCount;
    }
}
