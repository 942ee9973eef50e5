using System.Text.RegularExpressions;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// Image captions in text dumps. A page's caption shows up printed twice in a row, or shortened with
/// <c>...</c> and then in full, or once with a photo credit at its end (<c>圖／美聯社</c>, <c>記者沈能元／攝影</c>,
/// and on the pre-2020 layout <c>聯合報系資料照</c>, <c>記者林伯東攝影</c>, <c>圖片提供／…</c>).
/// </summary>
internal static partial class TextDumpCaptions
{
    private const int MaxCaptionLength = 300;

    /// <summary>Two consecutive lines that are one caption; <paramref name="caption"/> is its full text.</summary>
    public static bool TryMatchPair(string first, string second, out string caption)
    {
        caption = string.Empty;
        if (first.Length == 0 || second.Length == 0 || second.Length > MaxCaptionLength)
        {
            return false;
        }

        if (first == second)
        {
            caption = TextNormalizer.Normalize(second);
            return true;
        }

        var shortened = first.EndsWith("...", StringComparison.Ordinal) ? first[..^3] : first.EndsWith('…') ? first[..^1] : null;
        if (shortened is { Length: >= 8 } && second.Length > shortened.Length && second.StartsWith(shortened, StringComparison.Ordinal))
        {
            caption = TextNormalizer.Normalize(second);
            return true;
        }

        return false;
    }

    /// <summary>A line that ends with a photo credit, as captions do and paragraphs don't.</summary>
    public static bool IsCredited(string line) =>
        // The credit pattern is end-anchored and under 40 characters long: only the tail is searched,
        // not every position of a long paragraph.
        line.Length <= MaxCaptionLength && PhotoCredit().IsMatch(line.AsSpan(Math.Max(0, line.Length - 64)));

    [GeneratedRegex(@"(?:[（(]?(?:圖|圖片|照片|攝影|影像|資料照|圖片提供|照片提供|圖片來源|圖片翻攝)(?:／|/|：|:)\s*[^，。／/]{1,24}[)）]?|(?:記者|攝影記者)?[\p{IsCJKUnifiedIdeographs}]{2,4}(?:／|/)攝影|(?:記者|攝影記者)[\p{IsCJKUnifiedIdeographs}]{2,4}攝影|[（(]?資料照(?:片)?[)）]?|圖取自[^，。]{1,30}|(?:翻攝|截圖自)[^，。]{1,30})$")]
    private static partial Regex PhotoCredit();
}
