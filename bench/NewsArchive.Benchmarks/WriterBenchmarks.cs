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
    private RecordSerializer json = null!;
    private RecordSerializer jsonLines = null!;
    private RecordSerializer csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        record = ((ParseOutcome.Parsed)new ArchiveParser().Parse(new InputFile("000.txt", SampleFiles.Read("000")))).Record;
        json = new RecordSerializer(OutputFormat.Json);
        jsonLines = new RecordSerializer(OutputFormat.JsonLines);
        csv = new RecordSerializer(OutputFormat.Csv);
    }

    [Benchmark(Description = "json")]
    public int Json() => Write(json);

    [Benchmark(Description = "jsonl")]
    public int JsonLines() => Write(jsonLines);

    [Benchmark(Description = "csv")]
    public int Csv() => Write(csv);

    private int Write(RecordSerializer serializer)
    {
        buffer.ResetWrittenCount();
        serializer.Serialize(record, buffer);
        return buffer.WrittenCount;
    }
}
