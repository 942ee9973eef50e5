using System.Collections.Immutable;
using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// A cheap necessary condition for a CSS selector: the tag, classes, id and attribute names its
/// subject (the last compound of each alternative) requires. An element failing every alternative
/// cannot match, so the full selector match runs only for the few that pass. It reads the selector
/// text of our own rule tables, never the input; anything it does not understand (pseudo-classes)
/// adds no condition, so it never rejects a real match.
/// </summary>
internal sealed class SelectorPrefilter
{
    private readonly ImmutableArray<Requirement> alternatives;

    private SelectorPrefilter(ImmutableArray<Requirement> alternatives) => this.alternatives = alternatives;

    public static SelectorPrefilter Parse(string selector)
    {
        var alternatives = ImmutableArray.CreateBuilder<Requirement>();
        foreach (var alternative in SplitTopLevel(selector, ','))
        {
            alternatives.Add(ParseCompound(LastCompound(alternative.Trim())));
        }

        return new SelectorPrefilter(alternatives.ToImmutable());
    }

    public bool MayMatch(IElement element, in ElementFacts facts)
    {
        foreach (var requirement in alternatives)
        {
            if (requirement.MayMatch(element, facts))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subject compound: what follows the last descendant or child combinator.</summary>
    internal static string LastCompound(string alternative)
    {
        var depth = 0;
        for (var i = alternative.Length - 1; i >= 0; i--)
        {
            var c = alternative[i];
            if (c == ']' || c == ')')
            {
                depth++;
            }
            else if (c == '[' || c == '(')
            {
                depth--;
            }
            else if (depth == 0 && (c == ' ' || c == '>' || c == '+' || c == '~'))
            {
                return alternative[(i + 1)..];
            }
        }

        return alternative;
    }

    internal static Requirement ParseCompound(string compound)
    {
        string? tag = null;
        string? id = null;
        var classes = ImmutableArray.CreateBuilder<string>();
        var attributes = ImmutableArray.CreateBuilder<AttributeCondition>();
        var i = 0;
        var start = i;
        while (i < compound.Length && (char.IsAsciiLetterOrDigit(compound[i]) || compound[i] == '-'))
        {
            i++;
        }

        if (i > start)
        {
            tag = compound[start..i].ToLowerInvariant();
        }

        while (i < compound.Length)
        {
            var marker = compound[i];
            if (marker == '*')
            {
                i++;
                continue;
            }

            if (marker is '.' or '#')
            {
                var nameStart = ++i;
                while (i < compound.Length && (char.IsAsciiLetterOrDigit(compound[i]) || compound[i] is '-' or '_'))
                {
                    i++;
                }

                var name = compound[nameStart..i];
                if (marker == '.')
                {
                    classes.Add(name);
                }
                else
                {
                    id = name;
                }

                continue;
            }

            if (marker == '[')
            {
                var close = IndexOfClosingBracket(compound, i);
                var body = close < 0 ? compound[(i + 1)..] : compound[(i + 1)..close];
                attributes.Add(AttributeCondition.Parse(body));
                i = close < 0 ? compound.Length : close + 1;
                continue;
            }

            // A pseudo-class or anything else: no condition from the rest of this compound.
            break;
        }

        return new Requirement(tag, id, classes.ToImmutable(), attributes.ToImmutable());
    }

    /// <summary>The <c>]</c> that closes an attribute selector, skipping quoted values.</summary>
    private static int IndexOfClosingBracket(string compound, int open)
    {
        var quote = '\0';
        for (var i = open + 1; i < compound.Length; i++)
        {
            var c = compound[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' or ')')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    internal sealed record Requirement(string? Tag, string? Id, ImmutableArray<string> Classes, ImmutableArray<AttributeCondition> Attributes)
    {
        public bool MayMatch(IElement element, in ElementFacts facts)
        {
            if (Tag is not null && Tag != facts.LocalName)
            {
                return false;
            }

            if (Id is not null && Id != facts.Id)
            {
                return false;
            }

            if (!Classes.IsEmpty)
            {
                var classAttribute = facts.Class;
                if (classAttribute is null)
                {
                    return false;
                }

                foreach (var name in Classes)
                {
                    if (!HasToken(classAttribute, name))
                    {
                        return false;
                    }
                }
            }

            foreach (var attribute in Attributes)
            {
                var value = attribute.Name switch
                {
                    "class" => facts.Class,
                    "id" => facts.Id,
                    _ => HtmlAttributes.Get(element, attribute.Name),
                };
                if (value is null || !attribute.MayMatch(value))
                {
                    return false;
                }
            }

            return true;
        }

        internal static bool HasToken(string list, string token)
        {
            var index = list.IndexOf(token, StringComparison.Ordinal);
            while (index >= 0)
            {
                var before = index == 0 || char.IsWhiteSpace(list[index - 1]);
                var end = index + token.Length;
                var after = end == list.Length || char.IsWhiteSpace(list[end]);
                if (before && after)
                {
                    return true;
                }

                index = list.IndexOf(token, index + 1, StringComparison.Ordinal);
            }

            return false;
        }
    }
}

/// <summary>What the prefilters ask of an element, read from the DOM once per element.</summary>
internal readonly struct ElementFacts(IElement element)
{
    public string LocalName { get; } = element.LocalName;

    public string? Class { get; } = HtmlAttributes.Get(element, "class");

    public string? Id { get; } = HtmlAttributes.Get(element, "id");
}

/// <summary>
/// What an attribute selector (<c>[name]</c>, <c>[name*='value']</c>, ...) asks of an element. Values are
/// compared ignoring case, so the condition is never stricter than the selector, whatever case rules
/// the selector engine applies to that attribute.
/// </summary>
internal sealed record AttributeCondition(string Name, string? Operator, string? Value)
{
    /// <summary>Reads the text between the brackets; anything it does not understand leaves only the name.</summary>
    public static AttributeCondition Parse(string body)
    {
        var text = body.AsSpan().Trim();
        var nameEnd = 0;
        while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] is '-' or '_'))
        {
            nameEnd++;
        }

        var name = text[..nameEnd].ToString().ToLowerInvariant();
        var rest = text[nameEnd..].TrimStart();
        if (rest.IsEmpty)
        {
            return new AttributeCondition(name, null, null);
        }

        var operatorLength = rest[0] == '=' ? 1 : rest.Length > 1 && rest[1] == '=' && rest[0] is '~' or '|' or '^' or '$' or '*' ? 2 : 0;
        if (operatorLength == 0)
        {
            return new AttributeCondition(name, null, null);
        }

        var op = rest[..operatorLength].ToString();
        var valueText = rest[operatorLength..].Trim();
        if (valueText.Length > 0 && valueText[^1] is 'i' or 'I' or 's' or 'S' && valueText.Length > 1 && valueText[^2] is ' ' or '\'' or '"')
        {
            // A case flag after the value.
            valueText = valueText[..^1].TrimEnd();
        }

        if (valueText.Length >= 2 && valueText[0] is '"' or '\'' && valueText[^1] == valueText[0])
        {
            valueText = valueText[1..^1];
        }
        else if (valueText.IndexOfAny(" \"'") >= 0)
        {
            return new AttributeCondition(name, null, null);
        }

        return valueText.Contains('\\')
            ? new AttributeCondition(name, null, null)
            : new AttributeCondition(name, op, valueText.ToString());
    }

    /// <summary>False only when no element with this attribute value can match the selector.</summary>
    public bool MayMatch(string value)
    {
        if (Operator is null || Value is null)
        {
            return true;
        }

        const StringComparison Comparison = StringComparison.OrdinalIgnoreCase;
        return Operator switch
        {
            "=" => value.Equals(Value, Comparison),
            "*=" => Value.Length > 0 && value.Contains(Value, Comparison),
            "^=" => Value.Length > 0 && value.StartsWith(Value, Comparison),
            "$=" => Value.Length > 0 && value.EndsWith(Value, Comparison),
            "~=" => Value.Length > 0 && HasTokenIgnoringCase(value, Value),
            "|=" => value.Equals(Value, Comparison) || value.StartsWith(Value + "-", Comparison),
            _ => true,
        };
    }

    private static bool HasTokenIgnoringCase(string list, string token)
    {
        foreach (var range in list.AsSpan().SplitAny(" \t\n\f\r"))
        {
            if (list.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
