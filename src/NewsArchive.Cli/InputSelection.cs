using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;

namespace NewsArchive.Cli;

/// <summary>
/// Which inputs a run reads: the PATH arguments and the paths a <c>--files-from</c> list names, and in
/// the directories among them the files <c>--glob</c> and <c>--exclude</c> choose, hidden entries
/// (names starting with a dot: <c>.git/</c>, <c>.DS_Store</c>) left out unless <c>--hidden</c>.
/// Files named on the command line or in the list are read whatever the patterns say.
/// </summary>
public sealed record InputSelection
{
    public ImmutableArray<string> Paths { get; init; } = [];

    /// <summary>A file of paths, one a line, or <c>-</c> for standard input.</summary>
    public string? FilesFrom { get; init; }

    public bool Hidden { get; init; }

    public ImmutableArray<string> Globs { get; init; } = [];

    public ImmutableArray<string> Excludes { get; init; } = [];

    /// <summary>Only files modified after this file was (<c>--newer-than FILE</c>); standard input is always read.</summary>
    public string? NewerThan { get; init; }

    /// <summary>The part of the inputs this run reads (<c>--shard K/N</c>); all of them by default.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>What is wrong with the selection before anything is read: a missing list, standard input asked twice.</summary>
    public string? Problem()
    {
        if (FilesFrom == InputSource.StdinPath && Paths.Contains(InputSource.StdinPath))
        {
            return "standard input cannot be both a PATH ('-') and the --files-from list";
        }

        if (NewerThan is not null && !File.Exists(NewerThan))
        {
            return $"--newer-than: {NewerThan}: no such file";
        }

        return FilesFrom is not null && FilesFrom != InputSource.StdinPath && !File.Exists(FilesFrom) ? $"--files-from: {FilesFrom}: no such file" : null;
    }

    /// <summary>
    /// Whether a file found in a directory walk is read, by its path relative to the walked directory.
    /// A pattern without a slash matches a file name at any depth (<c>*.html</c>), as in ripgrep and
    /// .gitignore; one with a slash matches the path from the walked directory (<c>2024/**/*.txt</c>).
    /// </summary>
    public Func<string, bool> Chooser()
    {
        if (Globs.IsEmpty && Excludes.IsEmpty)
        {
            return _ => true;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var glob in Globs.IsEmpty ? ["**/*"] : Globs)
        {
            matcher.AddInclude(Anchor(glob));
        }

        foreach (var exclude in Excludes)
        {
            matcher.AddExclude(Anchor(exclude));
        }

        return relativePath => matcher.Match(relativePath).HasMatches;
    }

    private static string Anchor(string pattern) => pattern.Contains('/', StringComparison.Ordinal) ? pattern.TrimStart('/') : "**/" + pattern;
}
