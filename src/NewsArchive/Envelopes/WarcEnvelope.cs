using System.Collections.Immutable;
using System.Globalization;

namespace NewsArchive.Envelopes;

/// <summary>
/// A web archive (WARC 1.0 and 1.1, ISO 28500; the 0.17 and 0.18 drafts ClueWeb09 was written in),
/// plain or gzip-compressed (a member per record, or all records in one), read record by record:
/// <list type="bullet">
/// <item><c>response</c> records carrying an HTTP response, and <c>resource</c> records, whose
/// payload is an HTML page, are items; the HTTP Content-Type's charset goes with them, and
/// <c>WARC-Target-URI</c> and <c>WARC-Date</c>.</item>
/// <item>Other payloads, other responses than 2xx, and <c>request</c>, <c>metadata</c>,
/// <c>warcinfo</c>, <c>conversion</c> and <c>continuation</c> records are no articles and are
/// passed over; a <c>revisit</c> record is an entry of its own, to be counted.</item>
/// <item>A damaged or truncated record is an error entry, and reading goes on after it.</item>
/// </list>
/// Memory holds one record at a time, whatever the file's size.
/// </summary>
internal static class WarcEnvelope
{
    /// <summary>The versions read: their records share one layout.</summary>
    public static readonly ImmutableArray<string> Versions = ["1.0", "1.1", "0.17", "0.18"];

    /// <param name="stream">The file's bytes, from its start.</param>
    /// <param name="path">The file's path, for the items.</param>
    /// <param name="options">Limits and the target filter.</param>
    /// <param name="memberPrefix">What comes before each record's offset in its member name (a WACZ entry's name and <c>#</c>).</param>
    public static IEnumerable<EnvelopeEntry> Read(Stream stream, string path, EnvelopeOptions? options = null, string memberPrefix = "")
    {
        options ??= EnvelopeOptions.Default;
        var head = new byte[3];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        Stream source = new PrefixedStream(head.AsMemory(0, headLength), stream);
        GzipMembers? members = null;
        if (GzipMembers.IsGzip(head.AsSpan(0, headLength)))
        {
            var (opened, failure) = OpenGzip(source);
            if (failure is not null)
            {
                yield return new EnvelopeEntry.Failed(memberPrefix + "0", failure.Message);
                yield break;
            }

            members = opened!;
            source = members;
        }

        using (source)
        {
            var reader = new WarcRecordReader(source, options.MaxRecordBytes);
            while (true)
            {
                var (read, failure) = Next(reader);
                if (failure is { } damaged)
                {
                    var member = damaged.InCompressedData ? memberPrefix + damaged.Offset.ToString(CultureInfo.InvariantCulture) : Member(memberPrefix, members, damaged.Offset);
                    yield return new EnvelopeEntry.Failed(member, damaged.Message);
                    if (!Recover(damaged, reader, members))
                    {
                        yield break;
                    }

                    continue;
                }

                switch (read)
                {
                    case WarcRead.End:
                        yield break;
                    case WarcRead.Oversized oversized:
                        yield return new EnvelopeEntry.Failed(Member(memberPrefix, members, oversized.Start), $"a WARC record of {oversized.Length} bytes, over the {options.MaxRecordBytes}-byte limit");
                        break;
                    case WarcRead.Record record:
                        if (Entry(record.Value, Member(memberPrefix, members, record.Start), path, options) is { } entry)
                        {
                            yield return entry;
                        }

                        break;
                }

                members?.ForgetBefore(reader.Position);
            }
        }
    }

