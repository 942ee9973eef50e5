using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Decoding;
using NewsArchive.Records;

namespace NewsArchive.Extraction;

/// <summary>What a byline line says: the outlet, the desk, the reporters, the dateline it ends with, and the time it opens with.</summary>
internal sealed record ParsedByline(string? Agency, string? Desk, ImmutableArray<string> Authors, Dateline? Dateline, string? Time);

/// <summary>
/// The byline grammar of Taiwanese and Chinese-language news, and of English <c>By …</c> lines, shared
/// by every site that has no grammar of its own:
/// <c>記者王小明／台北報導</c>, <c>記者楊漢聲、趙蔡州／台東報導</c>, <c>〔記者王小明／高雄報導〕</c>,
/// <c>【記者王小明／台北報導】</c>, <c>生活中心／賴俊佑報導</c> (a desk, then the reporter),
/// <c>社會中心／綜合報導</c> (a desk, no reporter), <c>文／王小明</c>, <c>撰文：王小明</c>, <c>圖文／CTWANT</c>
/// (an outlet, no person), <c>2014/03/19 18:58 彭佳芸 黃翊真 報導</c>, and <c>By Jane Doe and John Roe</c>.
/// A bracketed CNA dateline is <see cref="DatelineParser"/>'s. People are told from outlets and desks:
/// a name is two to four CJK characters (a transliteration may be longer, with <c>·</c>), or two to
/// four capitalised Latin words; an acronym (<c>CTWANT</c>) is an outlet.
/// </summary>
internal static partial class BylineParser
{
    /// <summary>A byline is at most this long.</summary>
    public const int MaxLength = 80;

