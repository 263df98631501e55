using Execline.Native;

namespace Execline.Runtime;

/// Waiting for children. A status reaped while waiting for "any child" is kept for whoever asks later.
public static unsafe class Children
{
    static readonly Dictionary<int, WaitStatus> _reaped = new();
    static readonly object _lock = new();

    public static WaitStatus Wait(int pid)
    {
        lock (_lock)
            if (_reaped.Remove(pid, out var st)) return st;
        int status;
        while (true)
        {
            int r = SysWait.waitpid(pid, &status, 0);
            if (r == pid) return new WaitStatus(status);
            if (r < 0 && Errno.Value != Errno.EINTR) return WaitStatus.Exited(127);
        }
    }

    /// Reaps one child (blocking unless noHang). Returns its pid, 0 when none is ready, -1 when there are none.
    public static int WaitAny(out WaitStatus status, bool noHang = false)
    {
        lock (_lock)
            foreach (var (pid, st) in _reaped)
            {
                _reaped.Remove(pid);
                status = st;
                return pid;
            }
        int raw;
        while (true)
        {
            int r = SysWait.waitpid(-1, &raw, noHang ? SysWait.WNOHANG : 0);
            if (r < 0 && Errno.Value == Errno.EINTR) continue;
            status = new WaitStatus(raw);
            return r;
        }
    }

    /// Non-blocking check on one pid: true with its status when it has ended.
    public static bool TryWait(int pid, out WaitStatus status)
    {
        lock (_lock)
            if (_reaped.Remove(pid, out status)) return true;
        int raw;
        int r = SysWait.waitpid(pid, &raw, SysWait.WNOHANG);
        status = new WaitStatus(raw);
        return r == pid;
    }
}
