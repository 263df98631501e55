using Execline.Native;

namespace Execline.Builtins.ProcessControl;

/// Whole-file POSIX record locks through fcntl: what every s6 lock is, and what s6's tools test for.
static class Locks
{

    /// Takes the lock; 0 on success, -1 when it is held elsewhere and wait is false, else an errno.
    public static int Take(int fd, bool exclusive, bool wait)
    {
        int e = Fcntl.Lock(fd, exclusive, wait);
        return e is Errno.EAGAIN or Errno.EACCES ? -1 : e;
    }

    /// Tries the lock until it is had or timeoutMs has passed.
    public static bool Poll(int fd, bool exclusive, int timeoutMs)
    {
        var deadline = System.Environment.TickCount64 + timeoutMs;
        int pause = 1;
        while (true)
        {
            if (Take(fd, exclusive, false) == 0) return true;
            long left = deadline - System.Environment.TickCount64;
            if (left <= 0) return false;
            Thread.Sleep((int)Math.Min(pause, left));
            pause = Math.Min(pause * 2, 16);
        }
    }
}
