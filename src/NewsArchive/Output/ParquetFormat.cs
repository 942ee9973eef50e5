using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using NewsArchive.Records;
using Parquet;
using Parquet.Schema;

namespace NewsArchive.Output;

/// <summary>
/// Apache Parquet with the record's real types: <c>published</c> as a UTC timestamp, with the offset
/// the source wrote and the calendar date in that offset in columns of their own; lists as lists,
/// <c>dateline</c> as a struct, <c>related</c> and <c>images</c> as lists of structs, and
/// <c>front_matter</c> as JSON text. Records are gathered into row groups of a bounded size, so memory
/// stays flat however many there are. Every definition level is written explicitly, so an empty list
/// reads back as empty and never as a list holding one null.
/// </summary>
internal sealed class ParquetFormat : RecordFormat
{
    /// <summary>A row group holds at most this many records...</summary>
    public const int MaxRowGroupRows = 5_000;

    /// <summary>...and at most about this many characters of text and paragraphs.</summary>
    public const long MaxRowGroupChars = 4L * 1024 * 1024;

    private static readonly DataField<string> Id = new("id", false);
    private static readonly DataField<string> Source = new("source", false);
    private static readonly DataField<string> Format = new("format", false);
    private static readonly DataField<string> Path = new("path", false);
    private static readonly DataField<string> Url = new("url", true);
    private static readonly DataField<string> Title = new("title", false);
    /// <summary>
    /// Milliseconds, not microseconds: Parquet.Net 6.1 writes a microsecond column's min/max statistics
    /// in milliseconds, and readers that prune by statistics (DuckDB) then drop rows a filter keeps.
    /// </summary>
    private static readonly DateTimeDataField Published = new("published", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true);
    private static readonly DataField<int?> PublishedOffset = new("published_offset_minutes", true);
    private static readonly DataField<DateOnly?> PublishedDate = new("published_date", true);
    private static readonly DataField<string> Agency = new("agency", true);
    private static readonly DataField<string> DatelineLocation = new("location", true);
    private static readonly DataField<int?> DatelineDay = new("day", true);
    private static readonly DataField<string> DatelineKind = new("kind", true);
    private static readonly StructField Dateline = new("dateline", DatelineLocation, DatelineDay, DatelineKind);
    private static readonly ListField Authors = StringList("authors");
    private static readonly ListField Editors = StringList("editors");
    private static readonly ListField Translators = StringList("translators");
    private static readonly ListField Paragraphs = StringList("paragraphs");
    private static readonly DataField<string> Text = new("text", false);
    private static readonly ListField Tags = StringList("tags");
    private static readonly DataField<string> RelatedTitle = new("title", false);
    private static readonly DataField<string> RelatedUrl = new("url", true);
    private static readonly ListField Related = new("related", new StructField("element", RelatedTitle, RelatedUrl));
    private static readonly DataField<string> ImageUrl = new("url", true);
    private static readonly DataField<string> ImageCaption = new("caption", true);
    private static readonly ListField Images = new("images", new StructField("element", ImageUrl, ImageCaption));
    private static readonly DataField<string> FrontMatter = new("front_matter", true);
    private static readonly ListField Warnings = StringList("warnings");
    private static readonly DataField<string> Member = new("member", true);

    /// <summary>The capture time, an instant in UTC, in milliseconds as <see cref="Published"/> is.</summary>
    private static readonly DateTimeDataField Fetched = new("fetched", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true);

    /// <summary>The columns, in the record's order; the three <c>published</c> columns where it has one.</summary>
    internal static readonly ParquetSchema Schema = new(
        Id, Source, Format, Path, Url, Title, Published, PublishedOffset, PublishedDate, Agency, Dateline,
        Authors, Editors, Translators, Paragraphs, Text, Tags, Related, Images, FrontMatter, Warnings, Member, Fetched);

    public override string Name => "parquet";

    public override string Description => "Apache Parquet, typed columns";

    public override bool IsBinary => true;

    public override bool EncodesEachRecord => false;

    internal override RecordEncoder CreateEncoder() => new NoEncoder();

    internal override RecordSink CreateSink(Stream output) => new Sink(output);

    /// <summary><c>published</c> as the three typed columns hold it, and what the columns leave out, if anything.</summary>
    internal readonly record struct PublishedColumns(DateTime? Utc, int? OffsetMinutes, DateOnly? Date, string? Note);

