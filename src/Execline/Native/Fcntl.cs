using System.Runtime.InteropServices;

namespace Execline.Native;

/// <fcntl.h>: opening files, descriptor flags, and POSIX record locks.
public static unsafe partial class Fcntl
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_NOCTTY = 0x100,
        O_TRUNC = 0x200, O_APPEND = 0x400, O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    /// Two flags whose values aarch64 does not share with x86_64.
    public static int O_DIRECTORY => Libc.Aarch64 ? 0x4000 : 0x10000;
    public static int O_NOFOLLOW => Libc.Aarch64 ? 0x8000 : 0x20000;

    public const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6,
        F_SETLKW = 7, F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_DUPFD_CLOEXEC = 1030, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;
    public const int FD_CLOEXEC = 1;
    public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_SYMLINK_FOLLOW = 0x400;
    public const short F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;

    /// struct flock (the same on x86_64 and aarch64).
    [StructLayout(LayoutKind.Sequential)]
    public struct Flock
    {
        public short Type, Whence;
        public long Start, Len;
        public int Pid;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int open(byte* path, int flags, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int openat(int dirFd, byte* path, int flags, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fcntl(int fd, int cmd, int arg);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fcntl(int fd, int cmd, Flock* arg);

    public static int Open(string path, int flags, int mode = SysStat.Mode0666)
    {
        fixed (byte* p = Libc.C(path)) return open(p, flags, mode);
    }

    /// A POSIX record lock over the whole file. Never flock(2): skarnet's tools only see fcntl locks.
    /// Returns 0 or an errno (EAGAIN/EACCES when held).
    static int RecordLock(int fd, int cmd, short type, out bool held)
    {
        var fl = new Flock { Type = type }; // l_whence = SEEK_SET, l_start = 0, l_len = 0: the whole file
        int r = fcntl(fd, cmd, &fl);
        held = cmd == F_GETLK && fl.Type != F_UNLCK;
        return r < 0 ? Errno.Value : 0;
    }

    /// Takes the write lock (waiting for it when asked); 0 or an errno.
    public static int LockWrite(int fd, bool wait = false) => Lock(fd, exclusive: true, wait);

    /// Takes a write or read lock on the whole file, waiting for it when asked (through EINTR); 0 or an errno.
    public static int Lock(int fd, bool exclusive, bool wait)
    {
        int e;
        do e = RecordLock(fd, wait ? F_SETLKW : F_SETLK, exclusive ? F_WRLCK : F_RDLCK, out _);
        while (e == Errno.EINTR);
        return e;
    }

    /// As Lock, but the lock belongs to the open file description, not to the process: a second descriptor
    /// opened on the file in this same process conflicts with it (a command run in a chain's process must
    /// not find its caller's lock its own), and closing another descriptor of the file keeps it.
    /// Conflicts with process locks of other processes as with each other.
    public static int LockDescription(int fd, bool exclusive, bool wait)
    {
        int e;
        do e = RecordLock(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, exclusive ? F_WRLCK : F_RDLCK, out _);
        while (e == Errno.EINTR);
        return e;
    }

    /// Whether another process holds a lock on the file (an fd open read-only is enough to ask).
    public static bool IsLockedByOther(int fd) => RecordLock(fd, F_GETLK, F_RDLCK, out bool held) == 0 && held;
}
