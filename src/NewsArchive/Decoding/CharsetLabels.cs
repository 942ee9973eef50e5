using System.Collections.Frozen;
using System.Text;

namespace NewsArchive.Decoding;

/// <summary>
/// Charset labels as pages and HTTP headers write them, mapped to decoders as the WHATWG Encoding
/// standard maps them (<c>gb2312</c> and <c>gbk</c> are read as GB18030, <c>iso-8859-1</c> as
/// windows-1252, a <c>&lt;meta&gt;</c> that says UTF-16 as UTF-8). Every decoder throws on bytes it
/// cannot decode, so a wrong declaration is found out, not papered over.
/// </summary>
internal static class CharsetLabels
{
    /// <summary>The name the record's warnings use for each code page.</summary>
    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [65001] = "UTF-8",
        [950] = "Big5",
        [54936] = "GB18030",
        [932] = "Shift_JIS",
        [51932] = "EUC-JP",
        [50220] = "ISO-2022-JP",
        [949] = "EUC-KR",
        [1252] = "windows-1252",
        [20866] = "KOI8-R",
        [21866] = "KOI8-U",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> CodePages = Build();

    static CharsetLabels() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The code page a label names, or null for a label no decoder answers to.</summary>
    public static int? CodePage(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        return CodePages.TryGetValue(label.Trim().Trim('"', '\'').Trim(), out var page) ? page : null;
    }

    /// <summary>A strict decoder for a code page: invalid bytes throw.</summary>
    public static Encoding Strict(int codePage) =>
        codePage == 65001
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            : Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>A decoder for a code page that replaces invalid bytes with U+FFFD.</summary>
    public static Encoding Lenient(int codePage) =>
        codePage == 65001 ? new UTF8Encoding(false, false) : Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);

    /// <summary>The name the record's warnings give a code page (<c>Big5</c>, <c>GB18030</c>).</summary>
    public static string Name(int codePage) => Names.TryGetValue(codePage, out var name) ? name : $"code page {codePage}";

    private static FrozenDictionary<string, int> Build()
    {
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Add(int page, params string[] names)
        {
            foreach (var name in names)
            {
                labels[name] = page;
            }
        }

        // A <meta> that declares UTF-16 cannot be right (the prescan read it as ASCII): UTF-8, as a browser does.
        Add(65001, "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8", "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2");
        Add(950, "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "big-5", "cp950", "ms950", "windows-950");
        Add(54936, "gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn");
        Add(932, "shift_jis", "shift-jis", "sjis", "x-sjis", "ms932", "ms_kanji", "csshiftjis", "windows-31j", "cp932");
        Add(51932, "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese");
        Add(50220, "iso-2022-jp", "csiso2022jp");
        Add(949, "euc-kr", "cseuckr", "csksc56011987", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "cp949", "uhc");
        Add(1252, "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100");
        Add(20866, "koi8-r", "koi8", "cskoi8r");
        Add(21866, "koi8-u", "koi8-ru");
        foreach (var page in new[] { 1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258 })
        {
            Add(page, $"windows-{page}", $"cp{page}", $"x-cp{page}");
        }

        for (var part = 2; part <= 16; part++)
        {
            if (part is not (11 or 12))
            {
                Add(28590 + part, $"iso-8859-{part}", $"iso8859-{part}", $"iso_8859-{part}");
            }
        }

        return labels.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
