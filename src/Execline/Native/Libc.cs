using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Execline.Native;

/// The one place that calls libc. Strings cross as NUL-terminated byte buffers, never as .NET strings,
/// so file names and arguments keep every byte.
public static unsafe partial class Libc
{
    public const string Name = "libc.so.6";
    const string L = Name;

    /// Whether this process runs on aarch64, whose layouts and flags differ from x86_64's in places (a
    /// constant to the compiler: the branches it decides cost nothing).
    internal static bool Aarch64 => RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    public const int WNOHANG = 1;

    [LibraryImport(L, SetLastError = true)] public static partial nint read(int fd, byte* buf, nint count);
    [LibraryImport(L, SetLastError = true)] public static partial nint write(int fd, byte* buf, nint count);
    [LibraryImport(L, SetLastError = true)] public static partial int close(int fd);
    [LibraryImport(L, SetLastError = true)] public static partial int dup(int fd);
    [LibraryImport(L, SetLastError = true)] public static partial int dup2(int from, int to);
    [LibraryImport(L, SetLastError = true)] public static partial int pipe2(int* fds, int flags);
    [LibraryImport(L, SetLastError = true)] public static partial int chdir(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial int fchdir(int fd);
    [LibraryImport(L, SetLastError = true)] public static partial byte* getcwd(byte* buf, nint size);
    [LibraryImport(L, SetLastError = true)] public static partial int execve(byte* path, byte** argv, byte** envp);
    [LibraryImport(L, SetLastError = true)] public static partial int waitpid(int pid, int* status, int options);
    [LibraryImport(L)] public static partial int getpid();
    [LibraryImport(L)] public static partial int getppid();
    [LibraryImport(L)] public static partial int getuid();
    [LibraryImport(L)] public static partial int geteuid();
    [LibraryImport(L)] public static partial int getegid();
    [LibraryImport(L)] public static partial int getgid();
    [LibraryImport(L, SetLastError = true)] public static partial int setuid(uint uid);
    [LibraryImport(L, SetLastError = true)] public static partial int seteuid(uint uid);
    [LibraryImport(L, SetLastError = true)] public static partial int setgid(uint gid);
    [LibraryImport(L, SetLastError = true)] public static partial int setgroups(nint size, uint* list);
    [LibraryImport(L, SetLastError = true)] public static partial int access(byte* path, int mode);
    [LibraryImport(L)] public static partial int isatty(int fd);
    [LibraryImport(L, SetLastError = true)] public static partial int getrlimit(int resource, long* rlim);
    [LibraryImport(L, SetLastError = true)] public static partial int setsid();
    [LibraryImport(L, SetLastError = true)] public static partial int setpgid(int pid, int pgid);
    [LibraryImport(L, SetLastError = true)] public static partial int tcsetpgrp(int fd, int pgrp);
    [LibraryImport(L, SetLastError = true)] public static partial int setrlimit(int resource, long* rlim);
    [LibraryImport(L, SetLastError = true)] public static partial int getpgrp();
    [LibraryImport(L, SetLastError = true)] public static partial nint opendir(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial byte* readdir(nint dir);
    [LibraryImport(L)] public static partial int closedir(nint dir);
    [LibraryImport(L)] public static partial int regcomp(byte* preg, byte* pattern, int cflags);
    [LibraryImport(L)] public static partial int regexec(byte* preg, byte* s, nint nmatch, int* pmatch, int eflags);
    [LibraryImport(L)] public static partial nint regerror(int errcode, byte* preg, byte* buf, nint size);
    [LibraryImport(L)] public static partial void regfree(byte* preg);
    [LibraryImport(L)] public static partial int fnmatch(byte* pattern, byte* s, int flags);

    // File system and system calls of the s6-portable-utils and s6-linux-utils commands.
    [LibraryImport(L, SetLastError = true)] public static partial int rmdir(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial int unlink(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial int rename(byte* from, byte* to);
    [LibraryImport(L, SetLastError = true)] public static partial int chown(byte* path, int uid, int gid);
    [LibraryImport(L, SetLastError = true)] public static partial int lchown(byte* path, int uid, int gid);
    [LibraryImport(L, SetLastError = true)] public static partial int symlink(byte* target, byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial int linkat(int fromDir, byte* from, int toDir, byte* to, int flags);
    [LibraryImport(L, SetLastError = true)] public static partial nint readlink(byte* path, byte* buf, nint size);
    [LibraryImport(L, SetLastError = true)] public static partial int chroot(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial int gethostname(byte* name, nint size);
    [LibraryImport(L, SetLastError = true)] public static partial int sethostname(byte* name, nint size);
    [LibraryImport(L, SetLastError = true)] public static partial int clock_settime(int clock, long* timespec);
    [LibraryImport(L, SetLastError = true)] public static partial nint getrandom(byte* buf, nint size, uint flags);
    [LibraryImport(L, SetLastError = true)] public static partial int pause();
    [LibraryImport(L)] public static partial void sync();

    // A walk that never follows a symlink: each call names an entry of a directory held open.
    [LibraryImport(L, SetLastError = true)] public static partial int fchownat(int dirFd, byte* path, int uid, int gid, int flags);
    [LibraryImport(L, SetLastError = true)] public static partial nint fdopendir(int fd);


    [LibraryImport(L, SetLastError = true)] private static partial int glob(byte* pattern, int flags, delegate* unmanaged<byte*, int, int> errfunc, byte* pglob);
    [LibraryImport(L)] private static partial void globfree(byte* pglob);

    public const int GLOB_ERR = 1, GLOB_MARK = 2, GLOB_NOSORT = 4, GLOB_NOCHECK = 16, GLOB_NOESCAPE = 64;
    public const int GLOB_NOSPACE = 1, GLOB_ABORTED = 2, GLOB_NOMATCH = 3;

    [ThreadStatic] static Action<string, int>? _globError;

    [UnmanagedCallersOnly]
    static int GlobError(byte* path, int err)
    {
        _globError?.Invoke(Text.Bytes.FromCString(path), err);
        // the C callback leaves errno as the error it reported
        *Errno.__errno_location() = err;
        return 0;
    }

    /// glob(3): the paths matched (in glob's own order), glob's return value, and errno when it failed.
    /// onError (if given) is told of each directory that could not be read; globbing goes on.
    public static int Glob(string pattern, int flags, Action<string, int>? onError, out List<string> paths, out int errno)
    {
        paths = new List<string>();
        byte* g = stackalloc byte[128]; // glob_t is 72 bytes on LP64 glibc
        new Span<byte>(g, 128).Clear();
        _globError = onError;
        int r;
        try
        {
            fixed (byte* p = C(pattern))
                r = glob(p, flags, onError == null ? null : &GlobError, g);
            errno = Errno.Value;
        }
        finally
        {
            _globError = null;
        }
        if (r == 0)
        {
            nint count = *(nint*)g;
            byte** v = *(byte***)(g + 8);
            for (nint i = 0; i < count; i++) paths.Add(Text.Bytes.FromCString(v[i]));
        }
        if (r == 0) globfree(g);
        return r;
    }

    [LibraryImport(L, SetLastError = true)] public static partial byte* getpwnam(byte* name);

    /// The home directory in user's passwd entry (through NSS, like getpwnam), or null with the errno
    /// getpwnam left (0 when there is simply no such user).
    public static string? HomeOf(string user, out int errno)
    {
        byte* pw;
        fixed (byte* p = C(user)) pw = getpwnam(p);
        errno = pw == null ? Errno.Value : 0;
        if (pw == null) return null;
        byte* dir = *(byte**)(pw + 32); // pw_name, pw_passwd, pw_uid + pw_gid, pw_gecos, then pw_dir
        return dir == null ? "" : Text.Bytes.FromCString(dir);
    }

    /// setgroups with first at the head of the list (moved there when the list holds it), as skalibs'
    /// setgroups_and_gid does: some systems read the first entry as the primary gid.
    public static int SetGroupsWithFirst(uint first, IReadOnlyList<uint> groups)
    {
        var all = new List<uint>(groups);
        int at = all.IndexOf(first);
        if (at != 0)
        {
            if (at > 0) all.RemoveAt(at);
            all.Insert(0, first);
        }
        var arr = all.ToArray();
        fixed (uint* p = arr) return setgroups(arr.Length, p);
    }

    [LibraryImport(L, SetLastError = true)] public static partial int memfd_create(byte* name, uint flags);
    [LibraryImport(L, SetLastError = true)] public static partial long lseek(int fd, long offset, int whence);

    public const uint MFD_CLOEXEC = 1;

    // Files as a logger keeps them: atomic renames, hard links for archives, fsync before a rotation.
    [LibraryImport(L, SetLastError = true)] public static partial int link(byte* from, byte* to);
    [LibraryImport(L, SetLastError = true)] public static partial int fsync(int fd);
    [LibraryImport(L, SetLastError = true)] public static partial int poll(PollFd* fds, nint n, int timeoutMs);
    [LibraryImport(L, SetLastError = true)] public static partial int clock_gettime(int clock, long* ts);
    [LibraryImport(L, SetLastError = true)] public static partial void* localtime_r(long* t, int* tm);
    [LibraryImport(L, SetLastError = true)] public static partial void* gmtime_r(long* t, int* tm);

    public const short POLLIN = 1, POLLOUT = 4, POLLERR = 8, POLLHUP = 16, POLLNVAL = 32;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events, Revents;
    }

    public static int Rename(string from, string to)
    {
        fixed (byte* f = C(from)) fixed (byte* t = C(to)) return rename(f, t);
    }

    public static int Link(string from, string to)
    {
        fixed (byte* f = C(from)) fixed (byte* t = C(to)) return link(f, t);
    }

    public static int Unlink(string path)
    {
        fixed (byte* p = C(path)) return unlink(p);
    }

    /// An anonymous in-memory file holding data, positioned at its start; -1 on failure (errno set).
    public static int MemoryFile(string name, ReadOnlySpan<byte> data)
    {
        int fd;
        fixed (byte* p = C(name)) fd = memfd_create(p, MFD_CLOEXEC);
        if (fd < 0) return -1;
        if (WriteAll(fd, data) != 0 || lseek(fd, 0, 0) < 0)
        {
            close(fd);
            return -1;
        }
        return fd;
    }

    /// Names in a directory (without "." and ".."), or null when it cannot be opened.
    public static List<string>? ListDirectory(string path) => ListDirectory(path, out _);

    /// Names in a directory in readdir order (without "." and ".."), or null with errno when it cannot be
    /// opened or read.
    public static List<string>? ListDirectory(string path, out int errno)
    {
        nint dir;
        fixed (byte* p = C(path)) dir = opendir(p);
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
        fixed (byte* dot = C(".")) fd = Fcntl.openat(dirFd, dot, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC, 0);
        nint dir = fd < 0 ? 0 : fdopendir(fd);
        if (dir == 0)
        {
            errno = Errno.Value;
            if (fd >= 0) close(fd);
            return null;
        }
        return ReadNames(dir, out errno);
    }

    /// Reads an open directory to its end, then closes it.
    static List<string>? ReadNames(nint dir, out int errno)
    {
        var names = new List<string>();
        byte* ent;
        while ((ent = readdir(dir)) != null)
        {
            var name = Text.Bytes.FromCString(ent + 19); // d_ino, d_off, d_reclen, d_type, then d_name
            if (name != "." && name != "..") names.Add(name);
        }
        errno = Errno.Value; // readdir returns null at the end and on errors alike; the import clears errno first
        closedir(dir);
        return errno == 0 ? names : null;
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

    /// A byte string (Latin-1) as a NUL-terminated buffer.
    public static byte[] C(string s)
    {
        var b = new byte[s.Length + 1];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
    }

    public static int Access(string path, int mode)
    {
        fixed (byte* p = C(path)) return access(p, mode);
    }

    public static int Chdir(string path)
    {
        fixed (byte* p = C(path)) return chdir(p);
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

    /// Writes all of data, retrying on short writes and EINTR. Returns 0 or an errno.
    public static int WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            nint off = 0;
            while (off < data.Length)
            {
                nint n = write(fd, p + off, data.Length - off);
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
        int size = SysStat.fstat(fd, &st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFREG && st.Size > 0 && st.Size < int.MaxValue / 2
            ? (int)st.Size + 1 : 4096;
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

    /// The soft limit of a resource (RLIMIT_NOFILE is 7), or -1 when it cannot be read.
    public static long SoftLimit(int resource)
    {
        long* lim = stackalloc long[2];
        return getrlimit(resource, lim) < 0 ? -1 : lim[0];
    }

    /// getrlimit: false (errno set) on failure.
    public static bool GetLimit(int resource, out ulong soft, out ulong hard)
    {
        long* lim = stackalloc long[2];
        bool ok = getrlimit(resource, lim) == 0;
        (soft, hard) = ((ulong)lim[0], (ulong)lim[1]);
        return ok;
    }

    /// setrlimit: 0 or -1 (errno set).
    public static int SetLimit(int resource, ulong soft, ulong hard)
    {
        long* lim = stackalloc long[2];
        (lim[0], lim[1]) = ((long)soft, (long)hard);
        return setrlimit(resource, lim);
    }

    [LibraryImport(L, SetLastError = true)] public static partial int poll(short* fds, nuint count, int timeout);
    [LibraryImport(L, EntryPoint = "syscall", SetLastError = true)] private static partial long syscall2(long number, long a, long b);

    /// A descriptor that becomes readable when process pid ends, or -1 (errno set).
    public static int PidFd(int pid) => (int)syscall2(434, pid, 0); // pidfd_open

    /// Waits up to timeoutMs (-1: forever) for one of fds to be readable; returns its index, -1 on
    /// timeout, -2 on error.
    public static int WaitReadable(int[] fds, int timeoutMs)
    {
        // struct pollfd: int fd, short events, short revents
        short* p = stackalloc short[4 * fds.Length];
        for (int i = 0; i < fds.Length; i++)
        {
            *(int*)(p + 4 * i) = fds[i];
            p[4 * i + 2] = 1; // POLLIN
            p[4 * i + 3] = 0;
        }
        int r;
        do r = poll(p, (nuint)fds.Length, timeoutMs); while (r < 0 && Errno.Value == Errno.EINTR);
        if (r < 0) return -2;
        for (int i = 0; i < fds.Length; i++)
            if (p[4 * i + 3] != 0) return i;
        return -1;
    }

    public static (int r, int w) Pipe()
    {
        int* fds = stackalloc int[2];
        if (pipe2(fds, Fcntl.O_CLOEXEC) < 0) return (-1, -1);
        return (fds[0], fds[1]);
    }

    [LibraryImport(L, SetLastError = true)] public static partial int prctl(int option, nuint a2, nuint a3, nuint a4, nuint a5);
    public const int PR_SET_CHILD_SUBREAPER = 36;

    // Files and FIFOs of the supervision tree (supervise/, event/, .s6-svscan/).

    // The supervisor's event loop: one epoll set, so a wake-up costs what is ready, not what is watched.
    // struct epoll_event is packed on x86_64: uint32 events, then uint64 data (12 bytes).
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_create1(int flags);
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_ctl(int epfd, int op, int fd, byte* ev);
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_wait(int epfd, byte* events, int max, int timeoutMs);
    public const int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLLIN = 1, EPOLL_EVENT_SIZE = 12;


    /// Where a symbolic link points, or null.
    public static string? ReadLink(string path)
    {
        var buf = new byte[4096];
        nint n;
        fixed (byte* p = C(path))
        fixed (byte* b = buf)
            n = readlink(p, b, buf.Length);
        return n < 0 ? null : Text.Bytes.Latin1(buf.AsSpan(0, (int)n));
    }

    public static int Chown(string path, int uid, int gid)
    {
        fixed (byte* p = C(path)) return chown(p, uid, gid);
    }

}
