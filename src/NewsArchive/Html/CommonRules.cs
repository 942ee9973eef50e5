using System.Collections.Immutable;

namespace NewsArchive.Html;

/// <summary>Rules that hold for every HTML body, whatever the site.</summary>
public static class CommonRules
{
    public static readonly ImmutableArray<HtmlRule> Html =
    [
        HtmlRule.Remove("script, noscript, template", "scripts"),
        HtmlRule.Remove("style, link, meta", "style sheets and page metadata"),
        HtmlRule.Remove("svg, math", "SVG icons"),
        HtmlRule.Remove("iframe, object, embed, video, audio, canvas", "embedded players and frames"),
        HtmlRule.Remove("blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed, .fb-post, .fb-video", "embedded social-media posts"),
        HtmlRule.Remove("form, input, button, select, textarea, label", "forms and buttons"),
        HtmlRule.Remove("[hidden], [style*='display: none'], [style*='display:none']", "hidden elements"),
    ];
}
