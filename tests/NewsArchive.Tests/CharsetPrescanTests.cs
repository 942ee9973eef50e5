using System.Text;
using NewsArchive.Decoding;

namespace NewsArchive.Tests;

public sealed class CharsetPrescanTests
{
    [Theory]
    [InlineData("<html><head><meta charset=\"big5\"><title>t</title>", "big5")]
    [InlineData("<html><head><meta charset=gb2312>", "gb2312")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">", "big5")]
    [InlineData("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=Shift_JIS'>", "Shift_JIS")]
    [InlineData("<meta content=\"text/html; charset=euc-kr\" http-equiv=\"Content-Type\">", "euc-kr")]
    [InlineData("<!-- <meta charset=\"gbk\"> --><meta charset=\"utf-8\">", "utf-8")]
    [InlineData("<script>var s = \"<meta charset=x>\";</script><meta charset=\"big5\">", "big5")]
    [InlineData("<div title=\"a > b\"><meta charset=\"big5\">", "big5")]
    [InlineData("<meta name=\"description\" content=\"charset=big5\"><meta charset=\"utf-8\">", "utf-8")]
    public void Find_Declarations_ReadsTheFirst(string html, string expected)
    {
        Assert.Equal(expected, CharsetPrescan.Find(Encoding.ASCII.GetBytes(html)));
    }

    [Theory]
    [InlineData("<html><head><title>no declaration</title></head>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"5; charset=big5\">")]
    [InlineData("plain text that mentions charset=big5")]
    [InlineData("<meta")]
    [InlineData("")]
    public void Find_NoDeclaration_ReturnsNull(string html)
    {
        Assert.Null(CharsetPrescan.Find(Encoding.ASCII.GetBytes(html)));
    }

    [Fact]
    public void Find_DeclarationPastTheWindow_IsNotRead()
    {
        var html = "<html><head>" + new string(' ', CharsetPrescan.Window) + "<meta charset=\"big5\">";
        Assert.Null(CharsetPrescan.Find(Encoding.ASCII.GetBytes(html)));
    }

    [Theory]
    [InlineData("text/html; charset=big5", "big5")]
    [InlineData("text/html;charset=\"GB2312\"", "GB2312")]
    [InlineData("text/html; CHARSET = utf-8 ; x=1", "utf-8")]
    [InlineData("text/html", null)]
    public void FromContentType_ReadsTheParameter(string value, string? expected)
    {
        Assert.Equal(expected, CharsetPrescan.FromContentType(value));
    }

    [Theory]
    [InlineData("big5", 950)]
    [InlineData("BIG5-HKSCS", 950)]
    [InlineData("gb2312", 54936)]
    [InlineData("gbk", 54936)]
    [InlineData("x-sjis", 932)]
    [InlineData("euc-kr", 949)]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("utf-16", 65001)]
    [InlineData("\"utf-8\"", 65001)]
    public void CodePage_Labels_AsTheEncodingStandardMapsThem(string label, int page)
    {
        Assert.Equal(page, CharsetLabels.CodePage(label));
    }

    [Theory]
    [InlineData("x-unknown")]
    [InlineData("")]
    [InlineData(null)]
    public void CodePage_UnknownLabel_IsNull(string? label)
    {
        Assert.Null(CharsetLabels.CodePage(label));
    }
}
