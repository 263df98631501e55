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

    [LibraryImport(L, SetLastError = true)] public static partial int waitpid(int pid, int* status, int options);
    [LibraryImport(L, SetLastError = true)] public static partial int setgroups(nint size, uint* list);
    [LibraryImport(L, SetLastError = true)] public static partial int getrlimit(int resource, long* rlim);
    [LibraryImport(L, SetLastError = true)] public static partial int setrlimit(int resource, long* rlim);
    [LibraryImport(L, SetLastError = true)] public static partial nint opendir(byte* path);
    [LibraryImport(L, SetLastError = true)] public static partial byte* readdir(nint dir);
    [LibraryImport(L)] public static partial int closedir(nint dir);
    [LibraryImport(L)] public static partial int regcomp(byte* preg, byte* pattern, int cflags);
    [LibraryImport(L)] public static partial int regexec(byte* preg, byte* s, nint nmatch, int* pmatch, int eflags);
    [LibraryImport(L)] public static partial nint regerror(int errcode, byte* preg, byte* buf, nint size);
    [LibraryImport(L)] public static partial void regfree(byte* preg);
    [LibraryImport(L)] public static partial int fnmatch(byte* pattern, byte* s, int flags);

    // File system and system calls of the s6-portable-utils and s6-linux-utils commands.
    [LibraryImport(L, SetLastError = true)] public static partial int clock_settime(int clock, long* timespec);
    [LibraryImport(L, SetLastError = true)] public static partial nint getrandom(byte* buf, nint size, uint flags);

    // A walk that never follows a symlink: each call names an entry of a directory held open.
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

    public const uint MFD_CLOEXEC = 1;

    // Files as a logger keeps them: atomic renames, hard links for archives, fsync before a rotation.
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

    /// An anonymous in-memory file holding data, positioned at its start; -1 on failure (errno set).
    public static int MemoryFile(string name, ReadOnlySpan<byte> data)
    {
        int fd;
        fixed (byte* p = C(name)) fd = memfd_create(p, MFD_CLOEXEC);
        if (fd < 0) return -1;
        if (Unistd.WriteAll(fd, data) != 0 || Unistd.lseek(fd, 0, Unistd.SEEK_SET) < 0)
        {
            Unistd.close(fd);
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
            if (fd >= 0) Unistd.close(fd);
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

    /// A byte string (Latin-1) as a NUL-terminated buffer.
    public static byte[] C(string s)
    {
        var b = new byte[s.Length + 1];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
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

    [LibraryImport(L, SetLastError = true)] public static partial int prctl(int option, nuint a2, nuint a3, nuint a4, nuint a5);
    public const int PR_SET_CHILD_SUBREAPER = 36;

    // Files and FIFOs of the supervision tree (supervise/, event/, .s6-svscan/).

    // The supervisor's event loop: one epoll set, so a wake-up costs what is ready, not what is watched.
    // struct epoll_event is packed on x86_64: uint32 events, then uint64 data (12 bytes).
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_create1(int flags);
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_ctl(int epfd, int op, int fd, byte* ev);
    [LibraryImport(L, SetLastError = true)] public static partial int epoll_wait(int epfd, byte* events, int max, int timeoutMs);
    public const int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLLIN = 1, EPOLL_EVENT_SIZE = 12;



}
