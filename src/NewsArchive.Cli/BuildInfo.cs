using System.Reflection;

namespace NewsArchive.Cli;

/// <summary>The package version and the commit this binary was built from.</summary>
internal static class BuildInfo
{
    /// <summary>
    /// The informational version the SDK writes: the package version, then '+' and the commit's
    /// full hash when the build ran in a git checkout (SourceLink supplies it).
    /// </summary>
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Version => Informational.Split('+')[0];

    /// <summary>The commit's hash, or null for a build outside a git checkout.</summary>
    public static string? Commit
    {
        get
        {
            var plus = Informational.IndexOf('+');
            return plus < 0 || plus == Informational.Length - 1 ? null : Informational[(plus + 1)..];
        }
    }

    /// <summary>What <c>newsarchive --version</c> prints: <c>newsarchive 0.1.0 (commit 4d93f8e…)</c>.</summary>
    public static string VersionLine => $"newsarchive {Version} (commit {Commit ?? "unknown"})";
}
