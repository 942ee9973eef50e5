using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NewsArchive.Output;
using NewsArchive.Records;
using NewsArchive.Testing;
using Parquet;

namespace NewsArchive.Tests;

/// <summary>
/// <c>--format parquet</c> read back the way its users read it: DuckDB gives every column its type and
/// the same values as JSON Lines, record by record; Parquet.Net sees empty lists as empty.
/// </summary>
public sealed class ParquetFormatTests
{
    [Fact]
    public void EveryCaseAndEdgeRecord_ReadByDuckDb_MatchesJsonLines()
    {
        var records = GoldenCase.RecordNames.Select(n => GoldenCase.Get((string)n[0]).ParseRecord()).Concat(EdgeRecords()).ToList();
        Assert.True(records.Count > 40, "the cases are all there");
        AssertDuckDbReadsWhatJsonLinesSays(records);
    }

    /// <summary>
    /// Writes <paramref name="records"/> as Parquet and as JSON Lines, and holds DuckDB's reading of the
    /// Parquet to the JSON Lines, record by record and field by field. What Parquet cannot hold (half a
    /// surrogate pair, a time finer than a millisecond) must be changed only as its row's warnings say.
    /// </summary>
    internal static void AssertDuckDbReadsWhatJsonLinesSays(IReadOnlyList<ArticleRecord> records)
    {
        using var file = new TempFile();
        Write(file.Path, records, RecordFormat.Parquet);
        var jsonLines = Write(records, RecordFormat.JsonLines).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var rows = DuckDbRows(file.Path);
        Assert.Equal(records.Count, jsonLines.Count);
        Assert.Equal(jsonLines.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            AssertSameRecord(records[i], jsonLines[i], rows[i]);
        }
    }

    [Fact]
    public void DuckDb_TypesEveryColumn()
    {
        using var file = new TempFile();
        Write(file.Path, EdgeRecords(), RecordFormat.Parquet);
        var types = Query($"DESCRIBE SELECT * FROM '{file.Path}'").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["published"]);
        Assert.Equal("INTEGER", types["published_offset_minutes"]);
        Assert.Equal("DATE", types["published_date"]);
        Assert.Equal("STRUCT(\"location\" VARCHAR, \"day\" INTEGER, kind VARCHAR)", types["dateline"]);
        foreach (var list in new[] { "authors", "editors", "translators", "paragraphs", "tags", "warnings" })
        {
            Assert.Equal("VARCHAR[]", types[list]);
        }

