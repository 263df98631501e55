using Execline.Native;

namespace Execline.S6;

/// Small files rewritten the skalibs way: `NAME.new` (mode 0666 & ~umask, no fsync), then rename over
/// NAME, so a reader sees the old content or the new, never half of it. The supervisor's status files,
/// s6-log's `=FILE` and s6-dumpenv's variables are written so.
public static class AtomicFile
{
    /// Returns 0 or an errno. tmp is NAME.new unless given. Opened without blocking, as skalibs' open_trunc
    /// does: a FIFO someone left under that name fails (ENXIO) rather than hang a supervisor or a logger.
    public static int Replace(string path, ReadOnlySpan<byte> content, string? tmp = null)
    {
        tmp ??= path + ".new";
        int fd = Fcntl.Open(tmp, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC, SysStat.Mode0666);
        if (fd < 0) return Errno.Value;
        int err = Unistd.WriteAll(fd, content);
        Unistd.close(fd);
        if (err == 0 && Stdio.Rename(tmp, path) < 0) err = Errno.Value;
        if (err != 0) Unistd.Unlink(tmp);
        return err;
    }
}
