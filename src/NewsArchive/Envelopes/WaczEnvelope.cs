using System.IO.Compression;

namespace NewsArchive.Envelopes;

/// <summary>
/// A WACZ file (Web Archive Collection Zipped, as browsertrix and webrecorder write it): a zip
/// whose <c>archive/</c> folder holds the crawl's WARC files. Those are read in the order of their
/// names, each as <see cref="WarcEnvelope"/> reads one, their records named
/// <c>archive/data.warc.gz#OFFSET</c>. The zip's other entries (pages, indexes, the datapackage)
/// hold no articles.
/// </summary>
internal static class WaczEnvelope
{
    /// <param name="stream">The file's bytes. A zip's directory is at its end: a stream that cannot seek (a pipe) is copied to a temporary file, deleted when it is closed, and read from there.</param>
    /// <param name="path">The file's path, for the items.</param>
    /// <param name="options">Limits and the target filter.</param>
    public static IEnumerable<EnvelopeEntry> Read(Stream stream, string path, EnvelopeOptions? options = null)
    {
        if (!stream.CanSeek)
        {
            var (copy, copyFailure) = CopyToTemporaryFile(stream);
            if (copy is null)
            {
                yield return new EnvelopeEntry.Failed(string.Empty, copyFailure!);
                yield break;
            }

            using (copy)
            {
                foreach (var entry in Read(copy, path, options))
                {
                    yield return entry;
                }
            }

            yield break;
        }

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

                    if (entry.Failure is { } damage)
                    {
                        yield return new EnvelopeEntry.Failed(warc.FullName, damage);
                    }
                }
            }
        }
    }

    /// <summary>A stream's bytes in a file of their own, which is deleted when it is closed.</summary>
    private static (Stream? Copy, string? Failure) CopyToTemporaryFile(Stream stream)
    {
        FileStream? file = null;
        try
        {
            file = new FileStream(Path.Combine(Path.GetTempPath(), $"newsarchive-{Guid.NewGuid():N}.wacz"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            stream.CopyTo(file);
            file.Position = 0;
            return (file, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            return (null, $"a zip file read from a pipe needs a temporary file, and none could be written ({ex.Message.TrimEnd('.')})");
        }
    }

    private static (ZipArchive? Zip, string? Failure) Open(Stream stream)
    {
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);

            // The central directory is read when its entries are first asked for: its damage shows here.
            _ = zip.Entries.Count;
            return (zip, null);
        }
        catch (InvalidDataException ex)
        {
            zip?.Dispose();
            return (null, $"a damaged zip file ({ex.Message.TrimEnd('.')})");
        }
    }

    private static (ZipEntryStream? Entry, string? Failure) OpenEntry(ZipArchiveEntry entry)
    {
        try
        {
            return (new ZipEntryStream(entry.Open()), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"a zip entry that cannot be read ({ex.Message.TrimEnd('.')})");
        }
    }
}
