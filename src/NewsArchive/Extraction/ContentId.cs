using System.Security.Cryptography;
using System.Text;

namespace NewsArchive.Extraction;

/// <summary>
/// The id of a record whose URL carries no native id: <c>source:sha256:</c> and the first 16 hex
/// digits of SHA-256 over <c>title + "\n" + text</c> (UTF-8), the same on every machine. A text that
/// changes after assembly (a learned template's removals) gets its id again from here.
/// </summary>
internal static class ContentId
{
    public static string Of(string source, string title, string text)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, title);
        sha.AppendData("\n"u8);
        Append(sha, text);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return $"{source}:sha256:{Convert.ToHexStringLower(hash[..8])}";
    }

    /// <summary>
    /// Hashes the UTF-8 of a text a slice at a time, so a huge post's text is never copied whole into
    /// bytes; a slice never ends between the halves of a surrogate pair.
    /// </summary>
    private static void Append(IncrementalHash sha, string text)
    {
        Span<byte> buffer = stackalloc byte[SliceChars * 3];
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var take = Math.Min(rest.Length, SliceChars);
            if (take < rest.Length && char.IsHighSurrogate(rest[take - 1]))
            {
                take--;
            }

            var written = Encoding.UTF8.GetBytes(rest[..take], buffer);
            sha.AppendData(buffer[..written]);
            rest = rest[take..];
        }
    }

    private const int SliceChars = 1024;
}
