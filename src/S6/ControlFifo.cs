using Execline.Native;

namespace Execline.S6;

/// How a command reached (or failed to reach) a supervisor's control FIFO.
public enum Delivery { Sent, NotListening, BrokenDirectory, Failed }

/// A control FIFO, `DIR/SUBDIR/control` (SUBDIR is `supervise` for s6-supervise, `.s6-svscan` for
/// s6-svscan), both ends: clients write command bytes into it (Send), the supervisor reads them (an
/// instance). It is open for reading exactly while someone supervises (a client's open fails with ENXIO
/// otherwise). The supervisor opens it for reading and writing at once (Linux allows it on a FIFO): one
/// descriptor instead of a reader and a dummy writer, and as a writer itself it never sees end of file
/// between clients.
public sealed class ControlFifo
{
    /// What one turn of the loop takes from one FIFO (a client's command is a byte or two): a client
    /// writing without pause gets its bytes served a few at a time, between everything else.
    const int BytesPerTurn = 2;

    public int Fd { get; private set; } = -1;

    /// mkfifo (mode 0600) unless present, then open; 0 or an errno (EEXIST: there, but not a FIFO).
    public int Open(string path)
    {
        int made, err;
        using (TemporaryUmask.Exact(SysStat.Mode0600))
        {
            made = SysStat.MakeFifo(path, SysStat.Mode0600);
            err = made < 0 ? Errno.Value : 0;
        }
        if (made < 0)
        {
            // There already: it must be a FIFO (the one just made is)
            if (err != Errno.EEXIST) return err;
            if (SysStat.StatPath(path, out var st) < 0) return Errno.Value;
            if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFIFO) return Errno.EEXIST;
        }
        Fd = Fcntl.Open(path, Fcntl.O_RDWR | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        return Fd < 0 ? Errno.Value : 0;
    }

    /// Takes over a descriptor already open for reading and writing on the FIFO.
    public void Adopt(int fd) => Fd = fd;

    /// The command bytes waiting, in order, at most BytesPerTurn of them (empty when none).
    public unsafe byte[] ReadCommands()
    {
        byte* buf = stackalloc byte[BytesPerTurn];
        nint n;
        do n = Unistd.read(Fd, buf, BytesPerTurn);
        while (n < 0 && Errno.Value == Errno.EINTR);
        return n > 0 ? new ReadOnlySpan<byte>(buf, (int)n).ToArray() : [];
    }

    public void Close()
    {
        if (Fd >= 0) Unistd.close(Fd);
        Fd = -1;
    }

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
            if (bytes.Length == 0) return Delivery.Sent;
            // O_NONBLOCK is the only status flag it was opened with
            if (Fcntl.fcntl(fd, Fcntl.F_SETFL, 0) < 0)
            {
                errno = Errno.Value;
                return Delivery.Failed;
            }
            errno = Unistd.WriteAll(fd, Text.Bytes.ToBytes(bytes));
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
