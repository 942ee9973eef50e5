using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsArchive.Output;
using NewsArchive.Records;

namespace NewsArchive.Tests;

/// <summary>
/// One folder under <c>Cases/</c>: <c>input.*</c> exactly as found, and either <c>expected.json</c> (the
/// whole record) or <c>expected-error.txt</c> (the reason the input gives no record).
/// </summary>
public sealed class GoldenCase
{
    private GoldenCase(string name, string directory, string inputPath)
    {
        Name = name;
        Directory = directory;
        InputPath = inputPath;
    }

    public string Name { get; }

    public string Directory { get; }

    public string InputPath { get; }

    /// <summary>The path the record carries: the case folder and input file name.</summary>
    public string DisplayPath => $"{Name}/{Path.GetFileName(InputPath)}";

    public string ExpectedJsonPath => Path.Combine(Directory, "expected.json");

    public string ExpectedErrorPath => Path.Combine(Directory, "expected-error.txt");

    public bool ExpectsError => File.Exists(ExpectedErrorPath);

    public static IReadOnlyList<GoldenCase> All { get; } = Load();

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> RecordNames => All.Where(c => !c.ExpectsError).Select(c => new object[] { c.Name });

    public static GoldenCase Get(string name) => All.Single(c => c.Name == name);

    public ParseOutcome Parse() => Parse(new ArchiveParser());

    /// <summary>The case's input read by <paramref name="parser"/> (one with a site added in a fixture).</summary>
    public ParseOutcome Parse(ArchiveParser parser) => parser.Parse(new InputFile(DisplayPath, File.ReadAllBytes(InputPath)));

    public ArticleRecord ParseRecord()
    {
        var outcome = Parse();
        return outcome is ParseOutcome.Parsed parsed
            ? parsed.Record
            : throw new Xunit.Sdk.XunitException($"{Name}: expected a record, got an error: {((ParseOutcome.Failed)outcome).Reason}");
    }

    /// <summary>A record as canonical indented JSON: the writer's own serialization, re-indented.</summary>
    public static string Canonical(ArticleRecord record)
    {
        using var serializer = RecordFormat.JsonLines.CreateEncoder();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Encode(record, buffer);
        return Canonical(JsonNode.Parse(buffer.WrittenSpan)!);
    }

    public static string Canonical(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = LiteralJsonEncoder.Instance }) + "\n";

    private static IReadOnlyList<GoldenCase> Load() => LoadFrom(TestPaths.CasesDirectory);

    /// <summary>The case folders under <paramref name="casesDirectory"/>, in ordinal order.</summary>
    public static IReadOnlyList<GoldenCase> LoadFrom(string casesDirectory)
    {
        var cases = new List<GoldenCase>();
        foreach (var directory in System.IO.Directory.GetDirectories(casesDirectory).OrderBy(d => d, StringComparer.Ordinal))
        {
            var inputs = System.IO.Directory.GetFiles(directory, "input.*");
            if (inputs.Length != 1)
            {
                throw new InvalidOperationException($"{directory}: needs exactly one input.* file");
            }

            cases.Add(new GoldenCase(Path.GetFileName(directory), directory, inputs[0]));
        }

        return cases;
    }

    public static string ReadText(string path) => File.ReadAllText(path, Encoding.UTF8);
}
