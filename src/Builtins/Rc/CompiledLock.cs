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
        int flags = exclusive ? Fcntl.O_RDWR | Fcntl.O_CREAT | Fcntl.O_TRUNC : Fcntl.O_RDONLY;
        flags |= Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC;
        int fd = Fcntl.Open($"{compiled}/lock", flags, SysStat.Mode0644);
        if (fd < 0) throw inv.DieErrno(111, $"unable to take lock on {compiled}", Errno.Value);
        int err = Fcntl.Lock(fd, exclusive, wait);
        if (err != 0)
        {
            Unistd.close(fd);
            throw inv.DieErrno(111, $"unable to take lock on {compiled}", err is Errno.EACCES or Errno.EAGAIN ? Errno.EBUSY : err);
        }
        return new CompiledLock(fd);
    }

    public void Dispose() => Unistd.close(_fd);
}