    /// <summary>
    /// <c>published</c> as typed values: a timestamp with an offset gives its UTC instant, the offset in
    /// minutes and the date in that offset; a date alone, or a clock time with no offset (which names no
    /// instant), gives the date only; anything else nothing. A value the columns cannot hold whole comes
    /// with a note for the row's warnings.
    /// </summary>
    internal static PublishedColumns ReadPublished(string? published)
    {
        if (published is null)
        {
            return default;
        }

        if (!RecordTime.TryParse(published, out var time))
        {
            return new PublishedColumns(null, null, null, $"published \"{published}\" is not an ISO 8601 date or time; the published columns are empty");
        }

        if (time.Instant is { } instant)
        {
            var note = instant.UtcTicks % TimeSpan.TicksPerMillisecond != 0
                ? $"published \"{published}\" is finer than a millisecond; the published column keeps milliseconds"
                : null;
            return new PublishedColumns(instant.UtcDateTime, (int)instant.Offset.TotalMinutes, DateOnly.FromDateTime(instant.DateTime), note);
        }

        return time.DateOnly
            ? new PublishedColumns(null, null, DateOnly.FromDateTime(time.Local), null)
            : new PublishedColumns(null, null, DateOnly.FromDateTime(time.Local), $"published \"{published}\" has no offset, so no instant: only published_date is set");
    }

    /// <summary>
    /// Whether any string of the record holds half a surrogate pair, which UTF-8 cannot encode (the
    /// front matter is JSON text, where one is written escaped).
    /// </summary>
    internal static bool HasLoneSurrogate(ArticleRecord record)
    {
        static bool Lone(string? text)
        {
            if (text is null)
            {
                return false;
            }

            var rest = text.AsSpan();
            for (var at = rest.IndexOfAnyInRange('\uD800', '\uDFFF'); at >= 0; at = rest.IndexOfAnyInRange('\uD800', '\uDFFF'))
            {
                if (!char.IsHighSurrogate(rest[at]) || at + 1 >= rest.Length || !char.IsLowSurrogate(rest[at + 1]))
                {
                    return true;
                }

                rest = rest[(at + 2)..];
            }

            return false;
        }

        return Lone(record.Id) || Lone(record.Source) || Lone(record.Format) || Lone(record.Path) || Lone(record.Url)
            || Lone(record.Title) || Lone(record.Published) || Lone(record.Agency) || Lone(record.Text)
            || Lone(record.Dateline?.Location) || Lone(record.Dateline?.Kind)
            || record.Authors.Any(Lone) || record.Editors.Any(Lone) || record.Translators.Any(Lone)
            || record.Paragraphs.Any(Lone) || record.Tags.Any(Lone) || record.Warnings.Any(Lone)
            || record.Related.Any(r => Lone(r.Title) || Lone(r.Url)) || record.Images.Any(m => Lone(m.Url) || Lone(m.Caption));
    }

