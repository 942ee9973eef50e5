using NewsArchive.Extraction;

namespace NewsArchive.Assembly;

/// <summary>
/// Record ids: <c>source:native-id</c> when the URL carries one (<see cref="Site.IdPattern"/>), else <c>source:sha256:</c> and the first
/// 16 hex digits of SHA-256 over <c>title + "\n" + text</c> (UTF-8), the same on every machine.
/// </summary>
internal static class ArticleIdBuilder
{
    public static string Build(string source, string? url, string title, string text, SiteDirectory directory)
    {
        var native = directory.NativeId(source, url);
        if (native is not null)
        {
            return $"{source}:{native}";
        }

        return ContentId.Of(source, title, text);
    }
}
