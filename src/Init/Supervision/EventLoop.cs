using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// The supervisor's one thread. Each turn waits (epoll) for a watched descriptor or the nearest timer, then
/// serves every source a bounded amount: pending signals, the deaths of children (every ended child is
/// reaped at once, orphans included: as PID 1 they are ours to reap), ready descriptors (each handler
/// reads a bounded amount), and timers that were due when the turn began. What is left over waits for the
/// next turn, which then does not sleep. So no client, burst of deaths or pile of due work holds up a
/// signal, a death or another FIFO for more than a turn. Chains are only ever run from here (they are not
/// thread-safe).
sealed unsafe class EventLoop
{
    const int ReadyPerTurn = 8, SignalsPerTurn = 16, DeathsPerTurn = 8, TimersPerTurn = 16;

    readonly int _signalFd, _epollFd;
    /// Registrations by token: an event still queued for a descriptor closed (and its number reused)
    /// during the same turn finds no handler instead of the new one.
    readonly Dictionary<ulong, Action> _handlers = new();
    readonly Dictionary<int, ulong> _tokens = new();
    /// Served at every turn, before the others, whether epoll names them or not.
    readonly List<(ulong Token, Action OnReadable)> _first = new();
    ulong _nextToken = 1;
    readonly Dictionary<int, Action<WaitStatus>> _children = new();
    /// Children reaped whose owners have not been told yet.
    readonly Queue<(int Pid, Action<WaitStatus> OnExit, WaitStatus Status)> _deaths = new();
    readonly HashSet<int> _ended = new();
    /// Timers are never cancelled: whoever set one checks its own state when it fires.
    readonly PriorityQueue<Action<long>, long> _timers = new();
    readonly List<Action<long>> _due = new();

    /// Called for every signal but SIGCHLD.
    public Action<int> OnSignal = _ => { };
    /// Called at the end of every turn.
    public Action AfterTurn = () => { };
    public bool Stopped { get; set; }

    public static long Now => Environment.TickCount64;

    public EventLoop(int signalFd)
    {
        _signalFd = signalFd;
        Fcntl.fcntl(signalFd, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
        _epollFd = SysEpoll.epoll_create1(Fcntl.O_CLOEXEC);
        if (_epollFd < 0) throw new InvalidOperationException($"unable to create an epoll set: {Errno.StrError(Errno.Value)}");
        Control(SysEpoll.EPOLL_CTL_ADD, signalFd, 0);
    }

    void Control(int op, int fd, ulong token)
    {
        SysEpoll.Control(_epollFd, op, fd, SysEpoll.EPOLLIN, token);
    }

    /// first: onReadable (which must not block) is called at every turn before anything else, as s6-svscan
    /// has a process of its own beside its s6-supervise ones: no traffic to the services delays it.
    public void WatchFd(int fd, Action onReadable, bool first = false)
    {
        UnwatchFd(fd);
        ulong token = _nextToken++;
        _tokens[fd] = token;
        _handlers[token] = onReadable;
        if (first) _first.Add((token, onReadable));
        Control(SysEpoll.EPOLL_CTL_ADD, fd, token);
    }

    /// Must come before the descriptor is closed.
    public void UnwatchFd(int fd)
    {
        if (!_tokens.Remove(fd, out ulong token)) return;
        _handlers.Remove(token);
        _first.RemoveAll(f => f.Token == token);
        Control(SysEpoll.EPOLL_CTL_DEL, fd, 0);
    }

    public void WatchChild(int pid, Action<WaitStatus> onExit)
    {
        _ended.Remove(pid);
        _children[pid] = onExit;
    }
    public int ChildCount => _children.Count;

    /// Calls onTime (with the time) at the first turn at or after when.
    public void WakeAt(long when, Action<long> onTime) => _timers.Enqueue(onTime, when);

    public void Run()
    {
        while (!Stopped) Once();
    }

    void Once()
    {
        ulong* tokens = stackalloc ulong[ReadyPerTurn];
        int timeout = _deaths.Count > 0 || _turnEnd.Count > 0 ? 0
            : _timers.TryPeek(out _, out long deadline) ? (int)Math.Clamp(deadline - Now, 0, int.MaxValue) : -1;
        int n = SysEpoll.Wait(_epollFd, tokens, ReadyPerTurn, timeout);
        Spawn.ReleaseExecuted();
        TakeSignals();
        foreach (var (_, onReadable) in _first.ToArray()) onReadable();
        Reap();
        for (int k = 0; k < DeathsPerTurn && !Stopped && _deaths.TryDequeue(out var death); k++)
        {
            _ended.Remove(death.Pid);
            death.OnExit(death.Status);
        }
        for (int k = 0; k < n && !Stopped; k++)
        {
            ulong token = tokens[k];
            if (token != 0 && _handlers.TryGetValue(token, out var onReadable) && !_first.Exists(f => f.Token == token)) onReadable();
        }
        RunDueTimers();
        while (_turnEnd.TryDequeue(out var then)) then();
        AfterTurn();
    }

    readonly Queue<Action> _turnEnd = new();

    /// then runs once this turn's events have all been handled.
    public void AtTurnEnd(Action then) => _turnEnd.Enqueue(then);

    void TakeSignals()
    {
        for (int i = 0; i < SignalsPerTurn; i++)
        {
            int sig = SignalSet.Read(_signalFd, out _, out _);
            if (sig <= 0) return;
            // SIGCHLD only says to reap, which every turn does.
            if (sig != Signal.SIGCHLD) OnSignal(sig);
        }
    }

    void RunDueTimers()
    {
        long now = Now;
        while (_due.Count < TimersPerTurn && _timers.TryPeek(out _, out long when) && when <= now) _due.Add(_timers.Dequeue());
        // Timers set by these run next turn, after the others have been served.
        foreach (var onTime in _due) onTime(now);
        _due.Clear();
    }

    /// Every child that has ended, whoever it was; its owner is told in this turn or a next one.
    public void Reap()
    {
        int raw;
        int pid;
        while ((pid = SysWait.waitpid(-1, &raw, SysWait.WNOHANG)) > 0)
            if (_children.Remove(pid, out var onExit))
            {
                _ended.Add(pid);
                _deaths.Enqueue((pid, onExit, new WaitStatus(raw)));
            }
    }

    /// A child reaped whose owner has not been told yet: its number may already be another process's.
    public bool HasEnded(int pid) => _ended.Contains(pid);
}
