using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NewsArchive.Records;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsArchive.Containers;

/// <summary>
/// A Jekyll post split into its front matter (YAML between <c>---</c> lines) and its body, which
/// starts at <paramref name="BodyStart"/> in <paramref name="Text"/> (kept as an offset, not copied).
/// </summary>
internal sealed record JekyllPost(FrontMatter FrontMatter, string Text, int BodyStart, ImmutableArray<string> Warnings)
{
    public ReadOnlySpan<char> BodySpan => Text.AsSpan(BodyStart);

    public string Body => Text[BodyStart..];
}

/// <summary>
/// Finds and parses Jekyll front matter with YamlDotNet's node tree, which keeps every key in file order.
/// YAML that does not parse is read line by line (<c>key: value</c>) with a warning rather than losing the post.
/// </summary>
internal static partial class FrontMatterParser
{
    /// <summary>Deeper YAML than this is kept as text: nesting is input-controlled and conversion recurses.</summary>
    private const int MaxDepth = 16;

    /// <summary>Whether the text opens with a front-matter fence (<c>---</c> on the first non-blank line).</summary>
    public static bool HasFrontMatter(string text) => TryFindOpening(text, out _);

    public static bool TrySplit(string text, out JekyllPost post)
    {
        post = null!;
        if (!TryFindOpening(text, out var yamlStart))
        {
            return false;
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        string yaml;
        if (TryFindClosing(text, yamlStart, out var yamlEnd, out var bodyStart))
        {
            yaml = text[yamlStart..yamlEnd];
        }
        else
        {
            // Opened but never closed: the header runs while lines still look like "key: value"
            // (or list items / continuations); whatever follows is the body.
            bodyStart = FindEndOfUnclosedHeader(text, yamlStart);
            yaml = text[yamlStart..bodyStart];
            warnings.Add("front matter is not closed with '---'");
        }

        var frontMatter = Parse(yaml, warnings);
        post = new JekyllPost(frontMatter, text, bodyStart, warnings.ToImmutable());
        return true;
    }

    public static FrontMatter Parse(string yaml, ImmutableArray<string>.Builder warnings)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new FrontMatter([]);
        }

