using System.Runtime.InteropServices;

namespace Execline.Native;

/// <poll.h>: waiting for descriptors.
public static unsafe partial class Poll
{
    public const short POLLIN = 1, POLLOUT = 4, POLLERR = 8, POLLHUP = 16, POLLNVAL = 32;

    /// struct pollfd.
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events, Revents;
    }

    [LibraryImport(Libc.Name, SetLastError = true)] public static partial int poll(PollFd* fds, nint n, int timeoutMs);

    /// Waits up to timeoutMs (-1: forever) for one of fds to be readable; returns its index, -1 on
    /// timeout, -2 on error.
    public static int WaitReadable(int[] fds, int timeoutMs)
    {
        PollFd* p = stackalloc PollFd[fds.Length];
        if (PollIn(fds, timeoutMs, p) < 0) return -2;
        for (int i = 0; i < fds.Length; i++)
            if (p[i].Revents != 0) return i;
        return -1;
    }

    /// Waits up to timeoutMs (-1: forever) for some of fds to be readable; adds every one that is to
    /// ready. The number of them (0 on timeout), -2 on error.
    public static int WaitReadable(IReadOnlyList<int> fds, int timeoutMs, ISet<int> ready)
    {
        PollFd* p = stackalloc PollFd[fds.Count];
        int r = PollIn(fds, timeoutMs, p);
        if (r < 0) return -2;
        for (int i = 0; i < fds.Count; i++)
            if (p[i].Revents != 0) ready.Add(fds[i]);
        return r;
    }

    /// poll for input on fds (p holds as many), again when a signal interrupts it.
    static int PollIn(IReadOnlyList<int> fds, int timeoutMs, PollFd* p)
    {
        for (int i = 0; i < fds.Count; i++) p[i] = new PollFd { Fd = fds[i], Events = POLLIN };
        int r;
        do r = poll(p, fds.Count, timeoutMs); while (r < 0 && Errno.Value == Errno.EINTR);
        return r;
    }
}
