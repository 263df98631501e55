using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// Watching services until they reach a state, as s6-svwait, s6-svlisten1 and s6-svlisten do: subscribe
/// to each service's `event/` fifodir first, only then read its status (so no change can slip between
/// the two), then follow the event bytes the supervisor writes.
public sealed class ServiceWatch : IDisposable
{
    readonly string[] _dirs;
    readonly FtrigListener?[] _listeners;
    readonly bool[] _up, _ready;

    ServiceWatch(IReadOnlyList<string> dirs)
    {
        _dirs = dirs.ToArray();
        _listeners = new FtrigListener?[_dirs.Length];
        _up = new bool[_dirs.Length];
        _ready = new bool[_dirs.Length];
    }

    /// Subscribes to every directory and reads where each service stands. The event directory is created
    /// (group-restricted to our egid) when missing; upstream ignores a failure there, the subscription
    /// then reports it.
    public static ServiceWatch Start(Invocation inv, IReadOnlyList<string> dirs)
    {
        var watch = new ServiceWatch(dirs);
        try
        {
            int gid = Unistd.getegid();
            for (int i = 0; i < watch._dirs.Length; i++)
            {
                var dir = watch._dirs[i];
                FifoDir.Create(dir + "/event", gid);
                watch._listeners[i] = FtrigListener.Subscribe(dir + "/event", out int errno)
                    ?? throw inv.DieErrno(111, "unable to subscribe to events for " + dir, errno);
                var status = ReadStatus(inv, dir);
                watch._up[i] = status.IsUp;
                watch._ready[i] = status.Ready;
            }
            return watch;
        }
        catch
        {
            watch.Dispose();
            throw;
        }
    }

    static ServiceStatus ReadStatus(Invocation inv, string dir)
    {
        var data = Unistd.ReadFile(dir + "/supervise/status") ?? throw inv.DieErrno(111, "unable to s6_svstatus_read", Errno.Value);
        if (!ServiceStatus.TryDecode(data, out var status)) throw inv.DieErrno(111, "unable to s6_svstatus_read", Errno.EPIPE);
        return status;
    }

    /// Waits until the services are up (or down), and ready when asked, all of them or any one. Returns
    /// how many services failed on the way: a permanent failure (`O`) while waiting for up, or a
    /// supervisor that exited (`x`) before its service got there; such a service then counts as arrived.
    /// Past the deadline (milliseconds of Environment.TickCount64, long.MaxValue for none): "timed out", 99.
    public int Until(Invocation inv, bool wantUp, bool wantReady, bool any, long deadline)
    {
        int failures = 0;
        if (Reached(wantUp, wantReady, any)) return 0;
        var fds = new Native.Poll.PollFd[_dirs.Length];
        for (int i = 0; i < fds.Length; i++) fds[i] = new Native.Poll.PollFd { Fd = _listeners[i]!.Fd, Events = Native.Poll.POLLIN };
        while (true)
        {
            int r = Poll(fds, deadline);
            if (r < 0) throw inv.DieErrno(111, "unable to iopause", Errno.Value);
            if (r == 0) throw inv.Die(99, "timed out");
            for (int i = 0; i < fds.Length; i++)
            {
                if ((fds[i].Revents & Native.Poll.POLLIN) == 0) continue;
                var events = _listeners[i]!.ReadAvailable(out int errno) ?? throw inv.DieErrno(111, "unable to ftrigr_update", errno);
                foreach (var e in events)
                {
                    Apply(i, (char)e, wantUp, wantReady, ref failures);
                    if (Reached(wantUp, wantReady, any)) return failures;
                }
            }
        }
    }

    /// poll(2) until something is readable or the deadline passes: >0 ready, 0 timed out, <0 error.
    static unsafe int Poll(Native.Poll.PollFd[] fds, long deadline)
    {
        while (true)
        {
            long left = deadline == long.MaxValue ? -1 : Math.Max(0, deadline - System.Environment.TickCount64);
            int r;
            fixed (Native.Poll.PollFd* p = fds) r = Native.Poll.poll(p, fds.Length, (int)Math.Min(left, int.MaxValue));
            if (r < 0 && Errno.Value == Errno.EINTR) continue;
            if (r == 0 && left != 0) continue;
            return r;
        }
    }

    /// One event byte: d run died, D really down, u up, U ready; O permanent failure, x supervisor gone.
    void Apply(int i, char e, bool wantUp, bool wantReady, ref int failures)
    {
        switch (e)
        {
            case 'x':
                if (_up[i] != wantUp || _ready[i] != wantReady) failures++;
                (_up[i], _ready[i]) = (wantUp, wantReady);
                break;
            case 'O':
                if (!wantUp) break;
                (_up[i], _ready[i]) = (wantUp, wantReady);
                failures++;
                break;
            case 'd': (_up[i], _ready[i]) = (false, false); break;
            case 'D': (_up[i], _ready[i]) = (false, true); break;
            case 'u': (_up[i], _ready[i]) = (true, false); break;
            case 'U': (_up[i], _ready[i]) = (true, true); break;
        }
    }

    bool Reached(bool wantUp, bool wantReady, bool any)
    {
        for (int i = 0; i < _dirs.Length; i++)
        {
            bool there = _up[i] == wantUp && (!wantReady || _ready[i]);
            if (there == any) return any;
        }
        return !any;
    }

    public void Dispose()
    {
        foreach (var l in _listeners) l?.Dispose();
    }
}