        if (NestingDepth(yaml) > MaxDepth)
        {
            // YamlDotNet recurses once per nesting level and would overflow the stack.
            warnings.Add($"front matter nests more than {MaxDepth} levels deep; read line by line");
            return ParseLineByLine(yaml);
        }

        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return new FrontMatter([]);
            }

            parser.Consume<DocumentStart>();
            if (parser.Accept<MappingStart>(out _))
            {
                return new FrontMatter(ReadMapping(parser, warnings, 0));
            }

            warnings.Add("front matter is not a YAML mapping; read line by line");
        }
        catch (YamlException ex)
        {
            warnings.Add($"front matter is not valid YAML ({FirstLine(ex.Message)}); read line by line");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some damaged flow collections.
            warnings.Add("front matter is not valid YAML (the scanner stopped); read line by line");
        }

        return ParseLineByLine(yaml);
    }

    /// <summary>The forgiving reader: one <c>key: value</c> per line, <c>[a, b]</c> as a list, quotes removed.</summary>
    internal static FrontMatter ParseLineByLine(string yaml)
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, FrontMatterValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in yaml.Split('\n'))
        {
            var match = KeyValueLine().Match(line);
            if (!match.Success || !seen.Add(match.Groups["key"].Value))
            {
                continue;
            }

            var raw = match.Groups["value"].Value.Trim();
            FrontMatterValue value;
            if (raw.Length >= 2 && raw[0] == '[' && raw[^1] == ']')
            {
                var items = raw[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                value = new FrontMatterValue.Sequence([.. items.Select(item => (FrontMatterValue)new FrontMatterValue.Scalar(Unquote(item)))]);
            }
            else
            {
                value = new FrontMatterValue.Scalar(Unquote(raw));
            }

            entries.Add(new(match.Groups["key"].Value, value));
        }

        return new FrontMatter(entries.ToImmutable());
    }

    /// <summary>The deepest nesting of flow collections (<c>[</c>, <c>{</c>) or block indentation (columns / 2).</summary>
    internal static int NestingDepth(string yaml)
    {
        var max = 0;
        foreach (var line in yaml.AsSpan().EnumerateLines())
        {
            var indent = 0;
            while (indent < line.Length && (line[indent] == ' ' || line[indent] == '-'))
            {
                indent++;
            }

            var depth = indent / 2;
            var flow = 0;
            var quote = '\0';
            foreach (var c in line[indent..])
            {
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    flow++;
                    max = Math.Max(max, depth + flow);
                }
                else if (c is ']' or '}')
                {
                    flow = Math.Max(0, flow - 1);
                }
            }

            max = Math.Max(max, depth);
        }

        return max;
    }

    /// <summary>
    /// Reads a mapping from YamlDotNet's event stream (no node tree: the front matter is built once,
    /// straight from the parser). A repeated key keeps its first value; one warning names the repeats.
    /// Keys are checked against a set, so a mapping of many keys costs time in proportion to its size.
    /// </summary>
    private static ImmutableArray<KeyValuePair<string, FrontMatterValue>> ReadMapping(IParser parser, ImmutableArray<string>.Builder warnings, int depth)
    {
        parser.Consume<MappingStart>();
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, FrontMatterValue>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        List<string>? repeated = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadValue(parser, warnings, depth + 1) is FrontMatterValue.Scalar scalar ? scalar.Value : string.Empty;
            var value = ReadValue(parser, warnings, depth + 1);
            if (!keys.Add(key))
            {
                (repeated ??= []).Add(key);
                continue;
            }

            entries.Add(new(key, value));
        }

        if (repeated is not null)
        {
            warnings.Add(RepeatedKeysWarning(repeated));
        }

        return entries.ToImmutable();
    }

    /// <summary>One warning for all the keys a mapping repeats, naming the first few.</summary>
    internal static string RepeatedKeysWarning(IReadOnlyList<string> repeated)
    {
        var distinct = repeated.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 1)
        {
            return $"front matter repeats the key '{distinct[0]}'; the first value is kept";
        }

        var named = string.Join(", ", distinct.Take(3).Select(k => $"'{k}'"));
        return $"front matter repeats {distinct.Count} keys ({named}{(distinct.Count > 3 ? ", …" : string.Empty)}); the first values are kept";
    }

    private static FrontMatterValue ReadValue(IParser parser, ImmutableArray<string>.Builder warnings, int depth)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new FrontMatterValue.Scalar(scalar.Value);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return new FrontMatterValue.Scalar("*" + alias.Value);
        }

        if (parser.Accept<MappingStart>(out _))
        {
            return new FrontMatterValue.Mapping(ReadMapping(parser, warnings, depth));
        }

        parser.Consume<SequenceStart>();
        var items = ImmutableArray.CreateBuilder<FrontMatterValue>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadValue(parser, warnings, depth + 1));
        }

        return new FrontMatterValue.Sequence(items.ToImmutable());
    }

    private static bool TryFindOpening(string text, out int yamlStart)
    {
        yamlStart = 0;
        var i = 0;
        while (i < text.Length && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\uFEFF'))
        {
            i++;
        }

        if (!text.AsSpan(i).StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        var lineEnd = text.IndexOf('\n', i);
        var fence = lineEnd < 0 ? text.AsSpan(i) : text.AsSpan(i, lineEnd - i);
        if (!fence.TrimEnd().SequenceEqual("---"))
        {
            return false;
        }

        yamlStart = lineEnd < 0 ? text.Length : lineEnd + 1;
        return true;
    }

    private static bool TryFindClosing(string text, int yamlStart, out int yamlEnd, out int bodyStart)
    {
        var position = yamlStart;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = lineEnd < 0 ? text.AsSpan(position) : text.AsSpan(position, lineEnd - position);
            var trimmed = line.TrimEnd();
            if (trimmed.SequenceEqual("---") || trimmed.SequenceEqual("..."))
            {
                yamlEnd = position;
                bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
                return true;
            }

            if (lineEnd < 0)
            {
                break;
            }

            position = lineEnd + 1;
        }

        yamlEnd = bodyStart = 0;
        return false;
    }

    private static int FindEndOfUnclosedHeader(string text, int yamlStart)
    {
        var position = yamlStart;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = lineEnd < 0 ? text[position..] : text[position..lineEnd];
            var looksLikeYaml = KeyValueLine().IsMatch(line) || line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal);
            if (!looksLikeYaml)
            {
                return position;
            }

            if (lineEnd < 0)
            {
                return text.Length;
            }

            position = lineEnd + 1;
        }

        return text.Length;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\'')))
        {
            return value[1..^1];
        }

        return value;
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n');
        return (newline < 0 ? message : message[..newline]).Trim().TrimEnd('.');
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_\-]*)[ \t]*:(?:[ \t]+(?<value>.*)|[ \t]*)$")]
    private static partial Regex KeyValueLine();
}
