using System.IO.Compression;

namespace NewsArchive.Envelopes;

/// <summary>
/// A WACZ file (Web Archive Collection Zipped, as browsertrix and webrecorder write it): a zip
/// whose <c>archive/</c> folder holds the crawl's WARC files. Those are read in the order of their
/// names, each as <see cref="WarcEnvelope"/> reads one, their records named
/// <c>archive/data.warc.gz#OFFSET</c>. The zip's other entries (pages, indexes, the datapackage)
/// hold no articles.
/// </summary>
public static class WaczEnvelope
{
    /// <param name="stream">The file's bytes: seekable, as a zip's central directory is at its end.</param>
    /// <param name="path">The file's path, for the items.</param>
    /// <param name="options">Limits and the target filter.</param>
    public static IEnumerable<EnvelopeEntry> Read(Stream stream, string path, EnvelopeOptions? options = null)
    {
        var (zip, failure) = Open(stream);
        if (zip is null)
        {
            yield return new EnvelopeEntry.Failed(string.Empty, failure!);
            yield break;
        }

        using (zip)
        {
            var warcs = zip.Entries
                .Where(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal)
                    && (e.FullName.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".warc", StringComparison.OrdinalIgnoreCase)))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .ToList();
            if (warcs.Count == 0)
            {
                yield return new EnvelopeEntry.Failed(string.Empty, "a zip file that is no WACZ: it holds no archive/*.warc.gz or archive/*.warc");
                yield break;
            }

            foreach (var warc in warcs)
            {
                var (entry, openFailure) = OpenEntry(warc);
                if (entry is null)
                {
                    yield return new EnvelopeEntry.Failed(warc.FullName, openFailure!);
                    continue;
                }

                using (entry)
                {
                    foreach (var item in WarcEnvelope.Read(entry, path, options, memberPrefix: warc.FullName + "#"))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static (ZipArchive? Zip, string? Failure) Open(Stream stream)
    {
        try
        {
            return (new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"a damaged zip file ({ex.Message.TrimEnd('.')})");
        }
    }

    private static (Stream? Entry, string? Failure) OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return (entry.Open(), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"a zip entry that cannot be read ({ex.Message.TrimEnd('.')})");
        }
    }
}
