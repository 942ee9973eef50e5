namespace NewsArchive.Cli;

/// <summary>Reads one input's bytes, refusing anything over the size limit before reading it whole.</summary>
public static class InputReader
{
    public static bool TryRead(InputSource source, long maxBytes, out byte[] bytes, out string error)
    {
        bytes = [];
        error = string.Empty;
        if (source.Error is not null)
        {
            error = source.Error;
            return false;
        }

        try
        {
            if (source.FilePath is null)
            {
                // Standard input and the items of web archives are read by InputItems, in input order.
                error = "nothing to read (an entry that is no input)";
                return false;
            }

            if (source.FoundInDirectory && source.ListedLength is not > 0 && source.RawPath is null)
            {
                // Links, empty entries and special files: looked at before anything is opened.
                var info = new FileInfo(source.FilePath);
                if (!info.Exists)
                {
                    error = InputEnumerator.IsBrokenLink(source.FilePath) ? "broken symbolic link" : "no such file or directory";
                    return false;
                }

                if (info.Length == 0)
                {
                    error = "empty file";
                    return false;
                }
            }

            using var handle = source.OpenRead();
            var length = LengthOrZero(handle);
            if (length > maxBytes)
            {
                error = $"file is {length} bytes, over the {maxBytes}-byte limit (--max-file-size)";
                return false;
            }

            if (length == 0)
            {
                // Zero may mean "unknown" (a pipe such as <(zcat post.gz), a /proc file): read to the end.
                return TryReadUnsized(handle, maxBytes, out bytes, out error);
            }

            // A regular file: one array of its exact size, read in place.
            bytes = new byte[length];
            var total = 0;
            int read;
            while (total < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            if (total < bytes.Length)
            {
                bytes = bytes[..total];
            }

            return true;
        }
        catch (FileNotFoundException)
        {
            error = InputEnumerator.IsBrokenLink(source.FilePath!) ? "broken symbolic link" : "no such file or directory";
        }
        catch (DirectoryNotFoundException)
        {
            error = "no such file or directory";
        }
        catch (UnauthorizedAccessException)
        {
            error = "permission denied";
        }
        catch (IOException ex)
        {
            error = $"cannot read ({ex.Message})";
        }

        return false;
    }

    /// <summary>The file's length, or 0 for a pipe (<c>&lt;(zcat post.gz)</c>), which is read to its end.</summary>
    private static long LengthOrZero(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    private static bool TryReadUnsized(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long maxBytes, out byte[] bytes, out string error)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        return TryReadStream(stream, maxBytes, out bytes, out error);
    }

    /// <summary>A stream read to its end, refused once it passes <paramref name="maxBytes"/>.</summary>
    internal static bool TryReadStream(Stream stream, long maxBytes, out byte[] bytes, out string error)
    {
        bytes = [];
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                error = $"input is over the {maxBytes}-byte limit (--max-file-size)";
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        bytes = buffer.ToArray();
        error = string.Empty;
        return true;
    }
}
