using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace NewsArchive.Parsing;

/// <summary>Editors, translators and writers named by a closing credit.</summary>
public sealed record Credits(ImmutableArray<string> Authors, ImmutableArray<string> Editors, ImmutableArray<string> Translators)
{
    public static readonly Credits None = new([], [], []);

    public bool IsEmpty => Authors.IsEmpty && Editors.IsEmpty && Translators.IsEmpty;
}

/// <summary>
/// Reads closing credits such as <c>（譯者：陳彥鈞）1111220</c>, <c>（編輯：楊昇儒/周慧盈）</c> and
/// <c>（譯者：楊惟敬/核稿：陳昱婷）</c>: half- or full-width brackets and colons, roles separated by
/// <c>/</c> or <c>／</c>, a role's names by <c>/</c>, <c>、</c> or spaces. A standalone <c>編輯：溫曉平</c>
/// paragraph counts too. The credit is looked for from the last paragraph back, since a notice may follow it.
/// </summary>
public static partial class CreditsParser
{
    private static readonly FrozenRoles Roles = new(
        editors: ["編輯", "核稿", "責任編輯", "責編", "審稿", "校對"],
        translators: ["譯者", "翻譯", "編譯"],
        authors: ["記者", "撰稿", "文", "作者"]);

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
        var authors = ImmutableArray.CreateBuilder<string>();
        var editors = ImmutableArray.CreateBuilder<string>();
        var translators = ImmutableArray.CreateBuilder<string>();
        var found = false;
        foreach (Match match in BracketedCredit().Matches(paragraph))
        {
            found |= ReadCreditBody(match.Groups["body"].Value, authors, editors, translators);
        }

        if (!found)
        {
            var standalone = StandaloneCredit().Match(paragraph.Trim());
            if (standalone.Success)
            {
                ReadCreditBody(standalone.Value, authors, editors, translators);
            }
        }

        return new Credits(authors.ToImmutable(), editors.ToImmutable(), translators.ToImmutable());
    }

    private static bool ReadCreditBody(
        string body,
        ImmutableArray<string>.Builder authors,
        ImmutableArray<string>.Builder editors,
        ImmutableArray<string>.Builder translators)
    {
        ImmutableArray<string>.Builder? current = null;
        var found = false;
        foreach (var piece in body.Split(['/', '／', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var names = piece;
            var colon = piece.IndexOfAny(['：', ':']);
            if (colon >= 0)
            {
                current = Roles.Find(piece[..colon].Trim(), authors, editors, translators);
                names = piece[(colon + 1)..];
            }

            if (current is null)
            {
                continue;
            }

            foreach (var name in names.Split(['、', '，', ',', ' ', '\u3000'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsName(name) && !current.Contains(name))
                {
                    current.Add(name);
                    found = true;
                }
            }
        }

        return found;
    }

    private static bool IsName(string name) => name.Length is >= 2 and <= 12 && !name.Any(char.IsAsciiDigit);

    [GeneratedRegex(@"[（(](?<body>(?:譯者|編輯|核稿|責任編輯|責編|審稿|校對|翻譯|撰稿|記者)\s*[:：][^（）()]{1,80})[）)]")]
    private static partial Regex BracketedCredit();

    [GeneratedRegex(@"^(?:譯者|編輯|核稿|責任編輯|責編|翻譯)\s*[:：]\s*[^\s，。,]{2,12}(?:\s*[/／、]\s*[^\s，。,]{2,12}){0,3}$")]
    private static partial Regex StandaloneCredit();

    private sealed class FrozenRoles(string[] editors, string[] translators, string[] authors)
    {
        public ImmutableArray<string>.Builder? Find(
            string role,
            ImmutableArray<string>.Builder authorList,
            ImmutableArray<string>.Builder editorList,
            ImmutableArray<string>.Builder translatorList)
        {
            if (editors.Contains(role))
            {
                return editorList;
            }

            if (translators.Contains(role))
            {
                return translatorList;
            }

            return authors.Contains(role) ? authorList : null;
        }
    }
}
