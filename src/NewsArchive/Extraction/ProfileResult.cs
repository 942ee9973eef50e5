namespace NewsArchive.Extraction;

/// <summary>A profile's answer: an article draft, or the reason there is none.</summary>
internal sealed class ProfileResult
{
    private ProfileResult(ArticleDraft? draft, string? failure)
    {
        Draft = draft;
        Failure = failure;
    }

    public ArticleDraft? Draft { get; }

    public string? Failure { get; }

    public static ProfileResult Success(ArticleDraft draft) => new(draft, null);

    public static ProfileResult Failed(string reason) => new(null, reason);
}
