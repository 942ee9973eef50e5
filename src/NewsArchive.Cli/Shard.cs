using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NewsArchive.Cli;

/// <summary>
/// One of N stable parts of a run's inputs (<c>--shard K/N</c>). A file's part depends on its path
/// relative to the PATH it was found under (a file named on the command line: the path as given)
/// and on N only, so a file keeps its part when others are added: the first 8 bytes of the
/// SHA-256 of the UTF-8 relative path, read as a big-endian unsigned number, modulo N, plus one.
/// The N parts together hold every input exactly once.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public const int MaxCount = 65536;

    public static Shard All => new(1, 1);

    /// <summary>As <c>--shard</c> takes it: <c>K/N</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";

    public bool Contains(string relativePath) => Count == 1 || Of(relativePath, Count) == Index;

    /// <summary>The part (1 to <paramref name="count"/>) a relative path falls in.</summary>
    public static int Of(string relativePath, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/')), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Reads <c>K/N</c>: N from 1 to 65536, K from 1 to N.</summary>
    public static bool TryParse(string text, out Shard shard)
    {
        shard = All;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > MaxCount || index < 1 || index > count)
        {
            return false;
        }

        shard = new Shard(index, count);
        return true;
    }
}
