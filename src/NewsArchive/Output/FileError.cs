namespace NewsArchive.Output;

/// <summary>An input that produced no record, as written to an <c>--errors</c> JSON Lines file.</summary>
internal sealed record FileError(string Path, string Error);
