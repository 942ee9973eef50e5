using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Containers;
using NewsArchive.Decoding;
using NewsArchive.Extraction;

namespace NewsArchive.Tests;

/// <summary>
/// The prefilter is a necessary condition: it may let through elements the selector then rejects,
/// but it must never turn away one the selector matches.
/// </summary>
public sealed class SelectorPrefilterTests
{
    private static readonly IReadOnlyList<HtmlSelector> AllRules = RuleTables.Selectors;

    /// <summary>Attribute values in every case and position the rules' selectors ask about.</summary>
    private const string TrickyAttributes = """
        <div class="paragraph adGroup">a</div><div class="AD">b</div><div class="ad">c</div>
        <div class="side-advertise-box">d</div><div class="Advertisement">e</div><div class="advertis">f</div>
        <div id="div-gpt-ad-1234">g</div><div id="DIV-GPT-AD-1">h</div><div id="x-div-gpt-ad">i</div>
        <div class="glossary-popup">j</div><div class="my glossaryPop">k</div><div class="glossary tip pop">l</div><div class="pop glossary">m</div>
        <span style="display: none">n</span><span style="DISPLAY:NONE">o</span><span style="color:red; display:none;">p</span><span style="display: block">q</span>
        <p hidden>r</p><p hidden="hidden">s</p><p data-hidden="1">t</p>
        <blockquote class="twitter-tweet">u</blockquote><blockquote class="instagram-media x">v</blockquote><blockquote class="twitter">w</blockquote>
        <div class="moreArticle-title">x</div><div class="keywordTag">y</div><small>z</small><figcaption>cap</figcaption>
        """;

    public static IEnumerable<object[]> HtmlInputs()
    {
        yield return ["tricky attributes", TrickyAttributes];
        foreach (var golden in GoldenCase.All.Where(c => !c.ExpectsError))
        {
            var text = File.ReadAllText(golden.InputPath);
            if (FrontMatterParser.TrySplit(text, out var post)
                && !TextNormalizer.IsBlank(post.BodySpan)
                && JekyllBody.TryToHtml(post.Text.AsMemory(post.BodyStart), new ParseContext().Markdown, out var html, out _))
            {
                yield return [golden.Name, html.ToString()];
            }
        }
    }

    [Theory]
    [MemberData(nameof(HtmlInputs))]
    public void MayMatch_EveryElementASelectorMatches_IsLetThrough(string name, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotEmpty(document.Body!.Children);
        foreach (var element in document.All)
        {
            foreach (var rule in AllRules)
            {
                if (rule.Compiled.Match(element, scope: null))
                {
                    Assert.True(rule.MayMatch(element), $"{name}: '{rule.Text}' matches <{element.LocalName} class='{element.ClassName}' id='{element.Id}'> but the prefilter turns it away");
                }
            }
        }
    }

    [Fact]
    public void TrickyAttributes_AreMatchedByTheRules()
    {
        // So that the theory above checks real matches, not only elements no rule wants. Class and
        // attribute values match case-sensitively: "AD", "Advertisement", "DIV-GPT-AD-1" and
        // "DISPLAY:NONE" are not matched, nor the near misses.
        var document = new HtmlParser().ParseDocument(TrickyAttributes);
        var matched = document.Body!.Descendants<IElement>().Where(e => AllRules.Any(r => r.Compiled.Match(e, scope: null))).Select(e => e.TextContent);
        Assert.Equal(["a", "c", "n", "p", "r", "s", "u", "v", "x", "y", "z", "cap"], matched);
    }

    [Fact]
    public void MayMatch_TrickyAttributes_TurnsAwayPlainElements()
    {
        var document = new HtmlParser().ParseDocument(TrickyAttributes + "<div class='paragraph'>plain</div><span style='color: red'>plain</span>");
        var plain = document.All.Where(e => e.TextContent == "plain").ToList();
        Assert.Equal(2, plain.Count);
        Assert.All(plain, e => Assert.DoesNotContain(AllRules, r => r.MayMatch(e)));
    }

    [Theory]
    [InlineData("class*='advertise'", "class", "*=", "advertise")]
    [InlineData("id^=\"div-gpt-ad\"", "id", "^=", "div-gpt-ad")]
    [InlineData(" style *= 'display: none' ", "style", "*=", "display: none")]
    [InlineData("hidden", "hidden", null, null)]
    [InlineData("lang|=en", "lang", "|=", "en")]
    [InlineData("title='a]b' i", "title", "=", "a]b")]
    [InlineData("data-x=a\\62 c", "data-x", null, null)]
    [InlineData("HREF$='.pdf'", "href", "$=", ".pdf")]
    public void AttributeCondition_Parse_ReadsNameOperatorAndValue(string body, string name, string? op, string? value)
    {
        Assert.Equal(new AttributeCondition(name, op, value), AttributeCondition.Parse(body));
    }

    [Theory]
    [InlineData("*=", "advertise", "side-ADVERTISE-box", true)]
    [InlineData("*=", "advertise", "advertis", false)]
    [InlineData("*=", "", "anything", false)]
    [InlineData("^=", "div-gpt-ad", "div-gpt-ad-1", true)]
    [InlineData("^=", "div-gpt-ad", "x-div-gpt-ad", false)]
    [InlineData("$=", ".pdf", "a.PDF", true)]
    [InlineData("=", "x", "X", true)]
    [InlineData("~=", "pop", "glossary pop", true)]
    [InlineData("~=", "pop", "popup", false)]
    [InlineData("|=", "en", "en-GB", true)]
    [InlineData("|=", "en", "english", false)]
    public void AttributeCondition_MayMatch_ComparesIgnoringCase(string op, string value, string attribute, bool expected)
    {
        Assert.Equal(expected, new AttributeCondition("a", op, value).MayMatch(attribute));
    }
}
