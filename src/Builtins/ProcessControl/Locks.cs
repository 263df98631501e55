using Execline.Native;

namespace Execline.Builtins.ProcessControl;

/// Whole-file POSIX record locks through fcntl: what every s6 lock is, and what s6's tools test for.
static unsafe class Locks
{
    const int F_SETLK = 6, F_SETLKW = 7;
    const short F_RDLCK = 0, F_WRLCK = 1;
    const int EINTR = 4, EAGAIN = 11, EACCES = 13;

    /// Takes the lock; 0 on success, -1 when it is held elsewhere and wait is false, else an errno.
    public static int Take(int fd, bool exclusive, bool wait)
    {
        // struct flock: l_type, l_whence (shorts), then l_start and l_len (longs), l_pid
        byte* fl = stackalloc byte[32];
        new Span<byte>(fl, 32).Clear();
        *(short*)fl = exclusive ? F_WRLCK : F_RDLCK;
        while (true)
        {
            if (Libc.fcntl_lock(fd, wait ? F_SETLKW : F_SETLK, fl) == 0) return 0;
            int e = Libc.Errno;
            if (e == EINTR) continue;
            return e is EAGAIN or EACCES ? -1 : e;
        }
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
