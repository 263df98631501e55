using Execline.Native;

namespace Execline.Init.Supervision;

/// A control FIFO (`supervise/control`, `.s6-svscan/control`): clients write command bytes into it. It is
/// open for reading exactly while someone supervises (a client's open fails with ENXIO otherwise). We open
/// it for reading and writing at once (Linux allows it on a FIFO): one descriptor instead of a reader and
/// a dummy writer, and as a writer ourselves we never see end of file between clients.
sealed class ControlFifo
{
    /// What one turn of the loop takes from one FIFO (a client's command is a byte or two): a client
    /// writing without pause gets its bytes served a few at a time, between everything else.
    const int BytesPerTurn = 2;

    public int Fd { get; private set; } = -1;

    /// mkfifo (mode 0600) unless present, then open; 0 or an errno (EEXIST: there, but not a FIFO).
    public int Open(string path)
    {
        int old = SysStat.umask(0);
        int made = SysStat.MakeFifo(path, SysStat.Mode0600);
        int err = made < 0 ? Errno.Value : 0;
        SysStat.umask(old);
        if (made < 0 && err != Errno.EEXIST) return err;
        if (SysStat.StatPath(path, out var st) < 0) return Errno.Value;
        if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFIFO) return Errno.EEXIST;
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
}
