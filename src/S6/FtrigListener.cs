using Execline.Native;

namespace Execline.S6;

/// The listener side of skalibs' ftrig protocol: a FIFO of ours in a notifier's fifodir, into which the
/// notifier writes event bytes. Upstream's clients have the s6-ftrigrd helper do this; we do it here.
public sealed class FtrigListener : IDisposable
{
    const string NameChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    readonly string _fifo;
    int _read, _write;

    FtrigListener(string fifo, int read, int write)
    {
        _fifo = fifo;
        _read = read;
        _write = write;
    }

    /// The descriptor to poll for events.
    public int Fd => _read;

    /// Puts a FIFO named `ftrig1:@<TAI64N now>:<6 random chars>` into fifoDir. It is made under a dot
    /// name and renamed once both our ends are open: a notifier only writes to the final name, so it never
    /// finds a FIFO without a reader. The write end we keep means the FIFO never reads as EOF. Null with
    /// errno when it cannot be done.
    public static FtrigListener? Subscribe(string fifoDir, out int errno)
    {
        string stem = "ftrig1:" + Tai64n.Now().Label() + ":";
        string name, temp;
        while (true)
        {
            name = stem + RandomSuffix();
            temp = $"{fifoDir}/.{name}";
            if (SysStat.MakeFifo(temp, SysStat.Mode0600) == 0) break;
            errno = Errno.Value;
            if (errno != Errno.EEXIST) return null;
        }
        string fifo = $"{fifoDir}/{name}";
        int read = Fcntl.Open(temp, Fcntl.O_RDONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        int write = read < 0 ? -1 : Fcntl.Open(temp, Fcntl.O_WRONLY | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
        if (write < 0 || Stdio.Rename(temp, fifo) < 0)
        {
            errno = Errno.Value;
            if (read >= 0) Unistd.close(read);
            if (write >= 0) Unistd.close(write);
            Unistd.Unlink(temp);
            return null;
        }
        errno = 0;
        return new FtrigListener(fifo, read, write);
    }

    static string RandomSuffix()
    {
        Span<char> s = stackalloc char[6];
        for (int i = 0; i < s.Length; i++) s[i] = NameChars[Random.Shared.Next(NameChars.Length)];
        return new string(s);
    }

    /// The event bytes available now (possibly none); null with errno on a read error.
    public unsafe byte[]? ReadAvailable(out int errno)
    {
        errno = 0;
        var got = new List<byte>();
        byte* buf = stackalloc byte[256];
        while (true)
        {
            nint n = Unistd.read(_read, buf, 256);
            if (n > 0)
            {
                for (int i = 0; i < n; i++) got.Add(buf[i]);
                continue;
            }
            if (n < 0)
            {
                int e = Errno.Value;
                if (e == Errno.EINTR) continue;
                if (e != Errno.EAGAIN)
                {
                    errno = e;
                    return null;
                }
            }
            return got.ToArray();
        }
    }

    /// Unsubscribes: the FIFO goes away and the notifier stops writing to it.
    public void Dispose()
    {
        if (_read < 0) return;
        Unistd.Unlink(_fifo);
        Unistd.close(_read);
        Unistd.close(_write);
        _read = _write = -1;
    }
}
