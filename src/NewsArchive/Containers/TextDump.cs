using NewsArchive.Decoding;

namespace NewsArchive.Containers;

/// <summary>
/// A plain-text page dump (<see cref="ContainerKind.TextDump"/>): its lines, trimmed of blank
/// characters at both ends (<see cref="TextNormalizer.TrimAll"/>), split once for every format of the
/// container to read.
/// </summary>
internal sealed class TextDump
{
    private TextDump(string[] lines) => Lines = lines;

    public string[] Lines { get; }

    /// <summary>The text's lines, trimmed.</summary>
    public static TextDump Split(string text)
    {
        var lines = new string[text.AsSpan().Count('\n') + 1];
        var index = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var trimmed = TextNormalizer.TrimAll(text.AsSpan()[range]);
            lines[index++] = trimmed.IsEmpty ? string.Empty : trimmed.ToString();
        }

        return new TextDump(lines);
    }
}
