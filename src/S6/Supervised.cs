using Execline.Native;

namespace Execline.S6;

/// "Is a supervisor running on this service directory?" A supervisor holds a POSIX record lock on
/// `supervise/lock` for as long as it runs, so asking whether that lock is held answers it without
/// talking to the supervisor.
public static class Supervised
{
    /// 1 when supervised, 0 when not (no directory, no lock file, or nobody holds the lock), -1 with
    /// errno on any other failure.
    public static int Check(string dir, out int errno)
    {
        errno = 0;
        int fd = Fcntl.Open(dir + "/supervise/lock", Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (fd < 0)
        {
            errno = Errno.Value;
            return errno == Errno.ENOENT ? 0 : -1;
        }
        bool locked = Fcntl.IsLockedByOther(fd);
        Unistd.close(fd);
        return locked ? 1 : 0;
    }
}
