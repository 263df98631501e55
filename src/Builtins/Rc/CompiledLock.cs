using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Rc;

/// The lock of a compiled database directory, COMPILED/lock, as s6-rc's tools take it: shared to read the
/// database, exclusive to make it, without waiting unless told (then a held lock is "busy").
sealed class CompiledLock : IDisposable
{
    readonly int _fd;

    CompiledLock(int fd) => _fd = fd;

    public static CompiledLock Take(Invocation inv, string compiled, bool exclusive, bool wait)
    {
        int fd = TakeFile($"{compiled}/lock", exclusive, wait, out int err);
        if (fd < 0) throw inv.DieErrno(111, $"unable to take lock on {compiled}", err);
        return new CompiledLock(fd);
    }

    /// A lock file of s6-rc's (a database's, a live directory's) taken as s6-rc takes them: the open
    /// descriptor holding it, or -1 with the errno (EBUSY for a lock held elsewhere). The lock is the
    /// descriptor's: s6-rc runs in its caller's process, where a oneshot it runs may call s6-rc again,
    /// which must find the lock held as it would from a process of its own.
    public static int TakeFile(string file, bool exclusive, bool wait, out int err)
    {
        int flags = (exclusive ? Fcntl.O_RDWR | Fcntl.O_CREAT | Fcntl.O_TRUNC : Fcntl.O_RDONLY) | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC;
        int fd = Fcntl.Open(file, flags, SysStat.Mode0644);
        if (fd < 0)
        {
            err = Errno.Value;
            return -1;
        }
        err = Fcntl.LockDescription(fd, exclusive, wait);
        if (err == 0) return fd;
        Unistd.close(fd);
        if (err is Errno.EAGAIN or Errno.EACCES) err = Errno.EBUSY;
        return -1;
    }

    public void Dispose() => Unistd.close(_fd);
}
