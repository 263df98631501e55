using System.Runtime.InteropServices;

namespace Execline.Native;

/// <sys/stat.h>: struct stat, file types and modes, and the calls that make or change inodes.
public static unsafe partial class SysStat
{
    public const uint S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000, S_IFIFO = 0x1000,
        S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFSOCK = 0xC000;

    // Mode bits, spelt by their octal digits as C# has no octal literals.
    public const int S_ISUID = 4 << 9, S_ISGID = 2 << 9, S_ISVTX = 1 << 9;
    public const int S_IRUSR = 4 << 6, S_IWUSR = 2 << 6, S_IXUSR = 1 << 6, S_IRWXU = 7 << 6;
    public const int S_IRGRP = 4 << 3, S_IWGRP = 2 << 3, S_IXGRP = 1 << 3, S_IRWXG = 7 << 3;
    public const int S_IROTH = 4, S_IWOTH = 2, S_IXOTH = 1, S_IRWXO = 7;
    /// glibc's masks: the permission bits (0777), and those with setuid, setgid and sticky (07777).
    public const int ACCESSPERMS = S_IRWXU | S_IRWXG | S_IRWXO, ALLPERMS = S_ISUID | S_ISGID | S_ISVTX | ACCESSPERMS;

    /// The modes we create files with, named as C spells them.
    public const int Mode0600 = S_IRUSR | S_IWUSR, Mode0666 = Mode0600 | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH,
        Mode0644 = Mode0600 | S_IRGRP | S_IROTH, Mode0700 = S_IRWXU, Mode0755 = S_IRWXU | S_IRGRP | S_IXGRP | S_IROTH | S_IXOTH,
        Mode0777 = ACCESSPERMS;

    /// struct stat. Its layout differs between x86_64 (st_nlink 8 bytes, before st_mode) and aarch64
    /// (st_mode first, then a 4-byte st_nlink, and st_rdev 8 bytes earlier): the fields that move are read
    /// through properties that pick the process's architecture, a constant the compiler folds.
    [StructLayout(LayoutKind.Explicit, Size = 144)]
    public readonly struct Stat
    {
        [FieldOffset(0)] public readonly ulong Dev;
        [FieldOffset(8)] public readonly ulong Ino;
        [FieldOffset(16)] readonly ulong _x64Nlink;
        [FieldOffset(24)] readonly uint _x64Mode;
        [FieldOffset(28)] readonly uint _x64Uid;
        [FieldOffset(32)] readonly uint _x64Gid;
        [FieldOffset(40)] readonly ulong _x64Rdev;
        [FieldOffset(16)] readonly uint _a64Mode;
        [FieldOffset(20)] readonly uint _a64Nlink;
        [FieldOffset(24)] readonly uint _a64Uid;
        [FieldOffset(28)] readonly uint _a64Gid;
        [FieldOffset(32)] readonly ulong _a64Rdev;
        [FieldOffset(48)] public readonly long Size;
        [FieldOffset(64)] public readonly long Blocks;
        [FieldOffset(72)] public readonly long Atime;
        [FieldOffset(80)] public readonly long AtimeNsec;
        [FieldOffset(88)] public readonly long Mtime;
        [FieldOffset(96)] public readonly long MtimeNsec;
        [FieldOffset(104)] public readonly long Ctime;
        [FieldOffset(112)] public readonly long CtimeNsec;

        public ulong Nlink => Libc.Aarch64 ? _a64Nlink : _x64Nlink;
        public uint Mode => Libc.Aarch64 ? _a64Mode : _x64Mode;
        public uint Uid => Libc.Aarch64 ? _a64Uid : _x64Uid;
        public uint Gid => Libc.Aarch64 ? _a64Gid : _x64Gid;
        public ulong Rdev => Libc.Aarch64 ? _a64Rdev : _x64Rdev;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int stat(byte* path, Stat* buf);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int lstat(byte* path, Stat* buf);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fstat(int fd, Stat* buf);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fstatat(int dirFd, byte* path, Stat* buf, int flags);
    [LibraryImport(Libc.Name, EntryPoint = "umask")] private static partial int SetUmask(int mask);

    static int _umask = -1;

    /// umask(2), with the mask in place remembered (nothing else in this process changes it): setting the
    /// mask that is already there, as each builtin that makes files does, costs no system call.
    public static int umask(int mask)
    {
        if (mask == _umask) return mask;
        int replaced = SetUmask(mask);
        _umask = mask;
        return replaced;
    }

    /// The mask in place.
    public static int Umask
    {
        get
        {
            if (_umask < 0) umask(umask(18));
            return _umask;
        }
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int mkdir(byte* path, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int mkfifo(byte* path, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int mknod(byte* path, int mode, ulong dev);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int chmod(byte* path, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fchmod(int fd, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fchmodat(int dirFd, byte* path, int mode, int flags);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int futimens(int fd, Clock.Timespec* times);

    public static int StatPath(string path, out Stat st, bool follow = true)
    {
        Stat s;
        int r;
        fixed (byte* p = Libc.C(path)) r = follow ? stat(p, &s) : lstat(p, &s);
        st = s;
        return r;
    }

    public static int Chmod(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return chmod(p, mode);
    }

    public static int MakeFifo(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return mkfifo(p, mode);
    }

    public static int MakeDirectory(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return mkdir(p, mode);
    }
}
