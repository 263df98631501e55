using Execline.Native;

namespace Execline.S6;

/// A lock file held with an fcntl write lock for as long as the descriptor stays open: what s6's
/// clients test to know a supervisor is alive. Closing any other descriptor of the file in this process
/// would drop the lock, so the file is opened once, here, and nowhere else.
public sealed class LockFile
{
    public int Fd { get; private set; } = -1;

    /// Opens (creating with mode) and locks path; 0, or the errno (EAGAIN/EACCES: someone else holds it).
    public int Acquire(string path, int mode)
    {
        int fd;
        using (TemporaryUmask.Exact(mode)) fd = Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_NONBLOCK | Fcntl.O_CREAT | Fcntl.O_CLOEXEC, mode);
        if (fd < 0) return Errno.Value;
        int err = Fcntl.LockWrite(fd);
        if (err != 0)
        {
            Unistd.close(fd);
            return err;
        }
        Fd = fd;
        return 0;
    }

    /// Takes over a descriptor of the file this process already has open (across our own exec, the lock
    /// goes with it); 0, or the errno of locking it (someone else holds the lock).
    public int Adopt(int fd)
    {
        int err = Fcntl.LockWrite(fd);
        if (err == 0) Fd = fd;
        return err;
    }

    public void Release()
    {
        if (Fd >= 0) Unistd.close(Fd);
        Fd = -1;
    }
}
