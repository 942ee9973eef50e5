using System.Buffers;
using NewsArchive.Records;

namespace NewsArchive.Output;

/// <summary>Turns one record into the bytes of one format. Not thread-safe: give each worker its own.</summary>
internal abstract class RecordEncoder : IDisposable
{
    /// <summary>A record whose text has at least this many characters is written straight to the output.</summary>
    public const int StreamedTextChars = 256 * 1024;

    /// <summary>
    /// Whether a record is large enough (a huge post's text) to be written straight to the output
    /// rather than encoded into a buffer first: its bytes would be a second copy of its text, and more
    /// while the buffer grows.
    /// </summary>
    public static bool ShouldStream(ArticleRecord record) => record.Text.Length >= StreamedTextChars;

    /// <summary>Appends the record's bytes, with no framing of the whole output, to <paramref name="output"/>.</summary>
    public abstract void Encode(ArticleRecord record, IBufferWriter<byte> output);

    /// <summary>
    /// Writes the same bytes as <see cref="Encode(ArticleRecord, IBufferWriter{byte})"/> straight to
    /// <paramref name="output"/>, without holding them all: for a record too large to copy whole.
    /// </summary>
    public abstract void Encode(ArticleRecord record, Stream output);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
