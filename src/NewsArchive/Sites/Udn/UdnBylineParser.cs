using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Decoding;
using NewsArchive.Extraction;

namespace NewsArchive.Sites.Udn;

/// <summary>
/// Parses the byline line of a UDN page dump, in its many shapes:
/// <c>中央社／ 基輔22日專電</c>, <c>記者王小明／台北即時報導</c>, <c>聯合報／記者王小明／台北報導</c>,
/// <c>2023-08-28 21:50 聯合報／ 記者沈能元／台北即時報導 郭台銘</c> (a follow tag after it),
/// <c>聯合報／ 編譯茅毅、記者謝守真／綜合報導</c>, and the older <c>2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導</c>
/// and <c>…14:31中央社 澎湖縣28日電</c> with no slash after the outlet. The line is cut into tokens at
/// slashes and spaces: outlet and reporter tokens, then one dateline token, then follow tags.
/// </summary>
internal static partial class UdnBylineParser
{
    /// <summary>Outlets seen in UDN bylines. Other names ending like an outlet (報, 社, 網, 刊) are accepted too.</summary>
    private static readonly ImmutableArray<string> KnownOutlets =
    [
        "中央社", "聯合報", "經濟日報", "聯合晚報", "世界日報", "民生報", "聯合新聞網", "元氣網", "轉角國際", "udn", "鏡週刊",
        "中時新聞網", "自由時報", "健康2.0", "遠見雜誌", "天下雜誌", "商業周刊", "今周刊", "NOWnews", "ETtoday", "三立新聞網",
        "TVBS", "法新社", "路透社", "美聯社", "共同社", "韓聯社", "星島日報", "香港01", "歐洲日報", "Upmedia", "報時光",
    ];

    private const int MaxLength = 120;

    /// <summary>The last characters of the dispatch kinds (報導, 電, 稿, 訪, 訊): every byline holds one.</summary>
    private static readonly System.Buffers.SearchValues<char> DispatchEndings =
        System.Buffers.SearchValues.Create(string.Concat(NewsRoles.DispatchKinds.Select(k => k[^1]).Distinct()));

    public static bool TryParse(string line, out SiteByline byline)
    {
        byline = null!;
        if (line.Length > MaxLength * 2 || line.AsSpan().IndexOfAny(DispatchEndings) < 0)
        {
            // Every byline ends in a dispatch kind: most lines are out at once.
            return false;
        }

        var text = TextNormalizer.Normalize(line);
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        string? date = null;
        string? time = null;
        var lead = LeadingTimestamp().Match(text);
        if (lead.Success)
        {
            date = lead.Groups["date"].Value.Replace('.', '-');
            time = lead.Groups["time"].Success ? lead.Groups["time"].Value : null;
            text = text[lead.Length..];
        }

        // U+2215 (∕) is how Big5 pages' full-width slash decodes.
        var tokens = text.Split(['／', '/', '∕', ' ', '\u3000'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? agency = null;
        var authors = ImmutableArray.CreateBuilder<string>();
        var credited = date is not null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (agency is null && authors.Count == 0 && IsOutlet(token))
            {
                agency = token;
                credited = true;
                continue;
            }

            if (DatelineParser.TryParseCore(token, out var inlineAuthors, out var dateline) && (credited || !inlineAuthors.IsEmpty))
            {
                authors.AddRange(inlineAuthors);
                byline = new SiteByline(agency, dateline, authors.ToImmutable()) { Date = date, Time = time };
                return true;
            }

            if (!DatelineParser.TryParseReporters(token, out var names))
            {
                return false;
            }

            authors.AddRange(names);
            credited = true;
        }

        return false;
    }

    internal static bool IsOutlet(string token) =>
        KnownOutlets.Contains(token, StringComparer.OrdinalIgnoreCase) || OutletLike().IsMatch(token);

    // 2019-03-18 23:59, and on 2013–2014 pages 2014.03.08 03:12 am.
    [GeneratedRegex(@"^(?<date>[0-9]{4}[-.][0-9]{2}[-.][0-9]{2})(?:\s*(?<time>[0-9]{1,2}:[0-9]{2})(?:\s*[ap]m\b)?)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingTimestamp();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,8}(?:日報|晚報|時報|週刊|周刊|雜誌|新聞網|通訊社|報|社|網)$")]
    private static partial Regex OutletLike();
}
