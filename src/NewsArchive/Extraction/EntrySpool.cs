using System.Buffers.Binary;

namespace NewsArchive.Extraction;

/// <summary>
/// Byte entries kept between a run's two passes, in the order they were appended: in memory up to
/// <c>memoryLimit</c> bytes, past that in a temporary file that is deleted when the spool is
/// disposed, so memory stays flat however large the archive is. Where the system allows it (not on
/// Windows) the file has no name from the moment it is open: a run that is killed leaves nothing behind.
/// </summary>
/// <param name="memoryLimit">How many bytes stay in memory.</param>
/// <param name="directory">Where the temporary file goes: by default the system's temporary folder.</param>
internal sealed class EntrySpool(int memoryLimit, string? directory = null) : IDisposable
{
    private Stream stream = new MemoryStream();
    private bool reading;

    /// <summary>The temporary file the spool moved to, or null while it is in memory.</summary>
    public string? FilePath { get; private set; }

    /// <summary>Why the spool could not move to a temporary file (it stays in memory then), or null.</summary>
    public string? SpoolError { get; private set; }

    public int Count { get; private set; }

    /// <summary>Appends one entry; a spool being read takes no more.</summary>
    public void Append(ReadOnlySpan<byte> entry)
    {
        if (reading)
        {
            throw new InvalidOperationException("the spool is being read");
        }

        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, entry.Length);
        stream.Write(length);
        stream.Write(entry);
        Count++;
        if (FilePath is null && SpoolError is null && stream.Length > memoryLimit)
        {
            MoveToFile();
        }
    }

    /// <summary>The entries in the order they were appended; each one's bytes are valid until the next is read.</summary>
    public IEnumerable<ArraySegment<byte>> Read()
    {
        reading = true;
        stream.Position = 0;
        var length = new byte[4];
        byte[] buffer = [];
        for (var i = 0; i < Count; i++)
        {
            stream.ReadExactly(length);
            var size = BinaryPrimitives.ReadInt32LittleEndian(length);
            if (buffer.Length < size)
            {
                buffer = new byte[Math.Max(size, buffer.Length * 2)];
            }

            stream.ReadExactly(buffer, 0, size);
            yield return new ArraySegment<byte>(buffer, 0, size);
        }
    }

    public void Dispose() => stream.Dispose();

    /// <summary>
    /// Moves the entries to a temporary file. Where none can be made (a read-only or full temporary
    /// folder) they stay in memory, and <see cref="SpoolError"/> says why.
    /// </summary>
    private void MoveToFile()
    {
        var folder = directory ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"newsarchive-spool-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            stream.Position = 0;
            stream.CopyTo(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            stream.Position = stream.Length;
            SpoolError = $"{folder}: {ex.Message}";
            return;
        }

        stream.Dispose();
        stream = file;
        FilePath = path;
    }
}
