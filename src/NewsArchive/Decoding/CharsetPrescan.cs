namespace NewsArchive.Decoding;

/// <summary>
/// The HTML prescan of the WHATWG standard, over the first 1,024 bytes of a page: the charset a
/// <c>&lt;meta charset="…"&gt;</c> or a <c>&lt;meta http-equiv="Content-Type" content="text/html; charset=…"&gt;</c>
/// declares, found before the page is decoded. Comments are skipped, as are other tags and their
/// attributes; the first declaration wins. Bytes, not text: a declaration is ASCII in every charset
/// a page may be in.
/// </summary>
internal static class CharsetPrescan
{
    /// <summary>How much of the start of a page is looked at, as a browser does.</summary>
    public const int Window = 1024;

    /// <summary>The charset label the start of the bytes declares, or null.</summary>
    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        var window = bytes[..Math.Min(bytes.Length, Window)];
        var i = 0;
        while (i < window.Length)
        {
            if (window[i] != '<')
            {
                i++;
                continue;
            }

            var rest = window[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest[4..].IndexOf("-->"u8);
                i = end < 0 ? window.Length : i + 4 + end + 3;
                continue;
            }

            if (StartsWithIgnoreCase(rest, "<meta"u8) && rest.Length > 5 && (IsSpace(rest[5]) || rest[5] == '/'))
            {
                var (label, next) = ReadMeta(window, i + 5);
                if (label is not null && CharsetLabels.CodePage(label) is not null)
                {
                    // A label no decoder answers to is passed over, as a browser does.
                    return label;
                }

                i = next;
                continue;
            }

            if (rest.Length > 1 && (IsAsciiLetter(rest[1]) || rest[1] == '/' && rest.Length > 2 && IsAsciiLetter(rest[2])))
            {
                // Another tag: its attributes are skipped so that a '>' inside a quoted value does not end it.
                i = SkipAttributes(window, i + 1 + (rest[1] == '/' ? 1 : 0));
                continue;
            }

            if (rest.Length > 1 && rest[1] is (byte)'!' or (byte)'/' or (byte)'?')
            {
                var end = rest.IndexOf((byte)'>');
                i = end < 0 ? window.Length : i + end + 1;
                continue;
            }

            i++;
        }

        return null;
    }

    /// <summary>Reads a <c>&lt;meta&gt;</c> tag's attributes from <paramref name="start"/>: its declared charset, and where the tag ends.</summary>
    private static (string? Label, int Next) ReadMeta(ReadOnlySpan<byte> window, int start)
    {
        string? charset = null;
        string? content = null;
        var httpEquivContentType = false;
        var i = start;
        while (TryReadAttribute(window, ref i, out var name, out var value))
        {
            var nameBytes = window.Slice(name.Start, name.Length);
            var valueBytes = window.Slice(value.Start, value.Length);
            if (EqualsIgnoreCase(nameBytes, "charset"u8))
            {
                charset ??= System.Text.Encoding.ASCII.GetString(valueBytes);
            }
            else if (EqualsIgnoreCase(nameBytes, "http-equiv"u8))
            {
                httpEquivContentType |= EqualsIgnoreCase(Trim(valueBytes), "content-type"u8);
            }
            else if (EqualsIgnoreCase(nameBytes, "content"u8))
            {
                content ??= System.Text.Encoding.ASCII.GetString(valueBytes);
            }
        }

        if (!string.IsNullOrWhiteSpace(charset))
        {
            return (charset.Trim(), i);
        }

        return (httpEquivContentType && content is not null ? FromContentType(content) : null, i);
    }

    /// <summary>The <c>charset=</c> parameter of a Content-Type value (<c>text/html; charset=big5</c>), quoted or not.</summary>
    public static string? FromContentType(string contentType)
    {
        var at = 0;
        while ((at = contentType.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var i = at + "charset".Length;
            while (i < contentType.Length && char.IsWhiteSpace(contentType[i]))
            {
                i++;
            }

            if (i >= contentType.Length || contentType[i] != '=')
            {
                at = i;
                continue;
            }

            i++;
            while (i < contentType.Length && char.IsWhiteSpace(contentType[i]))
            {
                i++;
            }

            if (i >= contentType.Length)
            {
                return null;
            }

            var quote = contentType[i] is '"' or '\'' ? contentType[i] : '\0';
            var begin = quote == '\0' ? i : i + 1;
            var end = begin;
            while (end < contentType.Length && (quote == '\0' ? !char.IsWhiteSpace(contentType[end]) && contentType[end] != ';' : contentType[end] != quote))
            {
                end++;
            }

            return end > begin ? contentType[begin..end] : null;
        }

        return null;
    }

    private static int SkipAttributes(ReadOnlySpan<byte> window, int start)
    {
        var i = start;
        while (i < window.Length && !IsSpace(window[i]) && window[i] != '>' && window[i] != '/')
        {
            i++;
        }

        while (TryReadAttribute(window, ref i, out _, out _))
        {
        }

        return i;
    }

    /// <summary>
    /// One attribute of a tag, as the prescan reads it, as ranges of the window (nothing is copied);
    /// false at the tag's end (the position is then past its <c>&gt;</c>).
    /// </summary>
    private static bool TryReadAttribute(ReadOnlySpan<byte> window, ref int i, out (int Start, int Length) name, out (int Start, int Length) value)
    {
        name = value = default;
        while (i < window.Length && (IsSpace(window[i]) || window[i] == '/'))
        {
            i++;
        }

        if (i >= window.Length || window[i] == '>')
        {
            i = Math.Min(i + 1, window.Length);
            return false;
        }

        var nameStart = i;
        while (i < window.Length && window[i] != '=' && window[i] != '>' && !IsSpace(window[i]) && (window[i] != '/' || i == nameStart))
        {
            i++;
        }

        name = (nameStart, i - nameStart);
        while (i < window.Length && IsSpace(window[i]))
        {
            i++;
        }

        if (i >= window.Length || window[i] != '=')
        {
            return name.Length > 0 || i < window.Length;
        }

        i++;
        while (i < window.Length && IsSpace(window[i]))
        {
            i++;
        }

        if (i >= window.Length)
        {
            return false;
        }

        if (window[i] is (byte)'"' or (byte)'\'')
        {
            var quote = window[i];
            var end = window[(i + 1)..].IndexOf(quote);
            var stop = end < 0 ? window.Length : i + 1 + end;
            value = (i + 1, stop - (i + 1));
            i = Math.Min(stop + 1, window.Length);
            return true;
        }

        var valueStart = i;
        while (i < window.Length && !IsSpace(window[i]) && window[i] != '>')
        {
            i++;
        }

        value = (valueStart, i - valueStart);
        return true;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase) =>
        text.Length == lowerCase.Length && StartsWithIgnoreCase(text, lowerCase);

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        while (!text.IsEmpty && IsSpace(text[0]))
        {
            text = text[1..];
        }

        while (!text.IsEmpty && IsSpace(text[^1]))
        {
            text = text[..^1];
        }

        return text;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (text.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if ((text[i] | 0x20) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
