namespace NewsArchive.Extraction;

/// <summary>How sure a profile is that a file is in its format. The strongest answer wins.</summary>
internal enum DetectionConfidence
{
    None = 0,
    Weak = 1,
    Strong = 2,
}
