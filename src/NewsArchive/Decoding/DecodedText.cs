using System.Collections.Immutable;

namespace NewsArchive.Decoding;

/// <summary>Text with <c>\n</c> line endings, and what decoding had to do to get it.</summary>
internal sealed record DecodedText(string Text, string Encoding, ImmutableArray<string> Warnings);
