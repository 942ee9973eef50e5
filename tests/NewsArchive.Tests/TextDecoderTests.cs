using System.IO.Compression;
using System.Text;
using NewsArchive.Decoding;

namespace NewsArchive.Tests;

public sealed class TextDecoderTests
{
    private const string Sample = "---\ntitle: 蒲亭訪問白俄羅斯\n---\n<p>（中央社明斯克19日綜合外電報導）俄羅斯總統蒲亭今天搭機造訪白俄羅斯。</p>\n";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static DecodedText Decode(byte[] bytes)
    {
        Assert.True(new TextDecoder().TryDecode(bytes, out var decoded, out var reason), reason);
        return decoded;
    }

    private static string Fail(byte[] bytes)
    {
        Assert.False(new TextDecoder().TryDecode(bytes, out _, out var reason));
        return reason;
    }

    [Fact]
    public void TryDecode_Utf8_ReturnsTextWithoutWarnings()
    {
        var decoded = Decode(Encoding.UTF8.GetBytes(Sample));
        Assert.Equal(Sample, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void TryDecode_Utf8Bom_DropsTheBom()
    {
        var decoded = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void TryDecode_Utf16WithBom_Decodes(string name)
    {
        var encoding = name == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var decoded = Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(Sample)]);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(name, decoded.Encoding);
    }

    [Fact]
    public void TryDecode_InvalidUtf8AfterBom_ReplacesAndWarns()
    {
        var decoded = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("第一段"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("第二段\uFFFD")]);
        Assert.Equal("第一段\uFFFD(第二段\uFFFD", decoded.Text);
        Assert.Equal(["invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD"], decoded.Warnings.ToArray());
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void TryDecode_Utf16LoneSurrogate_ReplacesAndWarns(string name)
    {
        var encoding = name == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        byte[] surrogate = name == "utf-16le" ? [0x00, 0xD8] : [0xD8, 0x00];
        var decoded = Decode([.. encoding.GetPreamble(), .. encoding.GetBytes("第一段"), .. surrogate, .. encoding.GetBytes("第二段"), 0x41]);
        Assert.Equal("第一段\uFFFD第二段", decoded.Text);
        Assert.Equal(["invalid UTF-16: 1 unpaired surrogate(s) replaced with U+FFFD", "UTF-16 text ends with an odd byte; it was dropped"], decoded.Warnings.ToArray());
    }

    [Fact]
    public void TryDecode_Big5_TranscodesAndWarns()
    {
        var decoded = Decode(Encoding.GetEncoding(950).GetBytes(Sample));
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("big5", decoded.Encoding);
        Assert.Contains("transcoded from Big5 to UTF-8", decoded.Warnings);
    }

    [Fact]
    public void TryDecode_InvalidUtf8Sequence_ReplacesAndWarns()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        bytes[30] = 0xFF;
        var decoded = Decode(bytes);
        Assert.Contains('\uFFFD', decoded.Text);
        Assert.Contains(decoded.Warnings, w => w.StartsWith("invalid UTF-8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7030)]
    [InlineData(7040)]
    [InlineData(21200)]
    public void TryDecode_Utf8OfEverySize_IsTheText_AndARepairIsFoundInIt(int copies)
    {
        // The sample is 149 bytes: sizes either side of the pooled buffer's limit (1 MB) decode alike.
        var text = string.Concat(Enumerable.Repeat(Sample, copies)) + "😀\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), Decode(bytes).Text);
        bytes[^8] = 0xFF; // the closing '>' of the last copy's </p>
        var repaired = Decode(bytes);
        Assert.Contains("invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD", repaired.Warnings);
        Assert.Equal((copies * Sample.Length) - 2, repaired.Text.IndexOf('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void TryDecode_ValidUtf8HoldingAReplacementCharacter_KeepsItWithoutWarning()
    {
        // U+FFFD written on purpose is valid UTF-8: the quick path hands it to the careful one, which keeps it.
        var text = "標題\uFFFD內文 😀 emoji\n";
        var decoded = Decode(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void TryDecode_InvalidUtf8NextToARealReplacementCharacter_CountsOnlyTheRepair()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a\uFFFDb"), 0xC3, .. Encoding.UTF8.GetBytes("c")];
        var decoded = Decode(bytes);
        Assert.Equal("a\uFFFDb\uFFFDc", decoded.Text);
        Assert.Contains("invalid UTF-8: 1 byte sequence(s) replaced with U+FFFD", decoded.Warnings);
    }

    [Fact]
    public void TryDecode_OnlyUnicodeWhiteSpace_IsEmpty()
    {
        Assert.Equal("empty file", Fail(Encoding.UTF8.GetBytes("\u3000\u3000\n\u00A0")));
    }

    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc\n")]
    [InlineData("（中央社明斯克19日綜合外電報導）\0俄羅斯總統蒲亭今天搭機", "（中央社明斯克19日綜合外電報導）俄羅斯總統蒲亭今天搭機")]
    public void TryDecode_LineEndingsAndNul_AreCleaned(string input, string expected)
    {
        Assert.Equal(expected, Decode(Encoding.UTF8.GetBytes(input)).Text);
    }

    [Fact]
    public void TryDecode_NulBytes_Warns()
    {
        Assert.Contains("removed 1 NUL character(s)", Decode(Encoding.UTF8.GetBytes("文字\0文字")).Warnings);
    }

    [Fact]
    public void TryDecode_Gzip_Decompresses()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Sample));
        }

        var decoded = Decode(packed.ToArray());
        Assert.Equal(Sample, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void TryDecode_TruncatedGzip_Fails()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Sample + Sample + Sample));
        }

        var whole = packed.ToArray();
        Assert.Contains("gzip", Fail(whole[..10]), StringComparison.Ordinal);
        Assert.True(new TextDecoder().TryDecode(whole[..(whole.Length - 6)], out var partial, out _));
        Assert.Contains(partial.Warnings, w => w.StartsWith("gzip data is truncated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[0], "empty file")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09 }, "empty file")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "not a text file (PNG image)")]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31 }, "not a text file (macOS metadata (.DS_Store))")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x00, 0x00 }, "not a text file (binary data)")]
    public void TryDecode_NotText_FailsWithReason(byte[] bytes, string reason)
    {
        Assert.Equal(reason, Fail(bytes));
    }

    [Fact]
    public void TryDecode_OverSizeLimit_Fails()
    {
        var decoder = new TextDecoder(new DecoderOptions { MaxBytes = 10 });
        Assert.False(decoder.TryDecode(Encoding.UTF8.GetBytes(Sample), out _, out var reason));
        Assert.Contains("limit", reason, StringComparison.Ordinal);
    }

    private const string PageText = "<p>行政院今天宣布新的經濟措施，為了支持民眾的生活，政府將增加預算，並在年底前完成各項補助的發放作業。</p>";

    [Fact]
    public void TryDecode_Big5DeclaredInHttpEquiv_DecodesWithoutWarning()
    {
        var page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body>" + PageText + "</body></html>";
        var decoded = Decode(Encoding.GetEncoding(950).GetBytes(page));
        Assert.Equal(page, decoded.Text);
        Assert.Equal("big5", decoded.Encoding);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void TryDecode_DeclaredBig5ButValidUtf8_DecodesUtf8AndWarns()
    {
        var page = "<html><head><meta charset=\"big5\"></head><body>" + PageText + "</body></html>";
        var decoded = Decode(Encoding.UTF8.GetBytes(page));
        Assert.Equal(page, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal(new[] { "declared big5 but is valid UTF-8: decoded as UTF-8" }, decoded.Warnings.ToArray());
    }

    [Fact]
    public void TryDecode_TransportCharset_WinsOverThePageDeclaration()
    {
        var page = "<html><head><meta charset=\"utf-8\"></head><body>" + PageText + "</body></html>";
        Assert.True(new TextDecoder().TryDecode(Encoding.GetEncoding(950).GetBytes(page), "big5", out var decoded, out var reason), reason);
        Assert.Equal(page, decoded.Text);
        Assert.Empty(decoded.Warnings);
    }

    [Fact]
    public void TryDecode_DeclaredUtf8ButBig5_DetectsAndWarns()
    {
        var page = "<html><head><meta charset=\"utf-8\"></head><body>" + PageText + PageText + "</body></html>";
        var decoded = Decode(Encoding.GetEncoding(950).GetBytes(page));
        Assert.Equal(page, decoded.Text);
        Assert.Equal(new[] { "declared utf-8 but is not UTF-8: transcoded from Big5 to UTF-8" }, decoded.Warnings.ToArray());
    }

    [Theory]
    [InlineData(54936, "国务院总理今天在北京召开记者会，宣布新的经济措施。为了支持人民的生活，政府将增加预算。", "GB18030")]
    [InlineData(932, "日本の首相は今日、東京で記者会見を開き、新しい経済対策を発表しました。国民の生活を支えるため、政府は予算を増やす方針です。", "Shift_JIS")]
    [InlineData(949, "대통령은 오늘 서울에서 기자회견을 열고 새로운 경제 대책을 발표했습니다. 정부는 국민의 생활을 지원하기 위해 예산을 늘릴 방침입니다.", "EUC-KR")]
    [InlineData(51932, "日本の首相は今日、東京で記者会見を開き、新しい経済対策を発表しました。国民の生活を支えるため、政府は予算を増やす方針です。", "EUC-JP")]
    public void TryDecode_UndeclaredLegacyCharset_DetectsAndWarns(int codePage, string text, string name)
    {
        var page = "<html><body><p>" + text + "</p><p>" + text + "</p></body></html>";
        var decoded = Decode(Encoding.GetEncoding(codePage).GetBytes(page));
        Assert.Equal(page, decoded.Text);
        Assert.Equal(new[] { $"transcoded from {name} to UTF-8" }, decoded.Warnings.ToArray());
    }

    [Fact]
    public void TryDecode_DeclaredBig5WithABrokenSequence_ReplacesAndSaysHowMany()
    {
        var bytes = Encoding.GetEncoding(950).GetBytes("<html><head><meta charset=\"big5\"></head><body>" + PageText + "</body></html>").ToList();
        bytes.InsertRange(bytes.Count - "</body></html>".Length, [0xA4, (byte)' ']);
        var decoded = Decode([.. bytes]);
        Assert.Contains(PageText, decoded.Text);
        Assert.Equal(new[] { "invalid Big5: 1 byte sequence(s) replaced with U+FFFD" }, decoded.Warnings.ToArray());
    }
}
