using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NewsArchive.Containers;
using NewsArchive.Decoding;

namespace NewsArchive.Extraction;

/// <summary>
/// A saved page's headline, from what the page says in several places: JSON-LD's <c>headline</c>,
/// <c>og:title</c>, <c>twitter:title</c>, the <c>&lt;title&gt;</c> and the headings of the article's
/// block, each with the site's name taken off (<c>Headline | Section | Site</c>). They are checked
/// against one another: the first of them, in that order, that another agrees with (the same words,
/// or one holding the other) is the title. A heading nothing agrees with (a sidebar's <c>其他重點新聞</c>)
/// is never the title while the page states one.
/// </summary>
internal static class PageTitle
{
    /// <summary>Separators between a page title's headline, its section and the site's name, strongest first.</summary>
    private static readonly string[][] Separators = [[" | ", "｜", " || ", " :: ", " » "], [" - ", " – ", " — ", "_", " ‐ "]];

    /// <summary>A segment this short beside the site's name is a section (<c>生活</c>, <c>World</c>), not the headline.</summary>
    public const int MaxSectionChars = 8;

    /// <summary>Two titles agree when one holds the other and the shorter is at least this share of the longer.</summary>
    public const double MinAgreement = 0.5;

    /// <param name="metadata">The page's head.</param>
    /// <param name="headings">The texts of the headings of the article's block, then of the page's other <c>h1</c>s, in that order.</param>
    /// <param name="siteNames">Names the site goes by (its <c>og:site_name</c>, its host's name, the site's own table).</param>
    public static string? Choose(PageMetadata metadata, IReadOnlyList<string> headings, IReadOnlyList<string> siteNames)
    {
        var candidates = new List<string>();
        void Add(string? title, bool strip)
        {
            var text = TextNormalizer.Normalize(title ?? string.Empty);
            if (strip)
            {
                text = StripSiteNames(text, siteNames);
            }

            if (text.Length > 0 && !IsSiteName(text, siteNames))
            {
                candidates.Add(text);
            }
        }

        Add(metadata.Headline, strip: false);
        Add(metadata.OgTitle, strip: true);
        Add(metadata.TwitterTitle, strip: true);
        Add(metadata.DocumentTitle, strip: true);
        var stated = candidates.Count;
        foreach (var heading in headings.Take(16))
        {
            Add(heading, strip: false);
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var keys = candidates.Select(Key).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = 0; j < candidates.Count; j++)
            {
                if (i != j && keys[i] != string.Empty && Agree(keys[i], keys[j]))
                {
                    // A page title that is the headline and a suffix the site's name was not known for
                    // (Headline - Site): the headline it agrees with, without the suffix.
                    return IsHeadlineWithSuffix(candidates[i], candidates[j]) ? candidates[j] : candidates[i];
                }
            }
        }

        // Nothing agrees: what the page states, else the first heading of the article's block.
        return candidates[0];
    }

    /// <summary>
    /// A page title without the site's name: cut at the strongest separator that has a segment naming
    /// the site, dropping that segment and the short section names beside it.
    /// </summary>
    public static string StripSiteNames(string title, IReadOnlyList<string> siteNames)
    {
        foreach (var separators in Separators)
        {
            var segments = title.Split(separators, StringSplitOptions.TrimEntries);
            if (segments.Length < 2)
            {
                continue;
            }

            var named = segments.Select(s => IsSiteName(s, siteNames) || NamesSite(s, siteNames)).ToArray();
            if (!named.Contains(true))
            {
                continue;
            }

            // Keep the segments that are neither the site's name nor a short section beside it.
            var kept = new List<string>();
            for (var i = 0; i < segments.Length; i++)
            {
                var besideName = i > 0 && named[i - 1] || i + 1 < segments.Length && named[i + 1];
                if (named[i] || besideName && segments[i].Length <= MaxSectionChars && segments.Length > 2 && i != 0)
                {
                    continue;
                }

                kept.Add(segments[i]);
            }

            if (kept.Count > 0)
            {
                return string.Join(separators[0], kept);
            }
        }

        return title;
    }

    /// <summary>Whether a text is only the site's name (an <c>h1</c> around the logo, an <c>og:title</c> left at its default).</summary>
    private static bool IsSiteName(string text, IReadOnlyList<string> siteNames)
    {
        var key = Key(text);
        return siteNames.Any(name => name.Length > 1 && Key(name) is { Length: > 1 } site && (key == site || key.Length <= site.Length + 6 && key.Contains(site, StringComparison.Ordinal)));
    }

    /// <summary>Whether a title's segment holds the site's name (<c>ETtoday政治新聞</c>, <c>三立新聞網 SETN.COM</c>).</summary>
    private static bool NamesSite(string segment, IReadOnlyList<string> siteNames)
    {
        var key = Key(segment);
        return key.Length <= 30 && siteNames.Any(name => Key(name) is { Length: > 1 } site && key.Contains(site, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="title"/> is <paramref name="headline"/> followed by a separator and more.</summary>
    private static bool IsHeadlineWithSuffix(string title, string headline)
    {
        if (title.Length <= headline.Length || !title.StartsWith(headline, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = title.AsSpan(headline.Length);
        foreach (var separators in Separators)
        {
            foreach (var separator in separators)
            {
                if (rest.StartsWith(separator, StringComparison.Ordinal) || rest.StartsWith(separator.Trim(), StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Agree(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= longer.Length * MinAgreement && longer.Contains(shorter, StringComparison.Ordinal);
    }

    /// <summary>A title as compared: compatibility forms folded, white space and punctuation out, lower case.</summary>
    internal static string Key(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || category is UnicodeCategory.OtherNumber)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The names a page's site goes by: <c>og:site_name</c>, the site's table, and its host's own label (<c>ettoday</c>).</summary>
    public static ImmutableArray<string> SiteNames(PageMetadata metadata, IEnumerable<string> known, string? hostLabel)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        if (!string.IsNullOrWhiteSpace(metadata.SiteName))
        {
            names.Add(metadata.SiteName);
            // 三立新聞網 SETN.COM, ETtoday 東森新聞雲: each word of the name names the site too.
            names.AddRange(metadata.SiteName.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries).Where(w => Key(w).Length >= 3));
        }

        names.AddRange(known.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (!string.IsNullOrEmpty(hostLabel) && hostLabel.Length >= 3)
        {
            names.Add(hostLabel);
        }

        return names.Distinct(StringComparer.Ordinal).ToImmutableArray();
    }
}
