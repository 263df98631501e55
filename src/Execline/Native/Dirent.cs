using System.Runtime.InteropServices;

namespace Execline.Native;

/// <dirent.h>: listing directories.
public static unsafe partial class Dirent
{
    /// struct linux_dirent64, as getdents64 lays out each entry (the same on x86_64 and aarch64).
    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        public ulong Ino;
        public long Off;
        public ushort Reclen;
        public byte Type;
        public fixed byte Name[256];
    }

    [LibraryImport(Libc.Name, SetLastError = true)] private static partial nint getdents64(int fd, byte* buf, nint count);

    /// Names in a directory (without "." and ".."), or null when it cannot be opened.
    public static List<string>? ListDirectory(string path) => ListDirectory(path, out _);

    /// Names in a directory in readdir order (without "." and ".."), or null with errno when it cannot be
    /// opened or read.
    public static List<string>? ListDirectory(string path, out int errno)
    {
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (fd < 0)
        {
            errno = Errno.Value;
            return null;
        }
        return ReadNames(fd, out errno);
    }

    /// Names in the directory open on dirFd (which stays open), as ListDirectory gives them.
    public static List<string>? ListDirectory(int dirFd, out int errno)
    {
        // a description of its own, so that the listing starts at the beginning whatever dirFd has read
        int fd;
        fixed (byte* dot = Libc.C(".")) fd = Fcntl.openat(dirFd, dot, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC, 0);
        if (fd < 0)
        {
            errno = Errno.Value;
            return null;
        }
        return ReadNames(fd, out errno);
    }

    /// Reads the directory open on fd to its end, then closes fd. getdents64 as readdir calls it, without
    /// the fstat opendir makes first: a supervisor lists a directory for each event it sends. The entries
    /// go through a buffer on the stack, where a new array would be zeroed, page after page, first.
    static List<string>? ReadNames(int fd, out int errno)
    {
        const int size = 4096;
        byte* p = stackalloc byte[size];
        var names = new List<string>();
        errno = 0;
        while (true)
        {
            nint n = getdents64(fd, p, size);
            if (n < 0)
            {
                if (Errno.Value == Errno.EINTR) continue;
                errno = Errno.Value;
                break;
            }
            if (n == 0) break;
            for (nint off = 0; off < n; off += ((Entry*)(p + off))->Reclen)
            {
                var name = Text.Bytes.FromCString(((Entry*)(p + off))->Name);
                if (name != "." && name != "..") names.Add(name);
            }
        }
        Unistd.close(fd);
        return errno == 0 ? names : null;
    }
}