    /// <summary>Role words that open a credit of the writer: <c>文／</c>, <c>撰文：</c>.</summary>
    private static readonly FrozenSet<string> WriterRoles = new[]
    {
        "文", "撰文", "作者", "圖文", "图文", "文字", "採訪", "采访", "撰稿", "文、圖", "文/圖", "文／圖", "口述", "整理",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How a newsroom desk's name ends: <c>生活中心</c>, <c>國際組</c>, <c>新聞部</c>.</summary>
    private static readonly string[] DeskEndings = ["中心", "組", "组", "部", "小組", "編輯台", "编辑台", "新聞台"];

    /// <summary>Words of an English byline that name no person: <c>Staff Reports</c>, <c>Associated Press</c>.</summary>
    private static readonly FrozenSet<string> NotPersonWords = new[]
    {
        "staff", "reports", "report", "news", "press", "associated", "wire", "wires", "editors", "editor", "team", "desk",
        "contributor", "contributors", "writer", "writers", "reporter", "agency", "service", "bureau", "correspondent",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly (char Open, char Close)[] Brackets = [('〔', '〕'), ('【', '】'), ('［', '］'), ('[', ']'), ('（', '）'), ('(', ')')];

    public static bool TryParse(string line, DatelineTables datelines, out ParsedByline byline)
    {
        byline = null!;
        if (line.Length > MaxLength * 2 || TextNormalizer.CountVisible(line) > MaxLength)
        {
            // Most lines asked about are paragraphs of text: out before they are read.
            return false;
        }

        var text = TextNormalizer.Normalize(line);
        if (text.Length is < 2 or > MaxLength)
        {
            return false;
        }

        if (DatelineParser.TryParseOpening(text, datelines, out var opening) && TextNormalizer.TrimAll(text.AsSpan(opening.End)).IsEmpty)
        {
            byline = new ParsedByline(opening.Agency, null, opening.Authors, opening.Dateline, null);
            return true;
        }

        text = Unbracket(text);
        string? time = null;
        if (LeadingTime().Match(text) is { Success: true } stamp)
        {
            time = stamp.Value.Trim();
            text = text[stamp.Length..].Trim();
        }

        return TryEnglish(text, time, out byline) || TryWriterCredit(text, time, out byline) || TryTokens(text, time, out byline);
    }

    /// <summary>Whether a name is a person's, not an outlet's or a desk's.</summary>
    public static bool IsPersonName(string name)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return false;
        }

        if (name.All(c => TextShape.IsCjkOrDot(c)))
        {
            var letters = name.Count(c => c is not ('·' or '‧' or '・'));
            return letters is >= 2 and <= 4 || letters is > 4 and <= 12 && letters != name.Length;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
            && words.All(w => char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && w.All(c => char.IsLetter(c) || c is '.' or '-' or '\'' or '’'))
            && !words.Any(NotPersonWords.Contains);
    }

    private static string Unbracket(string text)
    {
        foreach (var (open, close) in Brackets)
        {
            if (text.Length > 2 && text[0] == open && text[^1] == close)
            {
                return text[1..^1].Trim();
            }
        }

        return text;
    }

    /// <summary><c>By Jane Doe</c>, <c>By Jane Doe and John Roe</c>, <c>By Jane Doe, Reuters</c>.</summary>
    private static bool TryEnglish(string text, string? time, out ParsedByline byline)
    {
        byline = null!;
        var match = EnglishByline().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var authors = ImmutableArray.CreateBuilder<string>();
        string? agency = null;
        foreach (var part in EnglishSeparators().Split(match.Groups["names"].Value))
        {
            var name = part.Trim().TrimEnd('|', ',').Trim();
            if (IsPersonName(name))
            {
                authors.Add(name);
            }
            else if (name.Length > 0)
            {
                agency ??= name;
            }
        }

        if (authors.Count == 0 && agency is null)
        {
            return false;
        }

        byline = new ParsedByline(agency, null, authors.ToImmutable(), null, time);
        return true;
    }

    /// <summary><c>文／王小明</c>, <c>撰文：王小明</c>, <c>圖文／CTWANT</c>, <c>文／記者王小明</c>.</summary>
    private static bool TryWriterCredit(string text, string? time, out ParsedByline byline)
    {
        byline = null!;
        var slash = text.AsSpan().IndexOfAny("／/:：");
        if (slash <= 0 || !WriterRoles.Contains(text[..slash].Trim()))
        {
            return false;
        }

        var rest = text[(slash + 1)..].Trim();
        Dateline? dateline = null;
        var place = rest.AsSpan().IndexOfAny("／/");
        if (place > 0 && DatelineParser.TryParseCore(rest[(place + 1)..], out _, out var parsed))
        {
            dateline = parsed;
            rest = rest[..place];
        }

        var authors = ImmutableArray.CreateBuilder<string>();
        string? agency = null;
        foreach (var raw in rest.Split(['、', '，', ',', ' ', '\u3000'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var role = NewsRoles.BylineRoles.FirstOrDefault(r => raw.StartsWith(r, StringComparison.Ordinal));
            var name = role is null ? raw : raw[role.Length..];
            if (IsPersonName(name))
            {
                authors.Add(name);
            }
            else if (agency is null && name.Length is > 0 and <= 20)
            {
                agency = name;
            }
            else
            {
                return false;
            }
        }

        byline = new ParsedByline(agency, null, authors.ToImmutable(), dateline, time);
        return authors.Count > 0 || agency is not null;
    }

    /// <summary>
    /// The slash-and-space form: outlet, desk or reporters, then a dateline (<c>記者王小明／台北報導</c>,
    /// <c>生活中心／賴俊佑報導</c>), or bare names before a lone <c>報導</c>.
    /// </summary>
    private static bool TryTokens(string text, string? time, out ParsedByline byline)
    {
        byline = null!;
        var tokens = text.Split(['／', '/', '∕', ' ', '\u3000'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? agency = null;
        string? desk = null;
        var authors = ImmutableArray.CreateBuilder<string>();
        var bare = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (agency is null && desk is null && authors.Count == 0 && bare.Count == 0 && IsOutlet(token))
            {
                agency = token;
                continue;
            }

            if (desk is null && authors.Count == 0 && bare.Count == 0 && IsDesk(token))
            {
                desk = token;
                continue;
            }

            if (NewsRoles.DispatchKinds.Contains(token) && bare.Count > 0)
            {
                // 彭佳芸 黃翊真 報導: the names before a lone dispatch word are the reporters; what follows is the place.
                authors.AddRange(bare);
                byline = new ParsedByline(agency, desk, authors.ToImmutable(), null, time);
                return true;
            }

            if (DatelineParser.TryParseCore(token, out var inlineAuthors, out var dateline))
            {
                if (bare.Count > 0)
                {
                    return false;
                }

                authors.AddRange(inlineAuthors);
                if (desk is not null && authors.Count == 0 && dateline.Location is { } location && !DatelinePlaces.Known.Contains(location) && IsPersonName(location))
                {
                    // 生活中心／賴俊佑報導: after a desk, the name stands where a place would.
                    authors.Add(location);
                    dateline = dateline with { Location = null };
                }

                if (agency is null && desk is null && authors.Count == 0)
                {
                    // A place and a kind alone (台北報導) is no byline: any line could end so.
                    return false;
                }

                // A dispatch kind with no place and no day (生活中心／王小明報導) says nothing a dateline field holds.
                byline = new ParsedByline(agency, desk, authors.ToImmutable(), dateline is { Location: null, Day: null, Kind: "報導" } ? null : dateline, time);
                return i == tokens.Length - 1 || i >= tokens.Length - 3 && tokens[(i + 1)..].All(t => t.Length <= 12);
            }

            if (DatelineParser.TryParseReporters(token, out var names))
            {
                if (bare.Count > 0)
                {
                    return false;
                }

                authors.AddRange(names);
                continue;
            }

            if (IsPersonName(token) && token.All(TextShape.IsCjkOrDot) && !DatelinePlaces.Known.Contains(token))
            {
                bare.Add(token);
                continue;
            }

            return false;
        }

        return false;
    }

    private static bool IsDesk(string token) =>
        token.Length is >= 3 and <= 8 && token.All(TextShape.IsCjkOrDot) && DeskEndings.Any(e => token.EndsWith(e, StringComparison.Ordinal));

    private static bool IsOutlet(string token) =>
        token.Length <= 12 && (OutletLike().IsMatch(token) || token.Length >= 3 && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));

    [GeneratedRegex(@"^(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*")]
    private static partial Regex LeadingTime();

    [GeneratedRegex(@"^[Bb][Yy]:?\s+(?<names>[A-Z][^0-9@|]{1,70}?)\s*(?:\||$)")]
    private static partial Regex EnglishByline();

    [GeneratedRegex(@",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")]
    private static partial Regex EnglishSeparators();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{1,8}(?:日報|晚報|時報|週刊|周刊|雜誌|新聞網|通訊社|電視台|報|社|網)$")]
    private static partial Regex OutletLike();
}
