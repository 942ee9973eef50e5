namespace NewsArchive.Extraction;

/// <summary>
/// How often one rule fired on one input and what it took away: <see cref="RemovedChars"/> counts the
/// visible characters outside links that it removed (text a <c>Take</c> rule moves into a field is not
/// removed), <see cref="RemovedParagraphs"/> the whole paragraphs or lines it dropped.
/// </summary>
internal sealed record RuleHit(IRule Rule, int Count, int RemovedChars, int RemovedParagraphs);
