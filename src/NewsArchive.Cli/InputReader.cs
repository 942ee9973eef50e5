namespace NewsArchive.Cli;

/// <summary>Reads one input's bytes, refusing anything over the size limit before reading it whole.</summary>
public static class InputReader
{
    public static bool TryRead(InputSource source, Stream stdin, long maxBytes, out byte[] bytes, out string error)
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
                return TryReadStream(stdin, maxBytes, out bytes, out error);
            }

            using var stream = new FileStream(source.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                error = $"file is {stream.Length} bytes, over the {maxBytes}-byte limit (--max-file-size)";
                return false;
            }

            return TryReadStream(stream, maxBytes, out bytes, out error);
        }
        catch (FileNotFoundException)
        {
            error = "no such file or directory";
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

    private static bool TryReadStream(Stream stream, long maxBytes, out byte[] bytes, out string error)
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
