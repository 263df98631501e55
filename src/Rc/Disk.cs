using Execline.Native;

namespace Execline.Rc;

/// The file reads compiling and loading a database make, by path (bytes as Latin-1 strings), each giving
/// the errno it failed with so the caller can word upstream's message.
public static unsafe class Disk
{
    /// At most max bytes from the start of the file (skalibs' openreadnclose), or null with errno.
    public static byte[]? ReadPrefix(string path, int max, out int errno)
    {
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        if (fd < 0) { errno = Errno.Value; return null; }
        var buf = new byte[max];
        int len = 0;
        errno = 0;
        while (len < max)
        {
            nint n;
            fixed (byte* p = buf) n = Unistd.read(fd, p + len, max - len);
            if (n < 0)
            {
                if (Errno.Value == Errno.EINTR) continue;
                errno = Errno.Value;
                break;
            }
            if (n == 0) break;
            len += (int)n;
        }
        Unistd.close(fd);
        return errno != 0 ? null : buf.AsSpan(0, len).ToArray();
    }

    /// The whole file, or null with errno (opened tells a failed read from a failed open).
    public static byte[]? ReadAll(string path, out int errno, out bool opened)
    {
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        opened = fd >= 0;
        if (fd < 0) { errno = Errno.Value; return null; }
        var data = Unistd.ReadAll(fd, out errno);
        Unistd.close(fd);
        return data;
    }

    /// Whether the file's type (stat, following links) is a directory; null with errno when it cannot be
    /// stat'ed.
    public static bool? IsDirectory(string path, out int errno)
    {
        if (SysStat.StatPath(path, out var st) < 0) { errno = Errno.Value; return null; }
        errno = 0;
        return (st.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR;
    }

    /// Opens the file and tells whether it is a regular one (what s6-rc-compile checks of run): null with
    /// errno when it cannot be opened or stat'ed (failedOpen says which).
    public static bool? IsRegularFile(string path, out int errno, out bool failedOpen)
    {
        int fd = Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
        failedOpen = fd < 0;
        if (fd < 0) { errno = Errno.Value; return null; }
        SysStat.Stat st;
        int r = SysStat.fstat(fd, &st);
        errno = r < 0 ? Errno.Value : 0;
        Unistd.close(fd);
        return r < 0 ? null : (st.Mode & SysStat.S_IFMT) == SysStat.S_IFREG;
    }

    /// access(F_OK): true, false for ENOENT, null with errno otherwise.
    public static bool? Exists(string path, out int errno)
    {
        errno = 0;
        if (Unistd.Access(path, 0) == 0) return true;
        errno = Errno.Value;
        return errno == Errno.ENOENT ? false : null;
    }

    public static bool Readable(string path) => Unistd.Access(path, 4) == 0;

    /// Names in a directory in readdir order, or null with errno.
    public static List<string>? List(string path, out int errno) => Dirent.ListDirectory(path, out errno);
}
