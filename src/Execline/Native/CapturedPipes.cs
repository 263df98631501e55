using System.Runtime.InteropServices;

namespace Execline.Native;

/// Pipes whose reading end this process drains in the very thread that writes into them: backtick's, while
/// the builtins of its block run here. Handing the reading to another thread costs a wake-up across cores
/// at each end of every backtick (a quarter of a millisecond each, most of what a script of backticks
/// costs); a write that could fill the pipe would wait forever for a reader, so before writing into a
/// captured pipe WriteAll makes room by reading what is queued (Room). A process started meanwhile (a
/// `foreground` in the block) writes on its own time, so before any spawn every capture is handed to a
/// reader of its own (its HandOff), as backtick always did.
public static unsafe partial class CapturedPipes
{
    const nuint FIONREAD = 0x541B;
    [LibraryImport(Libc.Name, SetLastError = true)] private static partial int ioctl(int fd, nuint request, int* arg);

    /// One captured pipe: its reading end, what was read from it so far, and who reads it once a process
    /// may write into it too.
    public sealed class Capture
    {
        internal readonly int ReadFd;
        internal readonly ulong Dev, Ino;
        internal readonly int Capacity;
        internal readonly Func<bool> HandOff;
        byte[] _data = new byte[256];
        int _length;

        internal Capture(int readFd, ulong dev, ulong ino, int capacity, Func<bool> handOff) =>
            (ReadFd, Dev, Ino, Capacity, HandOff) = (readFd, dev, ino, capacity, handOff);

        /// What was drained so far.
        public ReadOnlySpan<byte> Drained => _data.AsSpan(0, _length);

        /// Reads what the pipe holds now (the writer is this thread: nothing more can come meanwhile).
        internal void Drain(int queued)
        {
            if (_length + queued > _data.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + queued));
            fixed (byte* p = _data)
                while (queued > 0)
                {
                    nint n = Unistd.read(ReadFd, p + _length, queued);
                    if (n < 0 && Errno.Value == Errno.EINTR) continue;
                    if (n <= 0) return;
                    _length += (int)n;
                    queued -= (int)n;
                }
        }
    }

    static readonly List<Capture> _active = new();
    static volatile int _count;

    /// Starts draining the pipe whose reading end is readFd in the writing thread. handOff gives the reading
    /// to a reader that can wait (false when there is none to start). Null when readFd is no pipe.
    public static Capture? Begin(int readFd, Func<bool> handOff)
    {
        SysStat.Stat st;
        if (SysStat.fstat(readFd, &st) < 0 || (st.Mode & SysStat.S_IFMT) != SysStat.S_IFIFO) return null;
        int capacity = Fcntl.fcntl(readFd, Fcntl.F_GETPIPE_SZ, 0);
        if (capacity <= 0) return null;
        var c = new Capture(readFd, st.Dev, st.Ino, capacity, handOff);
        lock (_active)
        {
            _active.Add(c);
            _count = _active.Count;
        }
        return c;
    }

    /// Stops draining c here (its reader reads the rest).
    public static void End(Capture c)
    {
        lock (_active)
        {
            _active.Remove(c);
            _count = _active.Count;
        }
    }

    /// How much of want bytes can be written into fd without waiting: all of it, unless fd is a captured
    /// pipe, which is drained until that much (at most its capacity) fits.
    internal static nint Room(int fd, nint want)
    {
        if (_count == 0) return want;
        SysStat.Stat st;
        if (SysStat.fstat(fd, &st) < 0 || (st.Mode & SysStat.S_IFMT) != SysStat.S_IFIFO) return want;
        Capture? c = null;
        lock (_active)
            foreach (var a in _active)
                if (a.Dev == st.Dev && a.Ino == st.Ino) c = a;
        if (c == null) return want;
        int queued;
        if (ioctl(c.ReadFd, FIONREAD, &queued) < 0) return want;
        nint fits = Math.Min(want, c.Capacity);
        if (c.Capacity - queued < fits) c.Drain(queued);
        return fits;
    }

    /// Before a process is started: every capture goes to a reader of its own. False when one could not.
    internal static bool HandOffAll()
    {
        if (_count == 0) return true;
        Capture[] all;
        lock (_active)
        {
            all = _active.ToArray();
            _active.Clear();
            _count = 0;
        }
        bool ok = true;
        foreach (var c in all) ok &= c.HandOff();
        return ok;
    }
}