        Assert.Equal("STRUCT(title VARCHAR, url VARCHAR)[]", types["related"]);
        Assert.Equal("STRUCT(url VARCHAR, caption VARCHAR)[]", types["images"]);
        Assert.Equal("VARCHAR", types["front_matter"]);
        Assert.Equal("VARCHAR", types["member"]);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["fetched"]);
        Assert.Equal(
            ["id", "source", "format", "path", "url", "title", "published", "published_offset_minutes", "published_date", "agency", "dateline",
             "authors", "editors", "translators", "paragraphs", "text", "tags", "related", "images", "front_matter", "warnings", "member", "fetched"],
            types.Keys);
    }

    /// <summary>Readers skip row groups by their statistics: a column's min and max must be its values'.</summary>
    [Theory]
    [InlineData("published")]
    [InlineData("published_offset_minutes")]
    [InlineData("published_date")]
    [InlineData("id")]
    public void Statistics_AreTheColumnsMinimumAndMaximum(string column)
    {
        using var file = new TempFile();
        Write(file.Path, EdgeRecords(), RecordFormat.Parquet);
        var stats = Query($"SELECT stats_min_value, stats_max_value FROM parquet_metadata('{file.Path}') WHERE path_in_schema = '{column}'").Single();
        var values = Query($"SELECT min({column})::VARCHAR, max({column})::VARCHAR FROM '{file.Path}'").Single();
        Assert.Equal(values, stats);

        // And a filter on the column keeps what it should.
        var kept = Query($"SELECT count(*) FROM '{file.Path}' WHERE {column} >= (SELECT min({column}) FROM '{file.Path}')").Single()[0];
        var present = Query($"SELECT count({column}) FROM '{file.Path}'").Single()[0];
        Assert.Equal(present, kept);
    }

    [Fact]
    public async Task EmptyLists_ReadBackEmpty_NotAsOneNull()
    {
        using var file = new TempFile();
        var edge = EdgeRecords();
        Write(file.Path, edge, RecordFormat.Parquet);
        var rows = Query($"SELECT len(authors), len(related), len(images), len(warnings), authors = [] FROM '{file.Path}' WHERE id = 'x:empty'");
        Assert.Equal([0L, 0L, 0L, 0L, true], rows.Single().Select(v => v is ulong u ? (long)u : v));

        // The same through Parquet.Net's column reader: the lists rebuilt from the levels are the records' lists.
        await using var stream = File.OpenRead(file.Path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var authors = reader.Schema.GetDataFields().Single(f => f.Path.ToString() == "authors/list/element");
        using var group = reader.OpenRowGroupReader(0);
        using var raw = await group.ReadRawColumnDataBaseAsync(authors, CancellationToken.None);
        var column = Assert.IsType<Parquet.Data.RawColumnData<ReadOnlyMemory<char>>>(raw);
        var values = column.Values.ToArray().Select(v => v.ToString()).ToList();
        var definitions = column.DefinitionLevels.ToArray();
        var repetitions = column.RepetitionLevels.ToArray();
        var lists = new List<List<string>>();
        for (int i = 0, next = 0; i < definitions.Length; i++)
        {
            if (repetitions[i] == 0)
            {
                lists.Add([]);
            }

            if (definitions[i] == authors.MaxDefinitionLevel)
            {
                lists[^1].Add(values[next++]);
            }
            else
            {
                Assert.Equal(1, definitions[i]);
            }
        }

        Assert.Equal(edge.Select(r => r.Authors.ToList()), lists);
    }

    [Fact]
    public async Task RowGroups_AreBounded()
    {
        var small = EdgeRecords()[0];
        var records = Enumerable.Range(0, (2 * ParquetFormat.MaxRowGroupRows) + 1).Select(i => small with { Id = $"x:{i}" }).ToList();
        using var file = new TempFile();
        Write(file.Path, records, RecordFormat.Parquet);
        await using var stream = File.OpenRead(file.Path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(3, reader.RowGroupCount);
        Assert.Equal(records.Count, Convert.ToInt32(Query($"SELECT count(*) FROM '{file.Path}'").Single()[0], CultureInfo.InvariantCulture));

        // A few huge texts close a row group by size long before its row count.
        var huge = small with { Text = new string('字', (int)(ParquetFormat.MaxRowGroupChars / 4)) };
        using var hugeFile = new TempFile();
        Write(hugeFile.Path, Enumerable.Repeat(huge, 5), RecordFormat.Parquet);
        await using var hugeStream = File.OpenRead(hugeFile.Path);
        await using var hugeReader = await ParquetReader.CreateAsync(hugeStream);
        Assert.Equal(3, hugeReader.RowGroupCount);
    }

    [Fact]
    public void NoRecords_AFileWithTheSchemaAndNoRows()
    {
        using var file = new TempFile();
        Write(file.Path, [], RecordFormat.Parquet);
        Assert.Equal(0L, Convert.ToInt64(Query($"SELECT count(*) FROM '{file.Path}'").Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal(23, Query($"DESCRIBE SELECT * FROM '{file.Path}'").Count);
    }

    [Theory]
    [InlineData("2022-12-20T02:04:03+08:00", "2022-12-19T18:04:03", 480, "2022-12-20", false)]
    [InlineData("2022-12-19T18:04:03Z", "2022-12-19T18:04:03", 0, "2022-12-19", false)]
    [InlineData("2022-12-19T20:30:00.250-05:00", "2022-12-20T01:30:00.25", -300, "2022-12-19", false)]
    [InlineData("2025-08-23", null, null, "2025-08-23", false)]
    [InlineData("2024-12-09T11:00:00", null, null, "2024-12-09", true)] // no offset: no instant, the date is still known
    [InlineData("yesterday", null, null, null, true)]
    [InlineData("2022-02-30", null, null, null, true)]
    public void Published_TypedValues(string published, string? utc, int? offset, string? date, bool noted)
    {
        var columns = ParquetFormat.ReadPublished(published);
        Assert.Equal(utc is null ? null : DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), columns.Utc);
        Assert.Equal(DateTimeKind.Utc, columns.Utc?.Kind ?? DateTimeKind.Utc);
        Assert.Equal(offset, columns.OffsetMinutes);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, CultureInfo.InvariantCulture), columns.Date);
        Assert.Equal(noted, columns.Note is not null);
    }

    [Fact]
    public void Published_WithoutAnOffset_DateOnlyAndTheRowSaysSo()
    {
        using var file = new TempFile();
        Write(file.Path, [EdgeRecords()[0] with { Published = "2022-12-20T02:04:03" }], RecordFormat.Parquet);
        var row = Query($"SELECT published, published_date::VARCHAR, warnings FROM '{file.Path}'").Single();
        Assert.Null(row[0]);
        Assert.Equal("2022-12-20", row[1]);
        Assert.Contains(((System.Collections.IEnumerable)row[2]!).Cast<string>(), w => w.Contains("\"2022-12-20T02:04:03\" has no offset", StringComparison.Ordinal));
    }

    /// <summary>A row group is encoded on another thread; its write failure still reaches the caller as itself.</summary>
    [Fact]
    public void OutputFails_TheWritersCallerGetsTheIOException()
    {
        var small = EdgeRecords()[0];
        using var writer = new RecordWriter(new FailingStream(), RecordFormat.Parquet);
        var failure = Assert.Throws<IOException>(() =>
        {
            for (var i = 0; i < (3 * ParquetFormat.MaxRowGroupRows) + 1; i++)
            {
                writer.Write(small with { Id = $"x:{i}" });
            }

            writer.Complete();
        });
        Assert.Equal("No space left on device", failure.Message);
    }

    [Fact]
    public void Published_FinerThanAMillisecond_CutAndTheRowSaysSo()
    {
        using var file = new TempFile();
        var record = EdgeRecords()[0];
        Write(file.Path, [record with { Published = "2022-12-20T02:04:03.1234567+08:00" }, record with { Published = "2022-12-20T02:04:03.123+08:00" }], RecordFormat.Parquet);
        var rows = Query($"SELECT epoch_ms(published), warnings FROM '{file.Path}'");
        var expected = DateTimeOffset.Parse("2022-12-20T02:04:03.123+08:00", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        Assert.Equal([expected, expected], rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));
        Assert.Contains(((System.Collections.IEnumerable)rows[0][1]!).Cast<string>(), w => w.Contains("finer than a millisecond", StringComparison.Ordinal));
        Assert.DoesNotContain(((System.Collections.IEnumerable)rows[1][1]!).Cast<string>(), w => w.Contains("finer than a millisecond", StringComparison.Ordinal));
    }

    [Fact]
    public void LoneSurrogate_WrittenAsAReplacementCharacter_RowSaysSo()
    {
        using var file = new TempFile();
        var record = EdgeRecords()[0];
        Write(file.Path, [record with { Title = "半個\uD800代理", Id = "x:lone" }, record], RecordFormat.Parquet);
        var rows = Query($"SELECT title, warnings FROM '{file.Path}'");
        Assert.Equal("半個\uFFFD代理", rows[0][0]);
        Assert.Contains(((System.Collections.IEnumerable)rows[0][1]!).Cast<string>(), w => w.Contains("lone surrogate", StringComparison.Ordinal));
        Assert.DoesNotContain(((System.Collections.IEnumerable)rows[1][1]!).Cast<string>(), w => w.Contains("lone surrogate", StringComparison.Ordinal));
        Assert.False(ParquetFormat.HasLoneSurrogate(record));
        Assert.True(ParquetFormat.HasLoneSurrogate(record with { Tags = ["\uDC00"] }));
        Assert.True(ParquetFormat.HasLoneSurrogate(record with { Related = [new RelatedLink("a", "b\uD800")] }));
    }

    /// <summary>Records with every shape a column can take: null and empty, one and many, present and absent.</summary>
    internal static List<ArticleRecord> EdgeRecords()
    {
        var full = new ArticleRecord
        {
            Id = "x:full",
            Source = "x",
            Format = "jekyll",
            Path = "a/b.txt",
            Url = "https://example.com/a",
            Title = "標題  兩個空格",
            Published = "2022-12-20T02:04:03+08:00",
            Agency = "中央社",
            Dateline = new Dateline("台北", 19, "電"),
            Authors = ["甲", "乙"],
            Editors = ["丙"],
            Translators = ["丁", "戊", "己"],
            Paragraphs = ["第一段", "第二段\u2028", "\U00020000"],
            Text = "第一段\n第二段\u2028\n\U00020000",
            Tags = ["一"],
            Related = [new RelatedLink("相關", null), new RelatedLink("又一", "https://example.com/r")],
            Images = [new ArticleImage("https://example.com/i.jpg", null), new ArticleImage(null, "說明")],
            FrontMatter = new FrontMatter([new("title", new FrontMatterValue.Scalar("標題")), new("tags", new FrontMatterValue.Sequence([new FrontMatterValue.Scalar("a")]))]),
            Warnings = ["one", "two"],
            Member = "crawl.warc.gz#1234",
            Fetched = "2024-11-01T02:03:04Z",
        };
        var empty = TestRecords.Bare("x", "empty") with { Title = full.Title, Path = full.Path };
        return
        [
            full,
            empty,
            full with { Id = "x:date", Published = "2025-08-23", Dateline = new Dateline(null, null, null), Authors = [], Related = [new RelatedLink("一", null)] },
            full with { Id = "x:utc", Published = "2022-12-19T18:04:03Z", Dateline = new Dateline("東京", null, "專電"), Images = [], Member = null, Fetched = null },
            full with { Id = "x:fetched-fine", Fetched = "2024-11-01T02:03:04.123456Z", Member = "archive/data.warc.gz#0" },
            empty with { Id = "x:after-empty", Tags = ["t1", "t2"], Warnings = ["w"] },
        ];
    }

    private static void AssertSameRecord(ArticleRecord record, JsonObject json, JsonObject row)
    {
        var id = (string?)json["id"];
        var notes = row["warnings"]!.AsArray().Select(w => (string)w!).ToList();
        var surrogateNote = notes.RemoveAll(w => w.Contains("lone surrogate", StringComparison.Ordinal));
        var publishedNote = notes.RemoveAll(w => w.StartsWith("published \"", StringComparison.Ordinal));
        var fetchedNote = notes.RemoveAll(w => w.StartsWith("fetched ", StringComparison.Ordinal));
        Assert.Equal(ParquetFormat.HasLoneSurrogate(record) ? 1 : 0, surrogateNote);
        row["warnings"] = new JsonArray([.. notes.Select(w => JsonValue.Create(w))]);

        // UTF-8 cannot hold half a surrogate pair: Parquet has U+FFFD where JSON has \uD800.
        var expected = AsUtf8(json)!.AsObject();
        foreach (var name in new[] { "id", "source", "format", "path", "url", "title", "agency", "text", "dateline", "authors", "editors", "translators", "paragraphs", "tags", "related", "images", "warnings", "member" })
        {
            Assert.True(JsonNode.DeepEquals(expected[name], row[name]), $"{id}: {name}: {expected[name]?.ToJsonString()} against {row[name]?.ToJsonString()}");
        }

        // The capture time is an instant in milliseconds; finer, the row says it was cut.
        var fetched = (string?)json["fetched"];
        var fetchedMicros = (long?)row["fetched_us"];
        if (fetched is null)
        {
            Assert.Null(fetchedMicros);
        }
        else
        {
            var ticks = DateTimeOffset.Parse(fetched, CultureInfo.InvariantCulture).UtcTicks - DateTime.UnixEpoch.Ticks;
            Assert.Equal(ticks / TimeSpan.TicksPerMillisecond * 1000, fetchedMicros);
            Assert.Equal(ticks % TimeSpan.TicksPerMillisecond != 0 ? 1 : 0, fetchedNote);
        }

        var frontMatter = row["front_matter"] is { } text ? JsonNode.Parse((string)text!) : null;
        Assert.True(JsonNode.DeepEquals(json["front_matter"], frontMatter), $"{id}: front_matter");

        var published = (string?)json["published"];
        var micros = (long?)row["published_us"];
        var offset = (int?)row["published_offset_minutes"];
        var date = (string?)row["published_date"];
        if (published is null)
        {
            Assert.Null(micros);
            Assert.Null(date);
            Assert.Equal(0, publishedNote);
        }
        else if (published.Length == 10)
        {
            Assert.Null(micros);
            Assert.Null(offset);
            Assert.Equal(published, date);
            Assert.Equal(0, publishedNote);
        }
        else if (!published.EndsWith('Z') && published[^6] is not ('+' or '-'))
        {
            // A clock time without an offset names no instant: the date, and a note.
            Assert.Null(micros);
            Assert.Null(offset);
            Assert.Equal(published[..10], date);
            Assert.Equal(1, publishedNote);
        }
        else
        {
            var time = DateTimeOffset.Parse(published, CultureInfo.InvariantCulture);
            var ticks = time.UtcTicks - DateTime.UnixEpoch.Ticks;
            Assert.Equal(ticks / TimeSpan.TicksPerMillisecond * 1000, micros);
            Assert.Equal(ticks % TimeSpan.TicksPerMillisecond != 0 ? 1 : 0, publishedNote);
            Assert.Equal((int)time.Offset.TotalMinutes, offset);
            Assert.Equal(published[..10], date);
        }
    }

    /// <summary>The JSON with every string as UTF-8 gives it back (half a surrogate pair as U+FFFD).</summary>
    private static JsonNode? AsUtf8(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, AsUtf8(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(AsUtf8)]),
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))),
        _ => node?.DeepClone(),
    };

    private static List<JsonObject> DuckDbRows(string path)
    {
        var select = $"SELECT to_json(t)::VARCHAR, epoch_us(published), published_date::VARCHAR, epoch_us(fetched) FROM '{path}' t";
        return Query(select).Select(r =>
        {
            var row = JsonNode.Parse((string)r[0]!)!.AsObject();
            row["published_us"] = r[1] is null ? null : JsonValue.Create(Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
            row["published_date"] = (string?)r[2];
            row["fetched_us"] = r[3] is null ? null : JsonValue.Create(Convert.ToInt64(r[3], CultureInfo.InvariantCulture));
            return row;
        }).ToList();
    }

    private static List<object?[]> Query(string sql) => DuckDbQuery.Rows(sql);

    private static void Write(string path, IEnumerable<ArticleRecord> records, RecordFormat format)
    {
        using var stream = File.Create(path);
        using var writer = new RecordWriter(stream, format);
        foreach (var record in records)
        {
            writer.Write(record);
        }

        writer.Complete();
    }

    private static string Write(IEnumerable<ArticleRecord> records, RecordFormat format)
    {
        using var stream = new MemoryStream();
        using (var writer = new RecordWriter(stream, format))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"newsarchive-{Guid.NewGuid():N}.parquet");

        public void Dispose() => File.Delete(Path);
    }
}