    /// <summary>The front matter as the JSON text of its column.</summary>
    private static string FrontMatterText(Records.FrontMatter frontMatter)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LiteralJsonEncoder.Instance, SkipValidation = true }))
        {
            FrontMatterJsonWriter.WriteEntries(writer, frontMatter.Entries);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ListField StringList(string name) => new(name, new DataField<string>("element", false));

    /// <summary>Parquet is columnar: its sink takes whole records, so there is nothing to encode one by one.</summary>
    private sealed class NoEncoder : RecordEncoder
    {
        public override void Encode(ArticleRecord record, IBufferWriter<byte> output) =>
            throw new NotSupportedException("Parquet records are written by the sink, a row group at a time");

        public override void Encode(ArticleRecord record, Stream output) =>
            throw new NotSupportedException("Parquet records are written by the sink, a row group at a time");
    }

    /// <summary>
    /// Gathers records into row groups on the writer thread and encodes each full group on a thread of
    /// its own while the next one fills, one group at a time, in order. A failure of that encoding
    /// (the output's) is thrown by the next call, as if it had happened there.
    /// </summary>
    private sealed class Sink(Stream output) : RecordSink
    {
        private List<ArticleRecord> rows = [];
        private long rowChars;
        private ParquetWriter? writer;
        private Task? encoding;
        private bool completed;

        public override void Append(ReadOnlySpan<byte> encodedRecord) =>
            throw new NotSupportedException("Parquet takes whole records");

        public override void Append(ArticleRecord record, RecordEncoder encoder)
        {
            ObjectDisposedException.ThrowIf(completed, this);
            rows.Add(record);
            rowChars += record.Text.Length * 2L;
            Count++;
            if (rows.Count >= MaxRowGroupRows || rowChars >= MaxRowGroupChars)
            {
                WaitForEncoding();
                var group = rows;
                rows = [];
                rowChars = 0;
                encoding = Task.Run(() => WriteRowGroup(group));
            }
        }

        public override void Complete()
        {
            if (completed)
            {
                return;
            }

            WaitForEncoding();
            if (rows.Count > 0)
            {
                WriteRowGroup(rows);
                rows = [];
            }

            // An empty run still gives a file with the schema and no row groups.
            Writer().DisposeAsync().AsTask().GetAwaiter().GetResult();
            writer = null;
            output.Flush();
            completed = true;
        }

        /// <summary>Lets go of a writer that was never completed (a run that failed); its file is not used.</summary>
        protected override void Dispose(bool disposing)
        {
            if (!disposing)
            {
                return;
            }

            try
            {
                WaitForEncoding();
                writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (IOException)
            {
                // The output already failed; the failure was reported where it happened.
            }

            writer = null;
        }

        /// <summary>Waits for the group being encoded, and throws what its encoding threw.</summary>
        private void WaitForEncoding()
        {
            var pending = encoding;
            encoding = null;
            pending?.GetAwaiter().GetResult();
        }

        private ParquetWriter Writer() =>
            writer ??= ParquetWriter.CreateAsync(Schema, output, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).GetAwaiter().GetResult();

        private void WriteRowGroup(List<ArticleRecord> group)
        {
            using var rowGroup = Writer().CreateRowGroup();
            new RowGroupColumns(rowGroup, group).WriteAll();
            rowGroup.CompleteValidate();
        }
    }

    /// <summary>One row group's columns, each with its definition and repetition levels.</summary>
    private sealed class RowGroupColumns(ParquetRowGroupWriter group, List<ArticleRecord> rows)
    {
        private readonly List<int> definitions = new(rows.Count);
        private readonly List<int> repetitions = new(rows.Count);

        public void WriteAll()
        {
            var published = new (DateTime? Utc, int? Offset, DateOnly? Date)[rows.Count];
            var fetched = new DateTime?[rows.Count];
            var warnings = new ImmutableArray<string>[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var record = rows[i];
                warnings[i] = record.Warnings;
                if (record.Fetched is { } capture)
                {
                    if (RecordTime.TryParse(capture, out var time) && time.Instant is { } instant)
                    {
                        fetched[i] = instant.UtcDateTime;
                        if (instant.UtcTicks % TimeSpan.TicksPerMillisecond != 0)
                        {
                            warnings[i] = warnings[i].Add("fetched is finer than a millisecond; the fetched column is cut to milliseconds");
                        }
                    }
                    else
                    {
                        warnings[i] = warnings[i].Add($"fetched \"{capture}\" is not an ISO 8601 instant; the fetched column is empty");
                    }
                }

                var columns = ReadPublished(record.Published);
                published[i] = (columns.Utc, columns.OffsetMinutes, columns.Date);
                if (columns.Note is { } note)
                {
                    // Not lost: the row says so, and the JSON outputs keep the text as it was.
                    warnings[i] = warnings[i].Add(note);
                }

                if (HasLoneSurrogate(record))
                {
                    // Parquet strings are UTF-8, which cannot hold half a surrogate pair.
                    warnings[i] = warnings[i].Add("a lone surrogate (half of a UTF-16 pair) is written as U+FFFD");
                }
            }

            Required(Id, r => r.Id);
            Required(Source, r => r.Source);
            Required(Format, r => r.Format);
            Required(Path, r => r.Path);
            Optional(Url, parentLevel: 0, r => (true, r.Url));
            Required(Title, r => r.Title);
            Scalars(Published, published, p => p.Utc);
            Scalars(PublishedOffset, published, p => p.Offset);
            Scalars(PublishedDate, published, p => p.Date);
            Optional(Agency, parentLevel: 0, r => (true, r.Agency));
            Optional(DatelineLocation, Dateline.MaxDefinitionLevel, r => (r.Dateline is not null, r.Dateline?.Location));
            DatelineDays();
            Optional(DatelineKind, Dateline.MaxDefinitionLevel, r => (r.Dateline is not null, r.Dateline?.Kind));
            Strings(Authors, r => r.Authors);
            Strings(Editors, r => r.Editors);
            Strings(Translators, r => r.Translators);
            Strings(Paragraphs, r => r.Paragraphs);
            Required(Text, r => r.Text);
            Strings(Tags, r => r.Tags);
            StructLeaves(Related, RelatedTitle, r => r.Related, link => link.Title);
            StructLeaves(Related, RelatedUrl, r => r.Related, link => link.Url);
            StructLeaves(Images, ImageUrl, r => r.Images, image => image.Url);
            StructLeaves(Images, ImageCaption, r => r.Images, image => image.Caption);
            Optional(FrontMatter, parentLevel: 0, r => (true, r.FrontMatter is { } frontMatter ? FrontMatterText(frontMatter) : null));
            var index = 0;
            Strings(Warnings, _ => warnings[index++]);
            Optional(Member, parentLevel: 0, r => (true, r.Member));
            Scalars(Fetched, fetched, f => f);
        }

        private void Required(DataField<string> field, Func<ArticleRecord, string> value)
        {
            var values = new ReadOnlyMemory<char>[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                values[i] = value(rows[i]).AsMemory();
            }

            // Written through the library's own path for plain string columns, which counts the rows.
            group.WriteAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>>(values), null, null, CancellationToken.None).GetAwaiter().GetResult();
        }

        /// <summary>A nullable string whose parent group (a struct, or the row at level 0) may itself be absent.</summary>
        private void Optional(DataField<string> field, int parentLevel, Func<ArticleRecord, (bool ParentPresent, string? Value)> value)
        {
            var values = new List<ReadOnlyMemory<char>>(rows.Count);
            definitions.Clear();
            foreach (var record in rows)
            {
                var (present, text) = value(record);
                if (text is not null)
                {
                    values.Add(text.AsMemory());
                    definitions.Add(field.MaxDefinitionLevel);
                }
                else
                {
                    definitions.Add(present ? parentLevel : parentLevel - 1);
                }
            }

            Write(field, values.ToArray(), withDefinitions: true, withRepetitions: false);
        }

        private void DatelineDays()
        {
            var values = new List<int>(rows.Count);
            definitions.Clear();
            foreach (var record in rows)
            {
                if (record.Dateline?.Day is { } day)
                {
                    values.Add(day);
                    definitions.Add(DatelineDay.MaxDefinitionLevel);
                }
                else
                {
                    definitions.Add(record.Dateline is null ? Dateline.MaxDefinitionLevel - 1 : Dateline.MaxDefinitionLevel);
                }
            }

            Write(DatelineDay, values.ToArray(), withDefinitions: true, withRepetitions: false);
        }

        private void Scalars<TItem, T>(DataField field, TItem[] items, Func<TItem, T?> value)
            where T : struct
        {
            var values = new List<T>(rows.Count);
            definitions.Clear();
            foreach (var item in items)
            {
                if (value(item) is { } present)
                {
                    values.Add(present);
                    definitions.Add(field.MaxDefinitionLevel);
                }
                else
                {
                    definitions.Add(0);
                }
            }

            Write(field, values.ToArray(), withDefinitions: true, withRepetitions: false);
        }

        /// <summary>A list of strings, never null ones.</summary>
        private void Strings(ListField list, Func<ArticleRecord, ImmutableArray<string>> items) =>
            ListLeaves(list, (DataField)list.Item, items, item => item, nullLevel: 0);

        /// <summary>One field of a list of structs; the struct is always there, the field may be null.</summary>
        private void StructLeaves<TItem>(ListField list, DataField<string> leaf, Func<ArticleRecord, ImmutableArray<TItem>> items, Func<TItem, string?> value) =>
            ListLeaves(list, leaf, items, value, nullLevel: ((StructField)list.Item).MaxDefinitionLevel);

        /// <summary>
        /// A leaf column under a list: an empty list is the list's level less one (never a list holding
        /// one null), a value the leaf's level, a null value <paramref name="nullLevel"/>; the first
        /// entry of each row repeats at level 0, the rest at the leaf's.
        /// </summary>
        private void ListLeaves<TItem>(ListField list, DataField leaf, Func<ArticleRecord, ImmutableArray<TItem>> items, Func<TItem, string?> value, int nullLevel)
        {
            var values = new List<ReadOnlyMemory<char>>(rows.Count);
            definitions.Clear();
            repetitions.Clear();
            foreach (var record in rows)
            {
                var entries = items(record);
                if (entries.IsEmpty)
                {
                    definitions.Add(list.MaxDefinitionLevel - 1);
                    repetitions.Add(0);
                    continue;
                }

                for (var i = 0; i < entries.Length; i++)
                {
                    repetitions.Add(i == 0 ? 0 : leaf.MaxRepetitionLevel);
                    if (value(entries[i]) is { } text)
                    {
                        values.Add(text.AsMemory());
                        definitions.Add(leaf.MaxDefinitionLevel);
                    }
                    else
                    {
                        definitions.Add(nullLevel);
                    }
                }
            }

            Write(leaf, values.ToArray(), withDefinitions: true, withRepetitions: true);
        }

        private void Write<T>(DataField field, T[] values, bool withDefinitions, bool withRepetitions)
            where T : struct
        {
            ReadOnlyMemory<int>? definitionLevels = withDefinitions ? definitions.ToArray() : null;
            ReadOnlyMemory<int>? repetitionLevels = withRepetitions ? repetitions.ToArray() : null;
            group.WriteAllPartsAsync(field, new ReadOnlyMemory<T>(values), definitionLevels, repetitionLevels, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