    /// <summary>The entry a record gives, or null for a record that holds no page.</summary>
    internal static EnvelopeEntry? Entry(WarcRecord record, string member, string path, EnvelopeOptions options)
    {
        if (!Versions.Contains(record.Version))
        {
            return new EnvelopeEntry.Failed(member, $"WARC/{record.Version} is not a version this reads ({string.Join(", ", Versions)})");
        }

        var type = record.Field("WARC-Type")?.ToLowerInvariant();
        var target = TargetUri(record.Field("WARC-Target-URI"));
        if (type == "revisit")
        {
            return new EnvelopeEntry.Revisit(member, target);
        }

        if (type is not ("response" or "resource"))
        {
            return null;
        }

        var media = HttpResponse.ParseMediaType(record.Field("Content-Type"), out var charset);
        var isHttp = type == "response" && media == "application/http";
        if (isHttp
            ? HttpResponse.TryReadHead(record.Block.Span, out var status, out var httpMedia) && (status is < 200 or > 299 || httpMedia is not (null or "text/html" or "application/xhtml+xml"))
            : media is not (null or "text/html" or "application/xhtml+xml"))
        {
            // No page: passed over before its body is decoded or the target filter is asked.
            return null;
        }

        if (target is not null && options.KeepTarget is { } keep && !keep(target))
        {
            return new EnvelopeEntry.Filtered(member, target);
        }

        byte[] body;
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (isHttp)
        {
            if (!HttpResponse.TryParse(record.Block.Span, options.MaxRecordBytes, out var http, out var reason))
            {
                return new EnvelopeEntry.Failed(member, reason);
            }

            if (http.Status is < 200 or > 299 || !http.IsHtml)
            {
                return null;
            }

            body = http.Body;
            charset = http.Charset;
            warnings.AddRange(http.Warnings);
        }
        else if (media is "text/html" or "application/xhtml+xml" || (media is null && HttpResponse.LooksLikeHtml(record.Block.Span)))
        {
            body = record.Block.ToArray();
        }
        else
        {
            return null;
        }

        var fetched = Fetched(record.Field("WARC-Date"));
        if (fetched is null && record.Field("WARC-Date") is { } date)
        {
            warnings.Add($"WARC-Date \"{date}\" is not a time: fetched is null");
        }

        return new EnvelopeEntry.Item(new InputFile(path, body)
        {
            Member = member,
            Charset = charset,
            TargetUri = target,
            Fetched = fetched,
            Warnings = warnings.ToImmutable(),
        });
    }

    /// <summary><c>WARC-Target-URI</c> as written, without the angle brackets some writers (GNU wget) put round it.</summary>
    internal static string? TargetUri(string? field)
    {
        var value = field?.Trim();
        if (value is { Length: >= 2 } && value[0] == '<' && value[^1] == '>')
        {
            value = value[1..^1].Trim();
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary><c>WARC-Date</c> as ISO 8601 UTC (<c>2024-11-01T02:03:04Z</c>, a fraction kept), or null when it is no time.</summary>
    internal static string? Fetched(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)
            || !DateTimeOffset.TryParse(field.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return null;
        }

        var utc = time.UtcDateTime;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction == 0 ? text + "Z" : text + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    /// <summary>A record's member name: its offset in a plain file; in a gzip file its member's offset, and <c>+N</c> when it starts N bytes into a member that holds several.</summary>
    private static string Member(string prefix, GzipMembers? members, long logical)
    {
        if (members is null)
        {
            return prefix + logical.ToString(CultureInfo.InvariantCulture);
        }

        var (offset, within) = members.Locate(logical);
        return within == 0
            ? prefix + offset.ToString(CultureInfo.InvariantCulture)
            : prefix + offset.ToString(CultureInfo.InvariantCulture) + "+" + within.ToString(CultureInfo.InvariantCulture);
    }

    private static (GzipMembers? Members, EnvelopeDataException? Failure) OpenGzip(Stream source)
    {
        try
        {
            return (new GzipMembers(source), null);
        }
        catch (EnvelopeDataException ex)
        {
            return (null, ex);
        }
    }

    private static (WarcRead? Read, EnvelopeDataException? Failure) Next(WarcRecordReader reader)
    {
        try
        {
            return (reader.Next(), null);
        }
        catch (EnvelopeDataException ex)
        {
            return (null, ex);
        }
    }

    /// <summary>After damage: a damaged gzip member is passed over to the next that opens; a WARC record that cannot be read, to the next <c>WARC/</c> line.</summary>
    private static bool Recover(EnvelopeDataException damaged, WarcRecordReader reader, GzipMembers? members)
    {
        if (damaged.InCompressedData)
        {
            if (members is null || !members.Resync())
            {
                return false;
            }

            reader.Reset(members.LogicalPosition);
            return true;
        }

        try
        {
            return reader.SkipToNextRecord();
        }
        catch (EnvelopeDataException)
        {
            // The gzip data around the damaged record is damaged too.
            if (members is null || !members.Resync())
            {
                return false;
            }

            reader.Reset(members.LogicalPosition);
            return true;
        }
    }
}
