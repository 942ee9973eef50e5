namespace NewsArchive.Cli.Tests;

/// <summary>--shard K/N: a stable split whose parts together are exactly the unsharded run.</summary>
public sealed class ShardTests
{
    [Theory]
    [InlineData("2024/11/post.txt", 3, 2)]
    [InlineData("2024/11/post.txt", 7, 4)]
    [InlineData("a.txt", 3, 3)]
    [InlineData("samples/000.txt", 7, 4)]
    public void Of_IsTheDocumentedHash(string relativePath, int count, int part)
    {
        // Pinned: SHA-256 of the UTF-8 path, first 8 bytes big-endian, mod N, plus one. Any
        // language reproduces it, and no release may move a file to another part.
        Assert.Equal(part, Shard.Of(relativePath, count));
    }

    [Theory]
    [InlineData("1/3", true)]
    [InlineData("3/3", true)]
    [InlineData("1/1", true)]
    [InlineData("0/3", false)]
    [InlineData("4/3", false)]
    [InlineData("1/0", false)]
    [InlineData("1/65537", false)]
    [InlineData("-1/3", false)]
    [InlineData("1", false)]
    [InlineData("a/b", false)]
    public void TryParse_AcceptsKOfN(string text, bool valid)
    {
        Assert.Equal(valid, Shard.TryParse(text, out _));
    }

    [Fact]
    public void Extract_ThreeShards_TogetherAreTheWholeRun()
    {
        var directory = Paths.TempDirectory();
        var samples = Directory.GetFiles(Paths.SamplesAbsolute).Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < 24; i++)
        {
            var folder = Path.Combine(directory, $"{i % 4}");
            Directory.CreateDirectory(folder);
            File.Copy(samples[i % samples.Length], Path.Combine(folder, $"post-{i:D2}.txt"));
        }

        File.WriteAllText(Path.Combine(directory, "empty.txt"), string.Empty);

        var whole = CliRun.Invoke("extract", directory, "-f", "jsonl", "-q", "-j", "1");
        var parts = new[] { "1/3", "2/3", "3/3" }.Select(k => CliRun.Invoke("extract", directory, "-f", "jsonl", "-q", "--shard", k)).ToList();

        Assert.All(parts, p => Assert.NotEmpty(p.Stdout));
        Assert.Equal(
            whole.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            parts.SelectMany(p => p.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal));

        // The empty file's error is reported by exactly one part.
        Assert.Equal(1, whole.ExitCode);
        Assert.Single(parts, p => p.ExitCode == 1);
        Assert.Equal(whole.StderrLines, parts.SelectMany(p => p.StderrLines));
    }

    [Fact]
    public void Extract_BadShard_IsAUsageError()
    {
        var run = CliRun.Invoke("extract", Paths.Samples, "--shard", "4/3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--shard: '4/3' is not K/N", run.Stderr, StringComparison.Ordinal);
    }
}
