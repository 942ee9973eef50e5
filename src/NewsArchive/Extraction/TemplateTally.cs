using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace NewsArchive.Extraction;

/// <summary>
/// Counts what a template takes out of each source's records without holding the records: each
/// record's source and the keys of its lines are spooled (<see cref="EntrySpool"/>, 8 bytes a line),
/// and <see cref="Count"/> reads them back once the template is known.
/// </summary>
internal sealed class TemplateTally(int memoryLimit = TemplateTally.DefaultMemoryLimit) : IDisposable
{
    /// <summary>How much of the spooled keys stays in memory before they move to a temporary file.</summary>
    public const int DefaultMemoryLimit = 16 * 1024 * 1024;

    private readonly EntrySpool spool = new(memoryLimit);
    private readonly Dictionary<string, int> sourceIds = new(StringComparer.Ordinal);
    private readonly List<string> sourceNames = [];
    private readonly ArrayBufferWriter<byte> buffer = new();

    /// <summary>Spools one record's sample (<see cref="TemplateLearner.Sample"/>).</summary>
    public void Add(TemplateSample sample)
    {
        if (!sourceIds.TryGetValue(sample.Source, out var id))
        {
            sourceIds[sample.Source] = id = sourceNames.Count;
            sourceNames.Add(sample.Source);
        }

        buffer.ResetWrittenCount();
        var span = buffer.GetSpan(4 * sizeof(int) + 8 * (sample.Paragraphs.Length + sample.Images.Length + sample.Related.Length));
        BinaryPrimitives.WriteInt32LittleEndian(span, id);
        var at = sizeof(int);
        foreach (var values in new[] { sample.Paragraphs, sample.Images, sample.Related })
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], values.Length);
            at += sizeof(int);
            foreach (var value in values)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(span[at..], value.Key);
                at += sizeof(ulong);
            }
        }

        buffer.Advance(at);
        spool.Append(buffer.WrittenSpan);
    }

    /// <summary>Per source, what <paramref name="template"/> takes out of the records spooled.</summary>
    public ImmutableDictionary<string, TemplateTotals> Count(ArchiveTemplate template)
    {
        var keys = template.Sources.ToFrozenDictionary(
            s => s.Source,
            s => (Paragraphs: s.Paragraphs.ToFrozenDictionary(e => TemplateLearner.Key(e.Value), e => e.Chars), Images: Keys(s.Images), Related: Keys(s.Related)),
            StringComparer.Ordinal);
        var totals = new TemplateTotals[sourceNames.Count];
        foreach (var entry in spool.Read())
        {
            ReadOnlySpan<byte> span = entry;
            var id = BinaryPrimitives.ReadInt32LittleEndian(span);
            if (!keys.TryGetValue(sourceNames[id], out var source))
            {
                continue;
            }

            var at = sizeof(int);
            long lines = 0, chars = 0, images = 0, related = 0;
            for (var kind = 0; kind < 3; kind++)
            {
                var count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
                at += sizeof(int);
                for (var i = 0; i < count; i++, at += sizeof(ulong))
                {
                    var key = BinaryPrimitives.ReadUInt64LittleEndian(span[at..]);
                    switch (kind)
                    {
                        case 0 when source.Paragraphs.TryGetValue(key, out var visible):
                            lines++;
                            chars += visible;
                            break;
                        case 1 when source.Images.Contains(key):
                            images++;
                            break;
                        case 2 when source.Related.Contains(key):
                            related++;
                            break;
                    }
                }
            }

            var total = totals[id];
            totals[id] = lines + images + related == 0 ? total : new TemplateTotals(total.Records + 1, total.Lines + lines, total.Images + images, total.Related + related, total.Chars + chars);
        }

        return sourceNames.Select((name, id) => KeyValuePair.Create(name, totals[id])).ToImmutableDictionary(StringComparer.Ordinal);
    }

    public void Dispose() => spool.Dispose();

    private static FrozenSet<ulong> Keys(ImmutableArray<TemplateEntry> entries) => entries.Select(e => TemplateLearner.Key(e.Value)).ToFrozenSet();
}

/// <summary>What a template took out of one source's records: from how many records, how many lines (each once per record), images and related links, and the lines' visible characters.</summary>
internal readonly record struct TemplateTotals(int Records, long Lines, long Images, long Related, long Chars);
