using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// The supervisor's one thread: poll over the signalfd and every watched descriptor, wake for the nearest
/// deadline, reap every child on SIGCHLD (orphans included: as PID 1 they are ours to reap) and hand
/// each status to whoever started that pid. Chains are only ever run from here (they are not thread-safe).
sealed unsafe class EventLoop
{
    readonly int _signalFd;
    readonly Dictionary<int, Action> _readers = new();
    readonly Dictionary<int, Action<WaitStatus>> _children = new();

    /// Called for every signal but SIGCHLD.
    public Action<int> OnSignal = _ => { };
    /// The nearest deadline (milliseconds of Now), or long.MaxValue.
    public Func<long> NextDeadline = () => long.MaxValue;
    /// Called after each wake-up, for deadlines that have passed.
    public Action<long> OnTime = _ => { };
    public bool Stopped { get; set; }

    public static long Now => Environment.TickCount64;

    public EventLoop(int signalFd) => _signalFd = signalFd;

    public void WatchFd(int fd, Action onReadable) => _readers[fd] = onReadable;
    public void UnwatchFd(int fd) => _readers.Remove(fd);
    public void WatchChild(int pid, Action<WaitStatus> onExit) => _children[pid] = onExit;
    public int ChildCount => _children.Count;

    public void Run()
    {
        while (!Stopped) Once();
    }

    void Once()
    {
        var fds = new Libc.PollFd[_readers.Count + 1];
        fds[0] = new Libc.PollFd { Fd = _signalFd, Events = Libc.POLLIN };
        int i = 1;
        foreach (var fd in _readers.Keys) fds[i++] = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
        long deadline = NextDeadline();
        long now = Now;
        int timeout = deadline == long.MaxValue ? -1 : (int)Math.Clamp(deadline - now, 0, int.MaxValue);
        int n;
        fixed (Libc.PollFd* p = fds) n = Libc.poll(p, fds.Length, timeout);
        if (n > 0)
        {
            if ((fds[0].Revents & Libc.POLLIN) != 0) TakeSignal();
            for (int k = 1; k < fds.Length; k++)
                if (fds[k].Revents != 0 && _readers.TryGetValue(fds[k].Fd, out var onReadable)) onReadable();
        }
        OnTime(Now);
    }

    void TakeSignal()
    {
        int sig = SignalSet.Read(_signalFd, out _, out _);
        if (sig == Signals.CHLD) Reap();
        else if (sig > 0) OnSignal(sig);
    }

    /// Every child that has ended, whoever it was.
    public void Reap()
    {
        int raw;
        int pid;
        while ((pid = Libc.waitpid(-1, &raw, Libc.WNOHANG)) > 0)
            if (_children.Remove(pid, out var onExit)) onExit(new WaitStatus(raw));
    }
}
