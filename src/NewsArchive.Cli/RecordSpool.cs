using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NewsArchive.Extraction;
using NewsArchive.Records;

namespace NewsArchive.Cli;

/// <summary>
/// Where a run that learns its archive's template keeps its records between learning and writing:
/// in input order, each record in a compact binary form (strings as their UTF-16 code units, so
/// nothing, not even half a surrogate pair, changes on the way). Up to <see cref="MemoryLimit"/> bytes
/// it stays in memory; past that it moves to a temporary file that is deleted when the spool is
/// disposed (or the process ends), so memory stays flat however large the archive is.
/// </summary>
internal sealed class RecordSpool : IDisposable
{
    /// <summary>How much of a spool stays in memory before it moves to a temporary file.</summary>
    public const int MemoryLimit = 16 * 1024 * 1024;

    private readonly EntrySpool entries = new(MemoryLimit);

    /// <summary>The temporary file the spool moved to, or null while it is in memory.</summary>
    public string? FilePath => entries.FilePath;

    /// <summary>Why the spool stayed in memory past its limit, or null.</summary>
    public string? FileError => entries.SpoolError;

    public int Count => entries.Count;

    /// <summary>The bytes of one entry: a record and the name of its <c>--output-dir --keep-dirs</c> file (or null).</summary>
    public static void Encode(ArticleRecord record, string? keptTarget, IBufferWriter<byte> output)
    {
        var writer = new EntryWriter(output);
        writer.String(keptTarget);
        writer.String(record.Id);
        writer.String(record.Source);
        writer.String(record.Format);
        writer.String(record.Path);
        writer.String(record.Url);
        writer.String(record.Title);
        writer.String(record.Published);
        writer.String(record.Agency);
        writer.Bool(record.Dateline is not null);
        if (record.Dateline is { } dateline)
        {
            writer.String(dateline.Location);
            writer.Int(dateline.Day ?? -1);
            writer.String(dateline.Kind);
        }

        writer.Strings(record.Authors);
        writer.Strings(record.Editors);
        writer.Strings(record.Translators);
        writer.Strings(record.Paragraphs);
        writer.Strings(record.Tags);
        writer.Int(record.Related.Length);
        foreach (var link in record.Related)
        {
            writer.String(link.Title);
            writer.String(link.Url);
        }

        writer.Int(record.Images.Length);
        foreach (var image in record.Images)
        {
            writer.String(image.Url);
            writer.String(image.Caption);
        }

        writer.Bool(record.FrontMatter is not null);
        if (record.FrontMatter is { } frontMatter)
        {
            writer.Entries(frontMatter.Entries);
        }

        writer.Strings(record.Warnings);
        writer.String(record.Member);
        writer.String(record.Fetched);
    }

    /// <summary>Appends an entry <see cref="Encode"/> made.</summary>
    public void Append(ReadOnlySpan<byte> entry) => entries.Append(entry);

    /// <summary>The entries, in the order they were appended: each record and its kept target.</summary>
    public IEnumerable<(ArticleRecord Record, string? KeptTarget)> Read() => entries.Read().Select(entry => Decode(entry));

    public void Dispose() => entries.Dispose();

    private static (ArticleRecord Record, string? KeptTarget) Decode(ReadOnlySpan<byte> entry)
    {
        var reader = new EntryReader(entry);
        var kept = reader.String();
        var id = reader.String()!;
        var source = reader.String()!;
        var format = reader.String()!;
        var path = reader.String()!;
        var url = reader.String();
        var title = reader.String()!;
        var published = reader.String();
        var agency = reader.String();
        Dateline? dateline = null;
        if (reader.Bool())
        {
            var location = reader.String();
            var day = reader.Int();
            dateline = new Dateline(location, day < 0 ? null : day, reader.String());
        }

        var authors = reader.Strings();
        var editors = reader.Strings();
        var translators = reader.Strings();
        var paragraphs = reader.Strings();
        var tags = reader.Strings();
        var related = ImmutableArray.CreateBuilder<RelatedLink>(reader.Int());
        for (var i = 0; i < related.Capacity; i++)
        {
            related.Add(new RelatedLink(reader.String()!, reader.String()));
        }

        var images = ImmutableArray.CreateBuilder<ArticleImage>(reader.Int());
        for (var i = 0; i < images.Capacity; i++)
        {
            images.Add(new ArticleImage(reader.String(), reader.String()));
        }

        var frontMatter = reader.Bool() ? new FrontMatter(reader.Entries()) : null;
        var warnings = reader.Strings();
        var member = reader.String();
        var fetched = reader.String();
        var record = new ArticleRecord
        {
            Id = id,
            Source = source,
            Format = format,
            Path = path,
            Url = url,
            Title = title,
            Published = published,
            Agency = agency,
            Dateline = dateline,
            Authors = authors,
            Editors = editors,
            Translators = translators,
            Paragraphs = paragraphs,
            Text = string.Join('\n', paragraphs.AsSpan()),
            Tags = tags,
            Related = related.MoveToImmutable(),
            Images = images.MoveToImmutable(),
            FrontMatter = frontMatter,
            Warnings = warnings,
            Member = member,
            Fetched = fetched,
        };
        return (record, kept);
    }

