using System.Runtime.InteropServices;

namespace Execline.Native;

/// <unistd.h>: descriptors, processes, credentials and paths; with the whole-buffer reads and writes we
/// build on read and write.
public static unsafe partial class Unistd
{
    public const int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;
    public const int SEEK_SET = 0;

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint read(int fd, byte* buf, nint count);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint write(int fd, byte* buf, nint count);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int close(int fd);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int dup(int fd);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int dup2(int from, int to);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int pipe2(int* fds, int flags);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial long lseek(int fd, long offset, int whence);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fsync(int fd);
    [LibraryImport(Libc.Name)] public static partial void sync();
    [LibraryImport(Libc.Name)] public static partial int isatty(int fd);

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int execve(byte* path, byte** argv, byte** envp);
    [LibraryImport(Libc.Name)] public static partial int getpid();
    [LibraryImport(Libc.Name)] public static partial int getppid();
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setsid();
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setpgid(int pid, int pgid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int getpgrp();
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int tcsetpgrp(int fd, int pgrp);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int pause();

    [LibraryImport(Libc.Name)] public static partial int getuid();
    [LibraryImport(Libc.Name)] public static partial int geteuid();
    [LibraryImport(Libc.Name)] public static partial int getgid();
    [LibraryImport(Libc.Name)] public static partial int getegid();
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setuid(uint uid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int seteuid(uint uid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setgid(uint gid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setresuid(uint ruid, uint euid, uint suid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int setresgid(uint rgid, uint egid, uint sgid);

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int access(byte* path, int mode);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int chdir(byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fchdir(int fd);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial byte* getcwd(byte* buf, nint size);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int chroot(byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int rmdir(byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int unlink(byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int link(byte* from, byte* to);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int linkat(int fromDir, byte* from, int toDir, byte* to, int flags);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int symlink(byte* target, byte* path);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial nint readlink(byte* path, byte* buf, nint size);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int chown(byte* path, int uid, int gid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int lchown(byte* path, int uid, int gid);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int fchownat(int dirFd, byte* path, int uid, int gid, int flags);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int gethostname(byte* name, nint size);
    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int sethostname(byte* name, nint size);

    /// The C library's environment array. A variable, not a function: found by name in the executable.
    public static byte** environ => *(byte***)NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "environ");

    public static (int r, int w) Pipe()
    {
        int* fds = stackalloc int[2];
        if (pipe2(fds, Fcntl.O_CLOEXEC) < 0) return (-1, -1);
        return (fds[0], fds[1]);
    }

    /// Writes all of data, retrying on short writes and EINTR. Returns 0 or an errno. Into a pipe this
    /// thread drains itself (CapturedPipes), it writes no more than fits at a time.
    public static int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            nint off = 0;
            while (off < data.Length)
            {
                nint n = write(fd, p + off, CapturedPipes.Room(fd, data.Length - off));
                if (n < 0)
                {
                    int e = Errno.Value;
                    if (e == Errno.EINTR) continue;
                    return e;
                }
                off += n;
            }
        }
        return 0;
    }

    /// Reads until EOF. Returns null on error (errno in err).
    public static byte[]? ReadAll(int fd, out int err)
    {
        var buf = Slurp(fd, out int len, out err);
        return buf == null ? null : buf.Length == len ? buf : buf.AsSpan(0, len).ToArray();
    }

    /// Reads until EOF into a buffer of which the first length bytes are the data (no copy to trim it).
    /// Returns null on error (errno in err).
    public static byte[]? Slurp(int fd, out int length, out int err)
    {
        err = 0;
        length = 0;
        // Sized by the file when it is a regular one, else grown by doubling from a page: a short script
        // must not cost a large zeroed buffer (fresh pages are most of what a short chain's start costs).
        SysStat.Stat st;
        int size = SysStat.fstat(fd, &st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFREG && st.Size > 0
            && st.Size < int.MaxValue / 2 ? (int)st.Size + 1 : 4096;
        var buf = GC.AllocateUninitializedArray<byte>(size);
        int len = 0;
        while (true)
        {
            if (len == buf.Length) Array.Resize(ref buf, checked(buf.Length * 2));
            nint n;
            fixed (byte* p = buf) n = read(fd, p + len, buf.Length - len);
            if (n < 0)
            {
                int e = Errno.Value;
                if (e == Errno.EINTR) continue;
                err = e;
                return null;
            }
            if (n == 0) break;
            len += (int)n;
        }
        length = len;
        return buf;
    }

    /// The whole content of a file, or null.
    public static byte[]? ReadFile(string path)
    {
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (fd < 0) return null;
        var data = ReadAll(fd, out _);
        close(fd);
        return data;
    }

    public static int Access(string path, int mode)
    {
        fixed (byte* p = Libc.C(path)) return access(p, mode);
    }

    public static int Chdir(string path)
    {
        fixed (byte* p = Libc.C(path)) return chdir(p);
    }

    public static string? GetCwd()
    {
        var buf = new byte[4096];
        fixed (byte* p = buf)
        {
            if (getcwd(p, buf.Length) == null) return null;
            return Text.Bytes.FromCString(p);
        }
    }

    public static int Unlink(string path)
    {
        fixed (byte* p = Libc.C(path)) return unlink(p);
    }

    public static int Link(string from, string to)
    {
        fixed (byte* f = Libc.C(from)) fixed (byte* t = Libc.C(to)) return link(f, t);
    }

    /// Where a symbolic link points, or null.
    public static string? ReadLink(string path)
    {
        var buf = new byte[4096];
        nint n;
        fixed (byte* p = Libc.C(path))
        fixed (byte* b = buf)
            n = readlink(p, b, buf.Length);
        return n < 0 ? null : Text.Bytes.Latin1(buf.AsSpan(0, (int)n));
    }

    public static int Chown(string path, int uid, int gid)
    {
        fixed (byte* p = Libc.C(path)) return chown(p, uid, gid);
    }
}
