using Execline.Native;

namespace Execline.S6;

/// The notifier side of skalibs' ftrig protocol: a directory where listeners put FIFOs named
/// `ftrig1:@<24 hex digits>:<6 chars>` and the notifier writes event bytes into each of them.
public static class FifoDir
{
    public const string ListenerPrefix = "ftrig1:@";
    public const int ListenerNameLength = 39;
    /// drwx-ws--T: the owner and members of the group may subscribe, nobody may list.
    public const int GroupMode = SysStat.S_ISGID | SysStat.S_ISVTX | SysStat.S_IRWXU | SysStat.S_IWGRP | SysStat.S_IXGRP;
    /// drwx-wx-wt: anyone may subscribe.
    public const int PublicMode = SysStat.S_ISVTX | SysStat.S_IRWXU | SysStat.S_IWGRP | SysStat.S_IXGRP | SysStat.S_IWOTH | SysStat.S_IXOTH;

    /// Creates the directory if missing: group-restricted to gid (mode 03730), or public (01733) when gid
    /// is negative. A directory that already exists is used as it is. Returns 0 or an errno.
    public static int Create(string path, int gid)
    {
        if (SysStat.MakeDirectory(path, SysStat.Mode0700) < 0)
        {
            int e = Errno.Value;
            if (e != Errno.EEXIST) return e;
            return SysStat.StatPath(path, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR ? 0 : Errno.ENOTDIR;
        }
        if (gid >= 0 && Unistd.Chown(path, -1, gid) < 0) return Errno.Value;
        return SysStat.Chmod(path, gid >= 0 ? GroupMode : PublicMode) < 0 ? Errno.Value : 0;
    }

    /// Whether a directory entry is a listener's FIFO (the notifier ignores every other name).
    public static bool IsListener(string name) => name.Length == ListenerNameLength && name.StartsWith(ListenerPrefix, StringComparison.Ordinal);

    /// Writes events, in one write, to every listener. A FIFO nobody reads any more (ENXIO on open, EPIPE
    /// on write) is a listener that died: it is removed. SIGPIPE must be ignored or blocked meanwhile.
    public static unsafe void Notify(string path, ReadOnlySpan<byte> events)
    {
        var names = Dirent.ListDirectory(path);
        if (names == null) return;
        foreach (var name in names)
        {
            if (!IsListener(name)) continue;
            string fifo = path + "/" + name;
            int fd = Fcntl.Open(fifo, Fcntl.O_WRONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
            if (fd < 0)
            {
                if (Errno.Value == Errno.ENXIO) Unistd.Unlink(fifo);
                continue;
            }
            nint n;
            fixed (byte* p = events) n = Unistd.write(fd, p, events.Length);
            if (n < 0 && Errno.Value == Errno.EPIPE) Unistd.Unlink(fifo);
            Unistd.close(fd);
        }
    }
}
