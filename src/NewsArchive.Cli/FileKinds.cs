using System.Runtime.InteropServices;

namespace NewsArchive.Cli;

/// <summary>What a path names, as the file system says: a regular file, a directory, a device, a pipe...</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    NamedPipe,
    Socket,

    /// <summary>The type could not be read (no <c>statx</c>): treated as a special file, never replaced.</summary>
    Unknown,
}

/// <summary>
/// Reads a path's file type with Linux's <c>statx</c>, whose result layout is the same on every
/// architecture. .NET's own file APIs do not tell a device or a named pipe from a regular file, and
/// the command must never replace a device (<c>/dev/null</c>) by renaming a file over it.
/// </summary>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int Enoent = 2;
    private const int Enotdir = 20;

    /// <summary>The kind of <paramref name="path"/>; a symbolic link is itself unless <paramref name="followLinks"/>.</summary>
    public static unsafe FileKind Of(string path, bool followLinks)
    {
        Span<byte> buffer = stackalloc byte[256];
        int result;
        try
        {
            fixed (byte* pointer = buffer)
            {
                result = Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, pointer);
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return File.Exists(path) || Directory.Exists(path) ? FileKind.Unknown : FileKind.Missing;
        }

        if (result != 0)
        {
            return Marshal.GetLastPInvokeError() is Enoent or Enotdir ? FileKind.Missing : FileKind.Unknown;
        }

        var mode = BitConverter.ToUInt16(buffer[ModeOffset..]);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.NamedPipe,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    /// <summary>
    /// The path with every symbolic link in it resolved, as <c>realpath(3)</c> gives it, or null
    /// where it cannot be resolved.
    /// </summary>
    public static string? Resolve(string path) => Resolve(System.Text.Encoding.UTF8.GetBytes(path));

    /// <summary>
    /// The path given by its bytes (a name that is not valid UTF-8 too), resolved as <c>realpath(3)</c>
    /// gives it and written as <see cref="RawFileNames.Escape"/> writes names; null where it cannot be resolved.
    /// </summary>
    public static unsafe string? Resolve(byte[] path)
    {
        try
        {
            var terminated = RawFileNames.Terminated(path);
            IntPtr resolved;
            fixed (byte* pointer = terminated)
            {
                resolved = RealPath(pointer, IntPtr.Zero);
            }

            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return RawFileNames.Escape(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)resolved));
            }
            finally
            {
                Free(resolved);
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath")]
    private static unsafe partial IntPtr RealPath(byte* path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
