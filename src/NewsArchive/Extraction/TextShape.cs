using System.Buffers;
using NewsArchive.Decoding;
namespace NewsArchive.Extraction;

/// <summary>
/// What a piece of text looks like to a reader, counted in characters rather than words: how many
/// characters are visible, how many of them are CJK, and how much sentence punctuation it holds
/// (CJK punctuation counts as Latin does: <c>。，、「」</c>). A 40-character Chinese paragraph is a
/// long one: <see cref="Weighted"/> counts a CJK character as <see cref="CjkWeight"/> Latin ones,
/// about what one carries (a Chinese word is one or two characters, an English one six with its space).
/// </summary>
internal readonly record struct TextShape(int Chars, int Cjk, int Commas, int Stops)
{
    /// <summary>How many Latin characters one CJK character stands for.</summary>
    public const int CjkWeight = 3;

    /// <summary>Clause marks: Latin and full-width commas and semicolons, the ideographic comma and the CJK quotation brackets.</summary>
    private static readonly SearchValues<char> CommaMarks = SearchValues.Create(",，、;；「」『』");

    /// <summary>Sentence ends: 。！？ and their Latin forms.</summary>
    private static readonly SearchValues<char> StopMarks = SearchValues.Create("。！？!?.．");

    /// <summary>The visible length with CJK characters weighed as <see cref="CjkWeight"/> Latin ones.</summary>
    public int Weighted => Chars + (CjkWeight - 1) * Cjk;

    /// <summary>Clause and sentence marks together.</summary>
    public int Punctuation => Commas + Stops;

    public static TextShape operator +(TextShape a, TextShape b) => new(a.Chars + b.Chars, a.Cjk + b.Cjk, a.Commas + b.Commas, a.Stops + b.Stops);

    /// <summary>Measures a text. A period counts as a sentence end only before white space or at the end (not in <c>3.5</c> or a host name).</summary>
    public static TextShape Of(ReadOnlySpan<char> text)
    {
        var chars = TextNormalizer.CountVisible(text);
        if (chars == 0)
        {
            return default;
        }

        var cjk = 0;
        var commas = 0;
        var stops = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x2E80)
            {
                if (c == '.' || c == '!' || c == '?')
                {
                    if (i + 1 == text.Length || TextNormalizer.IsSpace(text[i + 1]) || text[i + 1] is '"' or '\'' or ')' or '”' or '’')
                    {
                        stops++;
                    }
                }
                else if (c is ',' or ';')
                {
                    commas++;
                }

                continue;
            }

            if (IsCjk(c))
            {
                cjk++;
            }
            else if (CommaMarks.Contains(c))
            {
                commas++;
            }
            else if (StopMarks.Contains(c))
            {
                stops++;
            }
        }

        return new TextShape(chars, cjk, commas, stops);
    }

    /// <summary>CJK ideographs, kana and Hangul syllables (the BMP blocks; a surrogate pair is two Latin-weight halves).</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>A CJK character or the middle dot of a transliterated name (<c>三木旦·旺杰</c>).</summary>
    public static bool IsCjkOrDot(char c) => IsCjk(c) || c is '·' or '‧' or '・';

    /// <summary>Whether the text ends like a sentence (<c>。</c>, <c>.</c>, a closing quotation after one).</summary>
    public static bool EndsWithSentence(ReadOnlySpan<char> text)
    {
        text = TextNormalizer.TrimAll(text);
        while (text.Length > 1 && text[^1] is '」' or '』' or '”' or '"' or '’' or '\'' or ')' or '）')
        {
            text = text[..^1];
        }

        return text.Length > 0 && text[^1] is '。' or '！' or '？' or '!' or '?' or '.' or '…' or '．';
    }
}
