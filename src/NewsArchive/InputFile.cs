namespace NewsArchive;

/// <summary>The raw bytes of one input and the path the user named it by (<c>-</c> for standard input).</summary>
public sealed record InputFile(string Path, ReadOnlyMemory<byte> Bytes);
