using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace NewsArchive.Tests.Properties;

/// <summary>
/// Generators of the inputs that broke parsers before: dates with other digits and values out of
/// range, many front-matter keys, inline markup repeated thousands of times, invalid bytes after a
/// byte-order mark, lone UTF-16 surrogates, line-separator characters in fields, empty captions and
/// wrappers around them after an image, and two inputs spliced together.
/// </summary>
public static class HostileGenerators
{
    /// <summary>Digit sets a date may be written in: ASCII, full width, Arabic-Indic, Devanagari, Thai.</summary>
    private static readonly char[] DigitZeros = ['0', '\uFF10', '\u0660', '\u0966', '\u0E50'];

    private static readonly string[] Years = ["0000", "0001", "1", "999", "1900", "1970", "2024", "9999", "10000", "99999"];

    private static readonly string[] Months = ["0", "00", "1", "02", "2", "12", "13", "99"];

    private static readonly string[] Days = ["0", "1", "28", "29", "30", "31", "32", "99"];

    private static readonly string[] Times = ["", " 00:00", "T23:59:59", " 24:00", " 12:00:60", "T99:99", " 9:5", "T23:59:59.9999999999"];

    private static readonly string[] Offsets = ["", "Z", " +08:00", "+14:00", "+14:30", "-12:00", "+99:99", "-23:59", " +0800", "+24:00", "-00:00"];

