using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NewsArchive.Extraction;

/// <summary>Editors, translators and writers named by a closing credit.</summary>
internal sealed record Credits(ImmutableArray<string> Authors, ImmutableArray<string> Editors, ImmutableArray<string> Translators)
{
    public static readonly Credits None = new([], [], []);

    public bool IsEmpty => Authors.IsEmpty && Editors.IsEmpty && Translators.IsEmpty;
}

/// <summary>
/// Reads closing credits such as <c>（譯者：陳彥鈞）1111220</c>, <c>（編輯：楊昇儒/周慧盈）</c>,
/// <c>（譯者：楊惟敬/核稿：陳昱婷）</c> and <c>（編譯：王小明/核稿：李大華）</c>: half- or full-width
/// brackets and colons (a stray quote mark before the colon too, <c>編輯'：</c>), roles separated by
/// <c>/</c> or <c>／</c>, a role's names by <c>/</c>, <c>、</c> or spaces. A paragraph that is only
/// credits counts too (<c>編輯：溫曉平</c>, <c>編輯：施芷珊　網編：畢子默</c>). The roles are the one
/// table in <see cref="NewsRoles"/>. The credit is looked for from the last paragraph back, since a
/// notice may follow it.
/// </summary>
internal static class CreditsParser
{
    /// <summary>A role word and its colon: <c>編輯：</c>, <c>譯者:</c>, <c>編輯'：</c>.</summary>
    private const string RoleMarker = @"(?<role>{roles})\s*['’‘＇""]*\s*[:：]";

    private static readonly string RoleAlternation = string.Join("|", NewsRoles.All.Select(r => Regex.Escape(r.Word)));

    private static readonly Regex Marker = Build(RoleMarker.Replace("{roles}", RoleAlternation, StringComparison.Ordinal));

    /// <summary>A bracketed credit that opens with a role: <c>（譯者：楊惟敬/核稿：陳昱婷）</c>.</summary>
    private static readonly Regex BracketedCredit = Build(
        @"[（(](?<body>(?:" + RoleAlternation + @")\s*['’‘＇""]*\s*[:：][^（）()]{1,80})[）)]");

    /// <summary>A paragraph that is nothing but credits: <c>編輯：溫曉平</c>, <c>編輯：施芷珊　網編：畢子默</c>.</summary>
    private static readonly Regex StandaloneCredit = Build(
        @"^(?:" + RoleMarker.Replace("{roles}", RoleAlternation, StringComparison.Ordinal).Replace("?<role>", string.Empty, StringComparison.Ordinal)
        + @"\s*[^\s，。,:：]{2,12}(?:\s*[/／、]\s*[^\s，。,:：]{2,12}){0,3}[\s/／]*){1,4}$");

    public static Credits Parse(IReadOnlyList<string> paragraphs)
    {
        for (var i = paragraphs.Count - 1; i >= 0; i--)
        {
            var credits = ParseParagraph(paragraphs[i]);
            if (!credits.IsEmpty)
            {
                return credits;
            }
        }

        return Credits.None;
    }

    public static Credits ParseParagraph(string paragraph)
    {
        if (!HasRoleMarker(paragraph))
        {
            // Most paragraphs hold no credit: a scan for a role word before a colon spares the patterns.
            return Credits.None;
        }

        var authors = ImmutableArray.CreateBuilder<string>();
        var editors = ImmutableArray.CreateBuilder<string>();
        var translators = ImmutableArray.CreateBuilder<string>();
        var found = false;
        foreach (Match match in BracketedCredit.Matches(paragraph))
        {
            found |= ReadCreditBody(match.Groups["body"].Value, authors, editors, translators);
        }

        if (!found)
        {
            var text = paragraph.Trim();
            if (text.Length <= 80 && StandaloneCredit.IsMatch(text))
            {
                ReadCreditBody(text, authors, editors, translators);
            }
        }

        return new Credits(authors.ToImmutable(), editors.ToImmutable(), translators.ToImmutable());
    }

    /// <summary>Whether a role word (a stray quote or spaces between) stands before some colon of the paragraph.</summary>
    internal static bool HasRoleMarker(ReadOnlySpan<char> paragraph)
    {
        var offset = 0;
        while (offset < paragraph.Length)
        {
            var colon = paragraph[offset..].IndexOfAny('：', ':');
            if (colon < 0)
            {
                return false;
            }

            var before = paragraph[..(offset + colon)].TrimEnd(" \u3000'’‘＇\"");
            foreach (var role in NewsRoles.All)
            {
                if (before.EndsWith(role.Word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            offset += colon + 1;
        }

        return false;
    }

    /// <summary>Reads <c>role：names role：names …</c>: each role marker's names run to the next marker.</summary>
    private static bool ReadCreditBody(
        string body,
        ImmutableArray<string>.Builder authors,
        ImmutableArray<string>.Builder editors,
        ImmutableArray<string>.Builder translators)
    {
        var found = false;
        var markers = Marker.Matches(body);
        for (var m = 0; m < markers.Count; m++)
        {
            var role = NewsRoles.Find(markers[m].Groups["role"].ValueSpan);
            if (role is null)
            {
                continue;
            }

            var target = role.Field switch
            {
                CreditField.Editors => editors,
                CreditField.Translators => translators,
                _ => authors,
            };
            var start = markers[m].Index + markers[m].Length;
            var end = m + 1 < markers.Count ? markers[m + 1].Index : body.Length;
            foreach (var piece in body[start..end].Split(['/', '／', ';', '；', '、', '，', ',', ' ', '\u3000'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var name = WithoutPlace(piece);
                if (IsName(name) && !target.Contains(name))
                {
                    target.Add(name);
                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>A name without the place a credit adds after it: <c>李向陽（台北）</c> is <c>李向陽</c>.</summary>
    private static string WithoutPlace(string piece)
    {
        var open = piece.IndexOfAny(['（', '(']);
        return open > 0 && piece[^1] is '）' or ')' ? piece[..open] : piece;
    }

    private static bool IsName(string name) => name.Length is >= 2 and <= 12 && !name.Any(char.IsAsciiDigit);

    // Built from the roles table once; the patterns are ours and bounded ({1,80}), so no timeout.
    private static Regex Build(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
