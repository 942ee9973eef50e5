using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CsvHelper;
using NewsArchive.Output;
using NewsArchive.Records;

namespace NewsArchive.Tests;

/// <summary>
/// JSON Lines survive readers that split lines the way Python's <c>str.splitlines</c> does (on
/// U+0085, U+2028 and U+2029 too); CSV survives a CSV reader. Every string field is tried.
/// </summary>
public sealed class OutputContractTests
{
    private const string Breakers = "a\u2028b\u2029c\u0085d\u000Be\u000Cf\u001Cg";

    [Fact]
    public void JsonLines_LineSeparatorsInEveryField_OneLinePerRecordForASplitlinesReader()
    {
        var record = RecordWithBreakers();
        var jsonl = CaseInvariantTests.Write(record, RecordFormat.JsonLines) + CaseInvariantTests.Write(record, RecordFormat.JsonLines);
        var lines = SplitLines(jsonl);
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.Equal(record.Title, parsed.RootElement.GetProperty("title").GetString());
            Assert.Equal(record.Url, parsed.RootElement.GetProperty("url").GetString());
            Assert.Equal(record.Path, parsed.RootElement.GetProperty("path").GetString());
        }

        Assert.DoesNotContain('\u2028', jsonl);
        Assert.DoesNotContain('\u2029', jsonl);
        Assert.DoesNotContain('\u0085', jsonl);
    }

    [Fact]
    public void Json_LineSeparators_AreEscaped()
    {
        var json = CaseInvariantTests.Write(RecordWithBreakers(), RecordFormat.Json);
        Assert.Contains("\\u2028", json, StringComparison.Ordinal);
        Assert.Contains("\\u2029", json, StringComparison.Ordinal);
        Assert.Contains("\\u0085", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2028', json);
    }

    [Theory]
    [InlineData("中文沒有要跳脫的字", -1)]
    [InlineData("", -1)]
    [InlineData("ab\"c", 2)]
    [InlineData("字\u2029", 1)]
    [InlineData("\U00020000\U0001F600 pairs pass", -1)]
    public void JsonEncoder_FirstCharacterToEncode(string text, int expected) =>
        Assert.Equal(expected, LiteralJsonEncoder.FindFirstToEncode(text));

    /// <summary>Lone surrogates, kept out of inline data, which a test runner may not carry intact.</summary>
    [Fact]
    public void JsonEncoder_FirstCharacterToEncode_LoneSurrogates()
    {
        Assert.Equal(2, LiteralJsonEncoder.FindFirstToEncode("ab\uD800c"));
        Assert.Equal(2, LiteralJsonEncoder.FindFirstToEncode("ab\uDC00\uD800"));
        Assert.Equal(4, LiteralJsonEncoder.FindFirstToEncode("ab\uD840\uDC00\uD800"));
        Assert.Equal(14, LiteralJsonEncoder.FindFirstToEncode("trailing high \uD840"));
    }

    /// <summary>The vectorised search agrees with the per-character definition on random text.</summary>
    [Fact]
    public void JsonEncoder_FirstCharacterToEncode_AgreesWithWillEncode()
    {
        var random = new Random(20261123);
        char[] alphabet = ['a', '字', '"', '\\', '\n', '\u0001', '\u007F', '\u0085', '\u2028', '\u2029', '\uD840', '\uDC00', '\uFFFF', '\u00A0'];
        for (var n = 0; n < 5000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(Reference(text), LiteralJsonEncoder.FindFirstToEncode(text));
        }

        static int Reference(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (LiteralJsonEncoder.Instance.WillEncode(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// Strings written through the encoder, short and long (a long one is escaped in several calls),
    /// from UTF-16 and from UTF-8,
    /// are exactly what the JSON escaping rules give: the two-character escapes, <c>\uXXXX</c> for
    /// the other control characters and line breaks, surrogate pairs as themselves, a lone surrogate
    /// as U+FFFD.
    /// </summary>
    [Fact]
    public void JsonEncoder_EscapedStrings_AreExactlyTheRulesOutput()
    {
        var random = new Random(20261124);
        char[] alphabet = ['a', '字', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u001F', '\u007F', '\u0085', '\u2028', '\u2029', '\uD840', '\uDC00', '\uFFFD', '\u00A0', '/', '<'];
        var buffer = new ArrayBufferWriter<byte>();
        for (var n = 0; n < 3000; n++)
        {
            var length = n % 10 == 0 ? random.Next(1000, 20000) : random.Next(0, 60);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : alphabet[random.Next(2)])]);
            buffer.Clear();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance }))
            {
                writer.WriteStringValue(text);
            }

            Assert.Equal(Reference(text), Encoding.UTF8.GetString(buffer.WrittenSpan));

            // The same text as UTF-8 is escaped one scalar at a time (TryEncodeUnicodeScalar), to the same output.
            if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text)
            {
                buffer.Clear();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance }))
                {
                    writer.WriteStringValue(Encoding.UTF8.GetBytes(text));
                }

                Assert.Equal(Reference(text), Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }

        static string Reference(string text)
        {
            var json = new StringBuilder("\"");
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    json.Append(c).Append(text[++i]);
                    continue;
                }

                json.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    < ' ' or '\u007F' or '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
                    _ when char.IsSurrogate(c) => "\uFFFD",
                    _ => c.ToString(),
                });
            }

            return json.Append('"').ToString();
        }
    }

    [Fact]
    public void Csv_LineSeparatorsInEveryField_ReadBackAsOneRow()
    {
        var record = RecordWithBreakers();
        var bytes = Encoding.UTF8.GetBytes(CaseInvariantTests.Write(record, RecordFormat.Csv));
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default);
        Assert.True(reader.Read());
        Assert.Equal(record.Title, reader.GetString("title"));
        Assert.Equal(record.Text, reader.GetString("text"));
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("json", false)]
    [InlineData("jsonl", false)]
    [InlineData("csv", false)]
    [InlineData("csv", true)]
    public void HugeRecord_WrittenStraightToTheOutput_SameBytesAsThroughABuffer(string name, bool excel)
    {
        var format = RecordFormat.Find(name)!;
        format = excel ? format.SpreadsheetVariant! : format;
        var small = RecordWithBreakers();
        var paragraphs = Enumerable.Range(0, 3000)
            .Select(i => $"第{i}段\u2028「引號」\"quote\" \\ \t \U0001F600 {new string('字', 100)}")
            .ToImmutableArray();
        var huge = small with { Id = "x:2", Paragraphs = paragraphs, Text = string.Join('\n', paragraphs) };
        Assert.True(RecordEncoder.ShouldStream(huge));
        Assert.False(RecordEncoder.ShouldStream(small));

        using var encoder = format.CreateEncoder();
        using var buffered = new MemoryStream();
        var throughBuffers = format.CreateSink(buffered);
        using var straight = new MemoryStream();
        var throughStream = format.CreateSink(straight);
        foreach (var record in new[] { small, huge, small, huge })
        {
            var buffer = new ArrayBufferWriter<byte>();
            encoder.Encode(record, buffer);
            throughBuffers.Append(buffer.WrittenSpan);
            throughStream.Append(record, encoder);
        }

        throughBuffers.Complete();
        throughStream.Complete();
        Assert.Equal(buffered.ToArray(), straight.ToArray());
        // (A spreadsheet's cells hold 32,767 characters: there the text is cut, and says so.)
        Assert.True(excel || straight.Length > 4 * huge.Text.Length, "the huge records are in the output");
    }

    [Fact]
    public void SpreadsheetCsv_HasAByteOrderMarkNoLiveFormulaAndCellsWithinTheLimit()
    {
        var paragraphs = ImmutableArray.Create("=HYPERLINK(\"https://example.com\",\"點我\")", "-2+3", new string('長', CsvFormat.MaxSpreadsheetCellChars));
        var record = RecordWithBreakers() with
        {
            Title = "=cmd|' /C calc'!A0",
            Authors = ["@王小明", "+李大華"],
            Paragraphs = paragraphs,
            Text = string.Join('\n', paragraphs),
            Warnings = [],
        };
        using var output = new MemoryStream();
        using (var writer = new RecordWriter(output, RecordFormat.CsvSpreadsheet))
        {
            writer.Write(record);
            writer.Complete();
        }

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("id,", Encoding.UTF8.GetString(bytes, 3, 3));
        using var reader = CsvReader.Create(bytes.AsMemory(3), CsvReaderOptions.Default);
        Assert.True(reader.Read());
        Assert.Equal("'=cmd|' /C calc'!A0", reader.GetString("title"));
        Assert.Equal("'@王小明; +李大華", reader.GetString("authors"));
        var text = reader.GetString("text");
        Assert.StartsWith("'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.Equal(CsvFormat.MaxSpreadsheetCellChars, text.Length);
        Assert.Equal("text cut at the spreadsheet cell limit of 32767 characters", reader.GetString("warnings"));
        foreach (var column in CsvFormat.Columns)
        {
            var cell = reader.GetString(column);
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{column} starts a formula: {cell[..Math.Min(20, cell.Length)]}");
            Assert.True(cell.Length <= CsvFormat.MaxSpreadsheetCellChars, column);
        }

        Assert.False(reader.Read());
    }

    [Fact]
    public void MachineCsv_IsUnchangedByTheSpreadsheetMode()
    {
        var record = RecordWithBreakers() with { Title = "=1+1" };
        using var output = new MemoryStream();
        using (var writer = new RecordWriter(output, RecordFormat.Csv))
        {
            writer.Write(record);
            writer.Complete();
        }

        var bytes = output.ToArray();
        Assert.Equal((byte)'i', bytes[0]);
        using var reader = CsvReader.Create(bytes.AsMemory(), CsvReaderOptions.Default);
        Assert.True(reader.Read());
        Assert.Equal("=1+1", reader.GetString("title"));
    }

    /// <summary>The line breaks of Python's <c>str.splitlines</c>.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or '\u000B' or '\u000C' or '\u001C' or '\u001D' or '\u001E' or '\u0085' or '\u2028' or '\u2029')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static ArticleRecord RecordWithBreakers() => new()
    {
        Id = "x:1",
        Source = "x",
        Format = "jekyll",
        Path = $"archive/{Breakers}.txt",
        Url = $"https://example.com/{Breakers}",
        Title = $"標題{Breakers}",
        Published = null,
        Agency = Breakers,
        Dateline = new Dateline(Breakers, 1, Breakers),
        Authors = [Breakers],
        Editors = [Breakers],
        Translators = [],
        Paragraphs = ["第一段", "第二段"],
        Text = "第一段\n第二段",
        Tags = [Breakers],
        Related = [new RelatedLink(Breakers, $"https://example.com/{Breakers}")],
        Images = [new ArticleImage(null, Breakers)],
        FrontMatter = null,
        Warnings = [Breakers],
    };
}
