using System.Text.RegularExpressions;

namespace NewsArchive.Tests;

/// <summary>
/// The library's folders are pipeline stages and depend one way only: input and decoding,
/// containers, detection, the shared readers, sites (with their formats), then the front door and
/// output. A namespace that uses a type of another is a dependency, read from the sources (types
/// from the assembly, uses from the code with comments and strings left out); any cycle fails.
/// </summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void Namespaces_HaveNoDependencyCycle()
    {
        var graph = DependencyGraph();
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"namespace cycle: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void Namespaces_DependencyGraphSeesKnownEdges()
    {
        // The graph is only as good as what it sees: edges that exist for certain.
        var graph = DependencyGraph();
        Assert.Contains("NewsArchive.Parsing", graph["NewsArchive.Html"]);
        Assert.Contains("NewsArchive.Profiles", graph["NewsArchive.Sites.Cna"]);
        Assert.Contains("NewsArchive.Containers", graph["NewsArchive.Detection"]);
        Assert.Contains("NewsArchive.Records", graph["NewsArchive.Output"]);
    }

    [Fact]
    public void EveryFormat_LivesInItsSitesFolder()
    {
        foreach (var profile in ProfileCatalog.All)
        {
            Assert.StartsWith("NewsArchive.Sites.", profile.GetType().Namespace, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PublicTypes_AreWhatALibraryUserNeeds()
    {
        // The parser, its options, the outcomes, the record, the writer and its formats, and the web
        // archive reader; every stage behind them is internal (PublicAPI.Shipped.txt pins members).
        var exported = typeof(ArchiveParser).Assembly.GetExportedTypes().Where(t => !t.IsNested).Select(t => t.FullName!).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "NewsArchive.ArchiveParser",
                "NewsArchive.Decoding.DecoderOptions",
                "NewsArchive.Detection.ArticleHeader",
                "NewsArchive.Envelopes.Envelope",
                "NewsArchive.Envelopes.EnvelopeEntry",
                "NewsArchive.Envelopes.EnvelopeKind",
                "NewsArchive.Envelopes.EnvelopeOptions",
                "NewsArchive.InputFile",
                "NewsArchive.Output.RecordFormat",
                "NewsArchive.Output.RecordWriter",
                "NewsArchive.ParseOutcome",
                "NewsArchive.Records.ArticleImage",
                "NewsArchive.Records.ArticleRecord",
                "NewsArchive.Records.Dateline",
                "NewsArchive.Records.FrontMatter",
                "NewsArchive.Records.FrontMatterValue",
                "NewsArchive.Records.RecordSchema",
                "NewsArchive.Records.RecordTime",
                "NewsArchive.Records.RelatedLink",
            ],
            exported);
    }

    private static Dictionary<string, HashSet<string>> DependencyGraph()
    {
        // Top-level types only: a nested type is reached through its outer type.
        var owners = typeof(ArchiveParser).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && t.Namespace.StartsWith("NewsArchive", StringComparison.Ordinal) && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Name.Split('`')[0], StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Namespace!, StringComparer.Ordinal);

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var sources = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsArchive");
        foreach (var file in Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var ns = NamespaceDeclaration().Match(text).Groups[1].Value;
            var code = StringsAndComments().Replace(text, " ");
            if (!graph.TryGetValue(ns, out var edges))
            {
                graph[ns] = edges = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (Match word in Identifier().Matches(code))
            {
                if (owners.TryGetValue(word.Value, out var owner) && owner != ns)
                {
                    edges.Add(owner);
                }
            }
        }

        return graph;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join('\n', graph.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} -> {string.Join(", ", p.Value.Order(StringComparer.Ordinal))}"));

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""""""[\s\S]*?""""""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex StringsAndComments();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
