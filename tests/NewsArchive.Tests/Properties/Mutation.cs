using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Properties;

/// <summary>One change to a sample file's bytes, described so a failing case can be read and replayed.</summary>
public abstract partial record Mutation
{
    public abstract byte[] Apply(byte[] input);

    public sealed record Truncate(int At) : Mutation
    {
        public override byte[] Apply(byte[] input) => input[..Math.Min(At, input.Length)];
    }

    public sealed record DeleteSpan(int Start, int Length) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var start = Math.Min(Start, input.Length);
            var end = Math.Min(start + Length, input.Length);
            return [.. input[..start], .. input[end..]];
        }
    }

    public sealed record DuplicateSpan(int Start, int Length, int InsertAt) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var start = Math.Min(Start, input.Length);
            var end = Math.Min(start + Length, input.Length);
            var at = Math.Min(InsertAt, input.Length);
            return [.. input[..at], .. input[start..end], .. input[at..]];
        }
    }

    public sealed record FlipBytes(int[] Positions, byte[] Values) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var output = (byte[])input.Clone();
            for (var i = 0; i < Positions.Length && output.Length > 0; i++)
            {
                output[Positions[i] % output.Length] = Values[i];
            }

            return output;
        }

        public override string ToString() => $"FlipBytes {{ {string.Join(", ", Positions.Zip(Values, (p, v) => $"{p}=0x{v:X2}"))} }}";
    }

    public sealed record Insert(int At, string Text) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var at = Math.Min(At, input.Length);
            return [.. input[..at], .. Encoding.UTF8.GetBytes(Text), .. input[at..]];
        }
    }

    /// <summary>The same text saved another way: other encodings, line endings, compression.</summary>
    public sealed record Reencode(string As) : Mutation
    {
        static Reencode() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public override byte[] Apply(byte[] input)
        {
            var text = Encoding.UTF8.GetString(input);
            return As switch
            {
                "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. input],
                "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
                "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
                "big5" => Encoding.GetEncoding(950).GetBytes(text),
                "crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
                "cr" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal)),
                "gzip" => Gzip(input),
                "latin1-mojibake" => Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(input)),
                _ => input,
            };
        }

        private static byte[] Gzip(byte[] input)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(input);
            }

            return output.ToArray();
        }
    }

    /// <summary>Raw bytes at a position, rounded down to a multiple of <paramref name="Align"/> (2 for UTF-16 code units).</summary>
    public sealed record InsertBytes(int At, byte[] Bytes, int Align = 1) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var at = Math.Min(At, input.Length);
            at -= at % Align;
            return [.. input[..at], .. Bytes, .. input[at..]];
        }

        public override string ToString() => $"InsertBytes {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)}, Align = {Align} }}";
    }

    /// <summary>The <paramref name="Nth"/> date-like text (modulo how many there are) replaced.</summary>
    public sealed partial record ReplaceDate(int Nth, string Replacement) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var text = Encoding.UTF8.GetString(input);
            var matches = DateLike().Matches(text);
            if (matches.Count == 0)
            {
                return input;
            }

            var match = matches[Nth % matches.Count];
            return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, match.Index), Replacement, text.AsSpan(match.Index + match.Length)));
        }

        public override string ToString() => $"ReplaceDate {{ Nth = {Nth}, Replacement = {Visible(Replacement)} }}";

        [GeneratedRegex(@"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]+)?)?(?: ?(?:Z|[+-][0-9]{2}:?[0-9]{2}))?")]
        private static partial Regex DateLike();
    }

    /// <summary>Many front-matter keys after the opening fence (or a front matter made of them), repeated or distinct.</summary>
    public sealed record FrontMatterKeys(int Count, bool Repeated) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var keys = new StringBuilder();
            for (var i = 0; i < Count; i++)
            {
                keys.Append(Repeated ? "key" : $"key{i}").Append(": value ").Append(i).Append('\n');
            }

            var text = Encoding.UTF8.GetString(input);
            var fence = text.StartsWith("---\n", StringComparison.Ordinal) ? 4 : -1;
            return Encoding.UTF8.GetBytes(fence < 0 ? $"---\n{keys}---\n{text}" : text.Insert(fence, keys.ToString()));
        }
    }

    /// <summary>A fragment repeated many times at one position: inline markup, brackets, separators.</summary>
    public sealed record Repeat(int At, string Fragment, int Times) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var at = Math.Min(At, input.Length);
            var fragment = Encoding.UTF8.GetBytes(Fragment);
            var output = new byte[input.Length + (fragment.Length * Times)];
            input.AsSpan(0, at).CopyTo(output);
            for (var i = 0; i < Times; i++)
            {
                fragment.CopyTo(output, at + (i * fragment.Length));
            }

            input.AsSpan(at).CopyTo(output.AsSpan(at + (fragment.Length * Times)));
            return output;
        }

        public override string ToString() => $"Repeat {{ At = {At}, Fragment = {Visible(Fragment)}, Times = {Times} }}";
    }

    /// <summary>Text right after the <paramref name="Nth"/> image (modulo how many); with no image, an image and the text at the body's start.</summary>
    public sealed record AfterImage(int Nth, string Text) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var text = Encoding.UTF8.GetString(input);
            var ends = new List<int>();
            for (var at = text.IndexOf("<img", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("<img", at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = text.IndexOf('>', at);
                if (end > 0)
                {
                    ends.Add(end + 1);
                }
            }

            if (ends.Count == 0)
            {
                var body = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
                var start = body < 0 ? 0 : body + 5;
                return Encoding.UTF8.GetBytes(text.Insert(start, "<img src=\"a.jpg\">" + Text));
            }

            return Encoding.UTF8.GetBytes(text.Insert(ends[Nth % ends.Count], Text));
        }

        public override string ToString() => $"AfterImage {{ Nth = {Nth}, Text = {Visible(Text)} }}";
    }

    /// <summary>Text inserted into the value of a front-matter field (or into the second line, a dump's title, when the field is absent).</summary>
    public sealed record IntoField(string Field, int Offset, string Text) : Mutation
    {
        public override byte[] Apply(byte[] input)
        {
            var text = Encoding.UTF8.GetString(input);
            var key = text.IndexOf("\n" + Field + ":", StringComparison.Ordinal);
            int start;
            int end;
            if (key >= 0)
            {
                start = key + Field.Length + 2;
            }
            else
            {
                start = text.IndexOf('\n') + 1;
            }

            end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var at = start + (Offset % (end - start + 1));
            return Encoding.UTF8.GetBytes(text.Insert(at, Text));
        }

        public override string ToString() => $"IntoField {{ Field = {Field}, Offset = {Offset}, Text = {Visible(Text)} }}";
    }

    /// <summary>The start of this input up to <paramref name="At"/>, then another input from <paramref name="From"/>.</summary>
    public sealed record Splice(string OtherName, byte[] Other, int At, int From) : Mutation
    {
        public override byte[] Apply(byte[] input) => [.. input[..Math.Min(At, input.Length)], .. Other[Math.Min(From, Other.Length)..]];

        public override string ToString() => $"Splice {{ At = {At}, Other = {OtherName}, From = {From} }}";
    }

    /// <summary>Several mutations in a row.</summary>
    public sealed record Chain(Mutation[] Steps) : Mutation
    {
        public override byte[] Apply(byte[] input) => Steps.Aggregate(input, (bytes, step) => step.Apply(bytes));

        public override string ToString() => string.Join(" then ", Steps.Select(s => s.ToString()));
    }

    /// <summary>Control and separator characters written as escapes, so a failing case can be read.</summary>
    private static string Visible(string text)
    {
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        var builder = new StringBuilder();
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) || char.IsSeparator(c) && c != ' ' || char.IsSurrogate(c) || c == '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }
}
