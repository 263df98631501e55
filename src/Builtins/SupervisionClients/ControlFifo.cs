using Execline.Native;

namespace Execline.Builtins.SupervisionClients;

/// How a command reached (or failed to reach) a supervisor's control FIFO.
public enum Delivery { Sent, NotListening, BrokenDirectory, Failed }

/// Writing commands to `DIR/SUBDIR/control`, the FIFO a supervisor keeps open for reading while it runs
/// (SUBDIR is `supervise` for s6-supervise, `.s6-svscan` for s6-svscan).
public static class ControlFifo
{
    /// Opening without blocking tells a live supervisor (a reader exists) from a dead one (ENXIO); the
    /// bytes then go in one blocking write. Zero bytes still open and close: a liveness probe. When the
    /// FIFO is missing, the directories say which: no DIR is a system error, no SUBDIR is a supervisor that
    /// never ran, a SUBDIR without its FIFO is broken.
    public static Delivery Send(string dir, string subdir, string bytes, out int errno)
    {
        errno = 0;
        int fd = Fcntl.Open($"{dir}/{subdir}/control", Fcntl.O_WRONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (fd < 0)
        {
            errno = Errno.Value;
            return errno switch
            {
                Errno.ENXIO => Delivery.NotListening,
                Errno.ENOENT or Errno.ENOTDIR or Errno.EISDIR => Investigate(dir, subdir, ref errno),
                _ => Delivery.Failed,
            };
        }
        try
        {
            int flags = Fcntl.fcntl(fd, Fcntl.F_GETFL, 0);
            if (flags < 0 || Fcntl.fcntl(fd, Fcntl.F_SETFL, flags & ~Fcntl.O_NONBLOCK) < 0)
            {
                errno = Errno.Value;
                return Delivery.Failed;
            }
            errno = bytes.Length == 0 ? 0 : Unistd.WriteAll(fd, Text.Bytes.ToBytes(bytes));
            return errno == 0 ? Delivery.Sent : Delivery.Failed;
        }
        finally
        {
            Unistd.close(fd);
        }
    }


    static Delivery Investigate(string dir, string subdir, ref int errno)
    {
        int top = Fcntl.Open(dir, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (top < 0)
        {
            errno = Errno.Value;
            return Delivery.Failed;
        }
        Unistd.close(top);
        int sub = Fcntl.Open($"{dir}/{subdir}", Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (sub < 0)
        {
            errno = Errno.Value;
            return errno == Errno.ENOENT ? Delivery.NotListening : Delivery.BrokenDirectory;
        }
        Unistd.close(sub);
        return Delivery.BrokenDirectory;
    }
}
