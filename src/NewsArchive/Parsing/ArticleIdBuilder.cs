using System.Security.Cryptography;
using System.Text;

namespace NewsArchive.Parsing;

/// <summary>
/// Record ids: <c>source:native-id</c> when the URL carries one, else <c>source:sha256:</c> and the first
/// 16 hex digits of SHA-256 over <c>title + "\n" + text</c> (UTF-8), the same on every machine.
/// </summary>
public static class ArticleIdBuilder
{
    public static string Build(string source, string? url, string title, string text)
    {
        var native = SourceSites.NativeId(source, url);
        if (native is not null)
        {
            return $"{source}:{native}";
        }

        var bytes = Encoding.UTF8.GetBytes(title + "\n" + text);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return $"{source}:sha256:{Convert.ToHexStringLower(hash[..8])}";
    }
}
