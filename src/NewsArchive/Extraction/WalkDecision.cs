namespace NewsArchive.Extraction;

/// <summary>What the article walk does with an element it meets.</summary>
internal enum WalkDecision
{
    /// <summary>The element is read: its text, or its children's.</summary>
    Read,

    /// <summary>The element and everything in it are not article text.</summary>
    Skip,

    /// <summary>Skipped, and loose text right after it continues the paragraph the parser closed before it.</summary>
    SkipAndMend,

    /// <summary>
    /// The element is beside the article's text, not in it (a saved page's headline box, keyword and
    /// further-reading blocks): its children are met, so what a rule takes out of them is taken, but no
    /// text of it becomes a paragraph.
    /// </summary>
    Harvest,
}