    /// <summary>Whole dates at the edges of what calendars and offsets allow.</summary>
    private static readonly string[] ExtremeDates =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "0001-01-01", "2024-1-\uFF11",
        "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024年2月30日", "２０２４-０１-０２", "2024-01-02T25:61:61+08:00",
        "99999999-99-99", "2024-01-02T03:04:05+14:59", "-2024-01-02", "2024-01-02T03:04:05.123456789012345+08:00",
    ];

    /// <summary>Fragments repeated thousands of times: markdown and HTML inline markup, brackets, separators.</summary>
    private static readonly string[] Repeated =
    [
        "![](", "![a](b)", "[", "](", "[a](", "**", "__", "`", "*", "_", "<b>", "</b>", "<a href='x'>", "<small></small>", "<figcaption></figcaption>",
        "<div>", "</div>", "<p>", "<span>", "<img src=x>", "<br>", "&amp;", "&#", "（", "）", "「", "【", "》", "：", "\u2028", "\n", "\n\n", "---\n",
        "title: x\n", " ", "\u3000", "\t", "|", "> ", "# ", "- ", "1. ", "\\", "<!--", "<![CDATA[", "<table><tr><td>",
    ];

    /// <summary>Byte sequences that are not UTF-8: stray continuation and lead bytes, cut sequences, overlong forms, encoded surrogates.</summary>
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    /// <summary>Lone surrogates as UTF-16 code units, little- and big-endian.</summary>
    private static readonly (string Encoding, byte[] Unit)[] LoneSurrogates =
    [
        ("utf-16le", [0x00, 0xD8]), ("utf-16le", [0x00, 0xDC]), ("utf-16le", [0xFF, 0xDB]), ("utf-16be", [0xD8, 0x00]), ("utf-16be", [0xDC, 0x00]), ("utf-16be", [0xDB, 0xFF]),
    ];

    private static readonly string[] LineSeparators = ["\u2028", "\u2029", "\u0085", "\u000B", "\u000C", "\u001C", "\r", "\u2028\u2029\u0085"];

    private static readonly string[] Fields = ["title", "link", "url", "date", "categories", "tags", "author", "description"];

    /// <summary>What may follow an image: empty captions and captions inside wrappers.</summary>
    private static readonly string[] AfterImages =
    [
        "<small></small>", "<figcaption></figcaption>", "<div><small></small></div>", "<span><figcaption></figcaption></span>",
        "<div><div><figcaption> </figcaption></div></div>", "<p></p>", "<small>\u3000</small>", "<figcaption><small></small></figcaption>",
        "<div class='caption'></div>", "<em></em>", "<div><small>說明</small></div>", "<figure><figcaption></figcaption></figure>",
        "<span class='lead_image_caption'></span>", "<div><p><small></small></p><small></small></div>", "<figcaption>\u200B</figcaption>",
        "<small><small><small></small></small></small>", "<div>" + string.Concat(Enumerable.Repeat("<small></small>", 200)) + "</div>",
    ];

    public static Gen<Mutation> Any(IReadOnlyDictionary<string, byte[]> inputs, int length)
    {
        var position = Gen.Choose(0, Math.Max(length, 1));
        var names = inputs.Keys.Order(StringComparer.Ordinal).ToArray();
        return Gen.OneOf(
            Dates(),
            from count in Gen.Frequency((3, Gen.Choose(1, 3000)), (1, Gen.Choose(3000, 30000)))
            from repeated in Gen.Elements(false, true)
            select (Mutation)new Mutation.FrontMatterKeys(count, repeated),
            from at in position
            from fragment in Gen.Elements(Repeated)
            from times in Gen.Frequency((6, Gen.Choose(1, 100)), (3, Gen.Choose(100, 4000)), (1, Gen.Choose(4000, 30000)))
            select (Mutation)new Mutation.Repeat(at, fragment, times),
            from at in position
            from bytes in Gen.Elements(InvalidUtf8)
            select (Mutation)new Mutation.Chain([new Mutation.Reencode("utf-8-bom"), new Mutation.InsertBytes(at + 3, bytes)]),
            from at in position
            from surrogate in Gen.Elements(LoneSurrogates)
            select (Mutation)new Mutation.Chain([new Mutation.Reencode(surrogate.Encoding), new Mutation.InsertBytes(2 + (at * 2), surrogate.Unit, Align: 2)]),
            from at in position
            from encoding in Gen.Elements("utf-16le", "utf-16be")
            select (Mutation)new Mutation.Chain([new Mutation.Reencode(encoding), new Mutation.Truncate((at * 2) + 1)]),
            from field in Gen.Elements(Fields)
            from offset in Gen.Choose(0, 200)
            from separator in Gen.Elements(LineSeparators)
            select (Mutation)new Mutation.IntoField(field, offset, separator),
            from at in position
            from separator in Gen.Elements(LineSeparators)
            select (Mutation)new Mutation.Insert(at, separator),
            from nth in Gen.Choose(0, 20)
            from text in Gen.Elements(AfterImages)
            select (Mutation)new Mutation.AfterImage(nth, text),
            from other in Gen.Elements(names)
            from at in position
            from start in Gen.Choose(0, inputs[other].Length)
            select (Mutation)new Mutation.Splice(other, inputs[other], at, start));
    }

    /// <summary>A date-like text in the input replaced by one built from hostile parts, or by an extreme one.</summary>
    private static Gen<Mutation> Dates()
    {
        var built =
            from year in Gen.Elements(Years)
            from month in Gen.Elements(Months)
            from day in Gen.Elements(Days)
            from separator in Gen.Elements("-", "/", ".")
            from time in Gen.Elements(Times)
            from offset in Gen.Elements(Offsets)
            from zero in Gen.Elements(DigitZeros)
            from everyDigit in Gen.Elements(false, true)
            select WithDigits($"{year}{separator}{month}{separator}{day}{time}{offset}", zero, everyDigit);
        return
            from nth in Gen.Choose(0, 10)
            from date in Gen.Frequency((3, built), (1, Gen.Elements(ExtremeDates)))
            select (Mutation)new Mutation.ReplaceDate(nth, date);
    }

    /// <summary>The date's digits in another digit set: every digit, or only the last.</summary>
    private static string WithDigits(string date, char zero, bool everyDigit)
    {
        if (zero == '0')
        {
            return date;
        }

        var builder = new StringBuilder(date);
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (builder[i] is >= '0' and <= '9')
            {
                builder[i] = (char)(zero + (builder[i] - '0'));
                if (!everyDigit)
                {
                    break;
                }
            }
        }

        return builder.ToString();
    }
}
