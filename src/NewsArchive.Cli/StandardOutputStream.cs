using System.Runtime.InteropServices;

namespace NewsArchive.Cli;

/// <summary>
/// Standard output written with <c>write(2)</c>, so the file offset it shares with the shell moves
/// with every write. A <see cref="FileStream"/> on a regular file writes with <c>pwrite</c> at an
/// offset of its own and leaves the shared offset where it was: in
/// <c>{ newsarchive extract a; newsarchive extract b; } &gt; out.jsonl</c> the second run would then
/// write over the first. Unlike the console stream, a failed write throws: a closed pipe
/// (<c>EPIPE</c>) and a full disk must be seen. The <see cref="IOException"/> carries errno in its
/// HResult, as .NET's own file errors do.
/// </summary>
internal sealed partial class StandardOutputStream : Stream
{
    private const int Eintr = 4;
    private const int Eagain = 11;
    private readonly int descriptor;

    public StandardOutputStream(int descriptor = 1) => this.descriptor = descriptor;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                var result = NativeWrite(descriptor, start + written, (nuint)(buffer.Length - written));
                if (result >= 0)
                {
                    written += (int)result;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == Eintr)
                {
                    continue;
                }

                if (errno == Eagain)
                {
                    // A non-blocking descriptor inherited from the caller: wait for room, then retry.
                    Thread.Sleep(1);
                    continue;
                }

                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint NativeWrite(int fd, byte* buffer, nuint count);
}
