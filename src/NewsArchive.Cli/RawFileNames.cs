using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsArchive.Cli;

/// <summary>
/// File names that are not valid UTF-8 (Big5 names from an old Windows copy or a zip): .NET lists
/// them with U+FFFD in place of the bytes it cannot decode, and cannot open them by that name. Here
/// a directory is listed as bytes, each such name is shown with its undecodable bytes escaped as
/// <c>\xHH</c> (<see cref="Escape"/>), and the file is opened by its bytes. A directory so named is
/// listed by its bytes too (<see cref="List"/>), and so is every directory under it.
/// </summary>
public static partial class RawFileNames
{
    private const int OpenReadOnlyCloseOnExec = 0x80000;

    /// <summary>Where <c>d_name</c> starts in glibc's <c>struct dirent</c> on 64-bit Linux (after d_ino, d_off, d_reclen, d_type).</summary>
    private const int DirentNameOffset = 19;

    /// <summary>Where <c>d_type</c> is in glibc's <c>struct dirent</c>, and the types that tell a directory.</summary>
    private const int DirentTypeOffset = 18;

    private const byte UnknownType = 0;

    private const byte DirectoryType = 4;

    private const byte LinkType = 10;

    /// <summary>At most this many entries are listed (a directory that never ends is not read for ever).</summary>
    private const int MaxEntries = 10_000_000;

    /// <summary>The names in <paramref name="directory"/> that are not valid UTF-8, as bytes, in listing order; empty where the listing fails.</summary>
    public static List<byte[]> UndecodableNames(string directory)
    {
        var names = new List<byte[]>();
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        _ = ReadEntries(Encoding.UTF8.GetBytes(directory), (name, _) =>
        {
            if (!IsCharacter(strict, name))
            {
                names.Add(name.ToArray());
            }
        });
        return names;
    }

    /// <summary>An entry of a directory listed by its bytes: its name, and whether it is (or links to) a directory.</summary>
    public readonly record struct RawEntry(byte[] Name, bool IsDirectory);

    /// <summary>
    /// The entries of the directory whose path is <paramref name="directory"/> (bytes), in listing
    /// order, without <c>.</c> and <c>..</c>; null, with <paramref name="error"/>, where it cannot be listed.
    /// </summary>
    public static List<RawEntry>? List(byte[] directory, out string? error)
    {
        var entries = new List<RawEntry>();
        var errno = ReadEntries(directory, (name, type) =>
        {
            var bytes = name.ToArray();

            // A link, or a file system that does not say: a directory is what opens as one.
            var isDirectory = type == DirectoryType || (type is LinkType or UnknownType && IsDirectory(Join(directory, bytes)));
            entries.Add(new RawEntry(bytes, isDirectory));
        });
        error = errno == 0 ? null : Describe(errno);
        return errno == 0 ? entries : null;
    }

    private delegate void EntryVisitor(ReadOnlySpan<byte> name, byte type);

    /// <summary>
    /// Hands each entry of the directory but <c>.</c> and <c>..</c> (its name's bytes and its
    /// <c>d_type</c>) to <paramref name="visit"/>, at most <see cref="MaxEntries"/> of them; returns 0,
    /// or why the directory could not be opened (an errno).
    /// </summary>
    private static unsafe int ReadEntries(byte[] directory, EntryVisitor visit)
    {
        IntPtr handle;
        int errno;
        try
        {
            handle = OpenDirectoryBytes(directory, out errno);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return NoSuchSystemCall;
        }

        if (handle == IntPtr.Zero)
        {
            return errno;
        }

        try
        {
            for (var count = 0; count < MaxEntries; count++)
            {
                var entry = ReadDirectory(handle);
                if (entry == IntPtr.Zero)
                {
                    break;
                }

                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + DirentNameOffset);
                if (!name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8))
                {
                    visit(name, *((byte*)entry + DirentTypeOffset));
                }
            }
        }
        finally
        {
            _ = CloseDirectory(handle);
        }

        return 0;
    }

    /// <summary>Whether the path (bytes) is a directory, or a link to one.</summary>
    private static bool IsDirectory(byte[] path)
    {
        var handle = OpenDirectoryBytes(path, out _);
        if (handle == IntPtr.Zero)
        {
            return false;
        }

        _ = CloseDirectory(handle);
        return true;
    }

    /// <summary>
    /// A name as text: valid UTF-8 as it is, each byte that is not part of a UTF-8 character as
    /// <c>\x</c> and two upper-case hex digits (<c>\xA4\xA4\xA4\xE5.html</c>).
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> name)
    {
        var text = new StringBuilder(name.Length + 8);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var i = 0;
        while (i < name.Length)
        {
            var length = SequenceLength(name[i]);
            if (length > 0 && i + length <= name.Length && IsCharacter(strict, name.Slice(i, length)))
            {
                text.Append(strict.GetString(name.Slice(i, length)));
                i += length;
            }
            else
            {
                text.Append("\\x").Append(name[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>What .NET makes of a name it cannot decode: each bad sequence a U+FFFD.</summary>
    public static string Lossy(ReadOnlySpan<byte> name) => Encoding.UTF8.GetString(name);

    /// <summary>Opens a file for reading by the bytes of its path.</summary>
    public static unsafe SafeFileHandle Open(byte[] path)
    {
        var terminated = Terminated(path);
        int descriptor;
        fixed (byte* pointer = terminated)
        {
            descriptor = OpenFile(pointer, OpenReadOnlyCloseOnExec);
        }

        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error switch
            {
                2 => new FileNotFoundException(Describe(error)),
                13 => new UnauthorizedAccessException(Describe(error)),
                _ => new IOException(Describe(error)),
            };
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>A directory's path and an entry's name, as the bytes of the entry's path.</summary>
    public static byte[] Join(string directory, byte[] name) => Join(Encoding.UTF8.GetBytes(directory), name);

    /// <summary>A directory's path (bytes) and an entry's name, as the bytes of the entry's path.</summary>
    public static byte[] Join(byte[] directory, byte[] name)
    {
        var end = directory.Length;
        while (end > 1 && directory[end - 1] == (byte)'/')
        {
            end--;
        }

        return [.. directory.AsSpan(0, end), (byte)'/', .. name];
    }

    /// <summary>The bytes of a path with the NUL the C library ends it with.</summary>
    internal static byte[] Terminated(byte[] path)
    {
        var terminated = new byte[path.Length + 1];
        path.CopyTo(terminated, 0);
        return terminated;
    }

    private static string Describe(int errno) => errno switch
    {
        2 => "no such file or directory",
        13 => "permission denied",
        20 => "not a directory",
        40 => "too many levels of symbolic links",
        NoSuchSystemCall => "directories cannot be listed by their bytes on this system",
        _ => $"errno {errno}",
    };

    /// <summary>Not an errno: the C library's directory calls are missing (a system without glibc).</summary>
    private const int NoSuchSystemCall = -1;

    private static unsafe IntPtr OpenDirectoryBytes(byte[] path, out int errno)
    {
        var terminated = Terminated(path);
        IntPtr handle;
        fixed (byte* pointer = terminated)
        {
            handle = OpenDirectoryRaw(pointer);
        }

        errno = handle == IntPtr.Zero ? Marshal.GetLastPInvokeError() : 0;
        return handle;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 0,
    };

    private static bool IsCharacter(UTF8Encoding strict, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return strict.GetCharCount(bytes) > 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static unsafe partial IntPtr OpenDirectoryRaw(byte* path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDirectory(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    private static partial int CloseDirectory(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int OpenFile(byte* path, int flags);
}
