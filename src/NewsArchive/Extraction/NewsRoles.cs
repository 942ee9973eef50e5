using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>Which record field a credited role fills.</summary>
internal enum CreditField
{
    Authors,
    Editors,
    Translators,
}

/// <summary>A word that introduces names in a credit or a byline (<c>記者</c>, <c>編輯</c>, <c>譯者</c>).</summary>
/// <param name="Word">The role as written.</param>
/// <param name="Field">The field a closing credit with this role fills.</param>
/// <param name="InByline">
/// Whether the role introduces a reporter in a dateline or byline (<c>記者廖禹揚</c>, <c>編譯茅毅</c>);
/// names there are the story's authors.
/// </param>
internal sealed record NewsRole(string Word, CreditField Field, bool InByline);

/// <summary>
/// The one table of roles that credits and bylines name, and the one list of dispatch kinds that
/// end a dateline. <see cref="CreditsParser"/>, <see cref="DatelineParser"/> and
/// the UDN byline grammar (<c>Sites/Udn/UdnBylineParser</c>) all read these.
/// </summary>
internal static class NewsRoles
{
    /// <summary>Longest first, so <c>責任編輯</c> is read before <c>編輯</c> and <c>實習記者</c> before <c>記者</c>.</summary>
    public static readonly ImmutableArray<NewsRole> All =
    [
        .. new NewsRole[]
        {
            new("責任編輯", CreditField.Editors, false),
            new("編輯", CreditField.Editors, false),
            new("核稿", CreditField.Editors, false),
            new("責編", CreditField.Editors, false),
            new("網編", CreditField.Editors, false),
            new("審稿", CreditField.Editors, false),
            new("校對", CreditField.Editors, false),
            new("譯者", CreditField.Translators, false),
            new("翻譯", CreditField.Translators, false),
            new("編譯", CreditField.Translators, true),
            new("實習記者", CreditField.Authors, true),
            new("特派記者", CreditField.Authors, true),
            new("特約記者", CreditField.Authors, true),
            new("駐地記者", CreditField.Authors, true),
            new("攝影記者", CreditField.Authors, true),
            new("特派員", CreditField.Authors, true),
            new("記者", CreditField.Authors, true),
            new("撰稿", CreditField.Authors, true),
            new("作者", CreditField.Authors, false),
            new("文", CreditField.Authors, false),
        }.OrderByDescending(r => r.Word.Length),
    ];

    /// <summary>The roles that open a reporter's name in a dateline or byline.</summary>
    public static readonly ImmutableArray<string> BylineRoles = [.. All.Where(r => r.InByline).Select(r => r.Word)];

    /// <summary>
    /// Dispatch kinds that end a dateline, longest first so <c>綜合外電報導</c> wins over <c>報導</c>.
    /// </summary>
    public static readonly ImmutableArray<string> DispatchKinds =
    [
        .. new[]
        {
            "綜合外電報導", "外電綜合報導", "綜外電報導", "綜合報導", "外電報導", "即時報導", "連線報導", "採訪報導", "聯合報導", "特派報導",
            "報導", "綜合外電", "專電", "特稿", "專訪", "快訊", "電",
        }.OrderByDescending(k => k.Length),
    ];

    /// <summary>The role a credit names, or null.</summary>
    public static NewsRole? Find(ReadOnlySpan<char> word)
    {
        foreach (var role in All)
        {
            if (word.SequenceEqual(role.Word))
            {
                return role;
            }
        }

        return null;
    }
}
