using System.Text.RegularExpressions;
using NewsArchive.Sites;

namespace NewsArchive.Tests;

/// <summary>
/// The library's folders are the pipeline's stages, in order, and a folder uses only the folders
/// before it: the record's value types, input, envelopes, decoding, containers, extraction, sites,
/// assembly, output, the audit, then the front door (the files at the top). A file that uses a type
/// of another folder is a dependency, read from the sources (types from the assembly, uses from the
/// code with comments and strings left out). Folders (a site's within Sites too) have no cycle.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The stages, first to last: a folder may use the folders before it, never one after.</summary>
    private static readonly string[] Stages =
        ["Records", "Input", "Envelopes", "Decoding", "Containers", "Extraction", "Sites", "Assembly", "Output", "Audit", FrontDoor];

    private const string FrontDoor = "(front door)";

    [Fact]
    public void Folders_AreTheStages()
    {
        var sources = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsArchive");
        var folders = Directory.EnumerateDirectories(sources).Select(Path.GetFileName).Where(n => n is not ("obj" or "bin")).Order(StringComparer.Ordinal);
        Assert.Equal(Stages.Where(s => s != FrontDoor).Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Stages_UseOnlyTheStagesBeforeThem()
    {
        var (_, stageEdges) = DependencyGraphs();
        var backward = stageEdges
            .SelectMany(pair => pair.Value.Select(to => (From: pair.Key, To: to)))
            .Where(edge => Array.IndexOf(Stages, edge.To.Stage) > Array.IndexOf(Stages, edge.From))
            .Select(edge => $"{edge.From} uses {edge.To.Stage} ({edge.To.Why})")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(backward.Count == 0, "a stage uses a later one:\n" + string.Join('\n', backward));
    }

    [Fact]
    public void Folders_HaveNoDependencyCycle()
    {
        var (graph, _) = DependencyGraphs();
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"folder cycle: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void Stages_DependencyGraphSeesKnownEdges()
    {
        // The graph is only as good as what it sees: edges that exist for certain.
        var (graph, stages) = DependencyGraphs();
        Assert.Contains("Extraction", graph["Sites/Cna"]);
        Assert.Contains("Containers", graph["Extraction"]);
        Assert.Contains("Records", graph["Output"]);
        Assert.Contains(stages["Sites"], edge => edge.Stage == "Extraction");
        Assert.Contains(stages["Extraction"], edge => edge.Stage == "Containers");
        Assert.Contains(stages["Assembly"], edge => edge.Stage == "Extraction");
        Assert.Contains(stages[FrontDoor], edge => edge.Stage == "Sites");
    }

    [Fact]
    public void SiteKnowledge_LivesInSiteFolders()
    {
        // A site's record is declared in its folder, and the stages before Sites name no site: no type
        // of a site folder, and no site code as a word, in their code.
        var siteTypes = typeof(ArchiveParser).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("NewsArchive.Sites.", StringComparison.Ordinal) == true)
            .Select(t => t.Name.Split('`')[0])
            .Where(n => !n.Contains('<', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var sources = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsArchive");
        var siteWords = SiteCatalog.Known.SelectMany(s => s.Hosts.Prepend(s.Code ?? string.Empty)).Where(w => w.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in Stages.TakeWhile(s => s != "Sites"))
        {
            var folder = Path.Combine(sources, stage);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                var code = StringsAndComments().Replace(text, " ");
                var named = Identifier().Matches(code).Select(m => m.Value).Where(siteTypes.Contains).Distinct().ToList();
                Assert.True(named.Count == 0, $"{Path.GetRelativePath(sources, file)} names {string.Join(", ", named)}");

                // Nor a site's code or host as a string of its own ("cna", "udn.com").
                var literals = StringLiteral().Matches(Comment().Replace(text, " ")).Select(m => m.Groups[1].Value).Where(siteWords.Contains).Distinct().ToList();
                Assert.True(literals.Count == 0, $"{Path.GetRelativePath(sources, file)} names {string.Join(", ", literals)}");
            }
        }

        Assert.All(SiteCatalog.Sites, site => Assert.Contains(SiteCatalog.Formats, f => ReferenceEquals(f.Site, site)));
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
                "NewsArchive.ArticleHeader",
                "NewsArchive.Decoding.DecoderOptions",
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

    /// <summary>
    /// The folder graph (a folder is named by its path: <c>Sites/Cna</c>), and each stage's uses of other stages with the first file and type that
    /// shows each one.
    /// </summary>
    private static (Dictionary<string, HashSet<string>> Folders, Dictionary<string, HashSet<(string Stage, string Why)>> Stages) DependencyGraphs()
    {
        var sources = Path.Combine(TestPaths.RepositoryRoot, "src", "NewsArchive");
        var files = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToList();

        // Top-level types only (a nested type is reached through its outer type), by the file that
        // declares them, so a public type that keeps its namespace is still placed by its folder.
        var declared = new Dictionary<string, List<(string Folder, string Stage)>>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var folder = FolderOf(sources, path);
            foreach (Match type in TypeDeclaration().Matches(StringsAndComments().Replace(text, " ")))
            {
                if (!declared.TryGetValue(type.Groups[1].Value, out var list))
                {
                    declared[type.Groups[1].Value] = list = [];
                }

                list.Add((folder, StageOf(sources, path)));
            }
        }

        var owners = typeof(ArchiveParser).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is not null && t.Namespace.StartsWith("NewsArchive", StringComparison.Ordinal) && !t.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(t => t.Name.Split('`')[0], StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() == 1 && declared.TryGetValue(g.Key, out var at) && at.Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => declared[g.Key][0], StringComparer.Ordinal);

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var stages = new Dictionary<string, HashSet<(string Stage, string Why)>>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var folder = FolderOf(sources, path);
            var stage = StageOf(sources, path);
            var code = StringsAndComments().Replace(text, " ");
            if (!graph.TryGetValue(folder, out var edges))
            {
                graph[folder] = edges = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!stages.TryGetValue(stage, out var uses))
            {
                stages[stage] = uses = [];
            }

            foreach (Match word in Identifier().Matches(code))
            {
                if (!owners.TryGetValue(word.Value, out var owner))
                {
                    continue;
                }

                if (owner.Folder != folder)
                {
                    edges.Add(owner.Folder);
                }

                if (owner.Stage != stage && !uses.Any(u => u.Stage == owner.Stage))
                {
                    uses.Add((owner.Stage, $"{Path.GetRelativePath(sources, path)} uses {word.Value}"));
                }
            }
        }

        return (graph, stages);
    }

    private static string FolderOf(string sources, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetRelativePath(sources, path))!.Replace(Path.DirectorySeparatorChar, '/');
        return folder.Length == 0 ? FrontDoor : folder;
    }

    private static string StageOf(string sources, string path)
    {
        var relative = Path.GetRelativePath(sources, path);
        var slash = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return slash < 0 ? FrontDoor : relative[..slash];
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

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|file|ref)\s+)*(?:class|record(?:\s+struct)?|struct|interface|enum)\s+([A-Z][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""""""[\s\S]*?""""""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex StringsAndComments();

    [GeneratedRegex(@"""([^""\\\n]*)""")]
    private static partial Regex StringLiteral();

    /// <summary>Whole-line comments (a <c>//</c> inside a string, as in a URL, is no comment).</summary>
    [GeneratedRegex(@"^\s*//[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
