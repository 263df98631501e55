using System.Runtime.InteropServices;

namespace Execline.Native;

/// <dirent.h>: listing directories.
public static unsafe partial class Dirent
{
    /// struct dirent (glibc's dirent64 on 64-bit targets, the same on x86_64 and aarch64).
    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        public ulong Ino;
        public long Off;
        public ushort Reclen;
        public byte Type;
        public fixed byte Name[256];
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint opendir(byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint fdopendir(int fd);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial Entry* readdir(nint dir);
    [LibraryImport(Libc.Name)] public static partial int closedir(nint dir);

    /// Names in a directory (without "." and ".."), or null when it cannot be opened.
    public static List<string>? ListDirectory(string path) => ListDirectory(path, out _);

    /// Names in a directory in readdir order (without "." and ".."), or null with errno when it cannot be
    /// opened or read.
    public static List<string>? ListDirectory(string path, out int errno)
    {
        nint dir;
        fixed (byte* p = Libc.C(path)) dir = opendir(p);
        if (dir == 0)
        {
            errno = Errno.Value;
            return null;
        }
        return ReadNames(dir, out errno);
    }

    /// Names in the directory open on dirFd (which stays open), as ListDirectory gives them.
    public static List<string>? ListDirectory(int dirFd, out int errno)
    {
        // a description of its own, so that the listing starts at the beginning whatever dirFd has read
        int fd;
        fixed (byte* dot = Libc.C(".")) fd = Fcntl.openat(dirFd, dot, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC, 0);
        nint dir = fd < 0 ? 0 : fdopendir(fd);
        if (dir == 0)
        {
            errno = Errno.Value;
            if (fd >= 0) Unistd.close(fd);
            return null;
        }
        return ReadNames(dir, out errno);
    }

    /// Reads an open directory to its end, then closes it.
    static List<string>? ReadNames(nint dir, out int errno)
    {
        var names = new List<string>();
        Entry* ent;
        while ((ent = readdir(dir)) != null)
        {
            var name = Text.Bytes.FromCString(ent->Name);
            if (name != "." && name != "..") names.Add(name);
        }
        errno = Errno.Value; // readdir returns null at the end and on errors alike; the import clears errno first
        closedir(dir);
        return errno == 0 ? names : null;
    }
}
