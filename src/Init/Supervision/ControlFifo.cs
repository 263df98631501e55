using Execline.Native;

namespace Execline.Init.Supervision;

/// A control FIFO (`supervise/control`, `.s6-svscan/control`): clients write command bytes into it. It is
/// open for reading exactly while someone supervises (a client's open fails with ENXIO otherwise), and
/// we hold a write end too, so the reader never sees end of file between clients.
sealed class ControlFifo
{
    public int ReadFd { get; private set; } = -1;
    int _writeFd = -1;

    /// mkfifo (mode 0600) unless present, then open both ends; 0 or an errno (ENOTDIR-like: not a FIFO).
    public int Open(string path)
    {
        int old = Libc.umask(0);
        int made = Libc.MakeFifo(path, 0x180);
        int err = made < 0 ? Libc.Errno : 0;
        Libc.umask(old);
        if (made < 0 && err != Libc.EEXIST) return err;
        if (Libc.StatPath(path, out var st) < 0) return Libc.Errno;
        if ((st.Mode & Libc.S_IFMT) != Libc.S_IFIFO) return Libc.EEXIST;
        ReadFd = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (ReadFd < 0) return Libc.Errno;
        _writeFd = Libc.Open(path, Libc.O_WRONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (_writeFd < 0)
        {
            err = Libc.Errno;
            Close();
            return err;
        }
        return 0;
    }

    /// The command bytes waiting, in order (empty when none).
    public unsafe byte[] ReadCommands()
    {
        var all = new List<byte>();
        byte* buf = stackalloc byte[256];
        while (true)
        {
            nint n = Libc.read(ReadFd, buf, 256);
            if (n > 0)
            {
                for (int i = 0; i < n; i++) all.Add(buf[i]);
                continue;
            }
            if (n < 0 && Libc.Errno == Libc.EINTR) continue;
            return all.ToArray();
        }
    }

    public void Close()
    {
        if (ReadFd >= 0) Libc.close(ReadFd);
        if (_writeFd >= 0) Libc.close(_writeFd);
        ReadFd = _writeFd = -1;
    }
}