    private readonly ref struct EntryWriter(IBufferWriter<byte> output)
    {
        private readonly IBufferWriter<byte> output = output;

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
            output.Advance(4);
        }

        public void Bool(bool value) => Int(value ? 1 : 0);

        public void String(string? value)
        {
            if (value is null)
            {
                Int(-1);
                return;
            }

            Int(value.Length);
            var bytes = MemoryMarshal.AsBytes(value.AsSpan());
            bytes.CopyTo(output.GetSpan(bytes.Length));
            output.Advance(bytes.Length);
        }

        public void Strings(ImmutableArray<string> values)
        {
            Int(values.IsDefault ? 0 : values.Length);
            foreach (var value in values.IsDefault ? [] : values)
            {
                String(value);
            }
        }

        public void Entries(ImmutableArray<KeyValuePair<string, FrontMatterValue>> entries)
        {
            Int(entries.Length);
            foreach (var (key, value) in entries)
            {
                String(key);
                Value(value);
            }
        }

        // Front matter nests at most a few levels (FrontMatterParser reads a deeper one line by line).
        private void Value(FrontMatterValue value)
        {
            switch (value)
            {
                case FrontMatterValue.Scalar scalar:
                    Int(0);
                    String(scalar.Value);
                    break;
                case FrontMatterValue.Sequence sequence:
                    Int(1);
                    Int(sequence.Items.Length);
                    foreach (var item in sequence.Items)
                    {
                        Value(item);
                    }

                    break;
                case FrontMatterValue.Mapping mapping:
                    Int(2);
                    Entries(mapping.Entries);
                    break;
            }
        }
    }

    private ref struct EntryReader(ReadOnlySpan<byte> entry)
    {
        private readonly ReadOnlySpan<byte> entry = entry;
        private int position;

        public int Int()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(entry[position..]);
            position += 4;
            return value;
        }

        public bool Bool() => Int() != 0;

        public string? String()
        {
            var length = Int();
            if (length < 0)
            {
                return null;
            }

            var chars = MemoryMarshal.Cast<byte, char>(entry.Slice(position, length * 2));
            position += length * 2;
            return new string(chars);
        }

        public ImmutableArray<string> Strings()
        {
            var count = Int();
            var values = ImmutableArray.CreateBuilder<string>(count);
            for (var i = 0; i < count; i++)
            {
                values.Add(String()!);
            }

            return values.MoveToImmutable();
        }

        public ImmutableArray<KeyValuePair<string, FrontMatterValue>> Entries()
        {
            var count = Int();
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, FrontMatterValue>>(count);
            for (var i = 0; i < count; i++)
            {
                var key = String()!;
                entries.Add(new(key, Value()));
            }

            return entries.MoveToImmutable();
        }

        private FrontMatterValue Value()
        {
            switch (Int())
            {
                case 0:
                    return new FrontMatterValue.Scalar(String()!);
                case 1:
                    var count = Int();
                    var items = ImmutableArray.CreateBuilder<FrontMatterValue>(count);
                    for (var i = 0; i < count; i++)
                    {
                        items.Add(Value());
                    }

                    return new FrontMatterValue.Sequence(items.MoveToImmutable());
                default:
                    return new FrontMatterValue.Mapping(Entries());
            }
        }
    }
}
