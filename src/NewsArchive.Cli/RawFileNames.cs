using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NewsArchive.Cli;

/// <summary>
/// File names that are not valid UTF-8 (Big5 names from an old Windows copy or a zip): .NET lists
/// them with U+FFFD in place of the bytes it cannot decode, and cannot open them by that name. Here
/// a directory is listed as bytes, each such name is shown with its undecodable bytes escaped as
/// <c>\xHH</c> (<see cref="Escape"/>), and the file is opened by its bytes.
/// </summary>
public static partial class RawFileNames
{
    private const int OpenReadOnlyCloseOnExec = 0x80000;

    /// <summary>Where <c>d_name</c> starts in glibc's <c>struct dirent</c> on 64-bit Linux (after d_ino, d_off, d_reclen, d_type).</summary>
    private const int DirentNameOffset = 19;

    /// <summary>At most this many entries are listed (a directory that never ends is not read for ever).</summary>
    private const int MaxEntries = 10_000_000;

    /// <summary>The names in <paramref name="directory"/> that are not valid UTF-8, as bytes, in listing order; empty where the listing fails.</summary>
    public static unsafe List<byte[]> UndecodableNames(string directory)
    {
        var names = new List<byte[]>();
        IntPtr handle;
        try
        {
            handle = OpenDirectory(directory);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return names;
        }

        if (handle == IntPtr.Zero)
        {
            return names;
        }

        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            for (var count = 0; count < MaxEntries; count++)
            {
                var entry = ReadDirectory(handle);
                if (entry == IntPtr.Zero)
                {
                    break;
                }

                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + DirentNameOffset);
                try
                {
                    strict.GetCharCount(name);
                }
                catch (DecoderFallbackException)
                {
                    names.Add(name.ToArray());
                }
            }
        }
        finally
        {
            _ = CloseDirectory(handle);
        }

        return names;
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
        var terminated = new byte[path.Length + 1];
        path.CopyTo(terminated, 0);
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
                2 => new FileNotFoundException("no such file or directory"),
                13 => new UnauthorizedAccessException("permission denied"),
                _ => new IOException($"cannot open (errno {error})"),
            };
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>A directory's path and an entry's name, as the bytes of the entry's path.</summary>
    public static byte[] Join(string directory, byte[] name) => [.. Encoding.UTF8.GetBytes(directory.TrimEnd('/') + "/"), .. name];

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

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr OpenDirectory(string path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDirectory(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    private static partial int CloseDirectory(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int OpenFile(byte* path, int flags);
}
