namespace NewsArchive.Extraction;

/// <summary>
/// One entry of a rule table: what it does (<see cref="Kind"/>, e.g. <c>Remove</c>, <c>TakeTags</c>,
/// <c>EndOfBody</c>) and why (<see cref="Reason"/>, with the site's own terms in Chinese so it can be
/// grepped against the inputs). Every entry is pinned by a golden case that makes it fire.
/// </summary>
internal interface IRule
{
    /// <summary>The rule's kind, the name of its type without the <c>Rule</c> suffix.</summary>
    string Kind { get; }

    string Reason { get; }
}
