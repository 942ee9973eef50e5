using System.IO.Compression;
using System.Text;

namespace NewsArchive.Tests.Properties;

/// <summary>One change to a sample file's bytes, described so a failing case can be read and replayed.</summary>
public abstract record Mutation
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

    /// <summary>Several mutations in a row.</summary>
    public sealed record Chain(Mutation[] Steps) : Mutation
    {
        public override byte[] Apply(byte[] input) => Steps.Aggregate(input, (bytes, step) => step.Apply(bytes));

        public override string ToString() => string.Join(" then ", Steps.Select(s => s.ToString()));
    }
}
