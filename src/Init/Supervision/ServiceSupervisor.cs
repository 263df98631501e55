using Execline.Builtins.Supervision;
using Execline.Builtins.Time;
using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// What one s6-supervise process does for one service directory, as an object fed by the event loop:
/// control bytes, the deaths of run and finish, the readiness pipe, and its deadlines (restart throttle,
/// timeout-kill, timeout-finish). It keeps `supervise/` and `event/` exactly as s6-supervise 2.11 does.
sealed class ServiceSupervisor
{
    enum Phase { Down, Up, Finish }

    const long Throttle = 1000, SpawnRetry = 10000, KillRepeat = 5000;
    const uint DefaultFinishTimeout = 5000;

    /// Why Start failed: the exit code s6-supervise would die with, and its line.
    public readonly record struct Failure(int Code, string Line);

    public string Dir { get; }
    public string Name { get; }
    public bool IsGone { get; private set; }
    /// Told once, after the `x` event, when this supervisor stops supervising.
    public Action<ServiceSupervisor> Gone = _ => { };

    readonly EventLoop _loop;
    readonly ProcessState _base;
    readonly int _stdin, _stdout;
    readonly LockFile _lock = new();
    readonly ControlFifo _control = new();
    readonly Action<long> _onTime;

    ServiceStatus _status;
    ServiceStatus? _saved;
    Phase _phase = Phase.Down;
    /// LASTUP / LASTFINISH: leave once the service is down and finish is done.
    bool _last;
    /// After `x` or SIGHUP (or SIGTERM while finish runs) s6-supervise points its own fds 0 and 1 at
    /// /dev/null, so the finish it starts later gets those.
    bool _detached;
    /// The one descriptor on /dev/null every detached supervisor gives its finish.
    static int _devNull = -1;
    int _notifyFd = -1;
    long _startAt = long.MaxValue, _killAt = long.MaxValue, _finishKillAt = long.MaxValue;
    /// When run said it was ready during this run (the throttle's anchor), or -1.
    long _readyAt = -1;

    /// dir is absolute; name is what run and finish get as their last argument. stdin/stdout, when not
    /// -1, are put on fds 0 and 1 of run and finish (the two ends of a log pipe).
    public ServiceSupervisor(EventLoop loop, ProcessState baseState, string dir, string name, int stdin = -1, int stdout = -1)
    {
        _loop = loop;
        _base = baseState;
        Dir = dir;
        Name = name;
        _stdin = stdin;
        _stdout = stdout;
        _onTime = OnTime;
    }

    /// The descriptors a supervisor of dir keeps open while it supervises: the lock and the control FIFO,
    /// and the read end of the notification pipe until run says it is ready.
    public static int Keeps(string dir) => ServiceFiles.Exists(dir + "/notification-fd") ? 3 : 2;

    public bool IsUp => _phase == Phase.Up;

    /// Sets up supervise/ and event/, takes the lock, says `s`, starts run if wanted. Returns null, or why
    /// s6-supervise would have died (nothing printed: the caller says it).
    public Failure? Start()
    {
        int err = FifoDir.Create(Dir + "/event", Unistd.getegid());
        if (err != 0) return Fail(111, "unable to mkfifodir event", err);
        err = MakeSuperviseDirectory();
        if (err == Errno.ENOTDIR) return Fail(100, "supervise exists and is not a directory", 0);
        if (err != 0) return Fail(111, "unable to mkdir supervise", err);
        err = _lock.Acquire(Dir + "/supervise/lock", SysStat.Mode0644);
        if (err is Errno.EAGAIN or Errno.EACCES) return Fail(100, "another instance of s6-supervise is already running", 0);
        if (err != 0) return Fail(111, "unable to lock supervise/lock", err);
        err = _control.Open(Dir + "/supervise/control");
        if (err != 0)
        {
            _lock.Release();
            return Fail(err == Errno.EEXIST ? 100 : 111, "unable to mkfifo supervise/control", err);
        }
        DeathTally.Clear(Dir);
        var now = Tai64n.Now();
        _status = new ServiceStatus { Stamp = now, ReadyStamp = now, WantUp = !ServiceFiles.Exists(Dir + "/down"), Ready = true };
        Publish("s");
        _loop.WatchFd(_control.Fd, OnControl);
        if (_status.WantUp) StartRun();
        return null;
    }

    /// supervise/ with mode 0700; a symbolic link there (s6-rc's live directories use them), even a dangling
    /// one, is followed one level and its target made. Returns 0 or an errno (ENOTDIR: not a directory).
    int MakeSuperviseDirectory()
    {
        string path = Dir + "/supervise";
        if (SysStat.StatPath(path, out var lst, follow: false) == 0 && (lst.Mode & SysStat.S_IFMT) == SysStat.S_IFLNK
            && SysStat.StatPath(path, out _) < 0 && Unistd.ReadLink(path) is string target)
            path = target.StartsWith('/') ? target : Dir + "/" + target;
        int old = SysStat.umask(0);
        int made = SysStat.MakeDirectory(path, SysStat.Mode0700);
        int err = made < 0 ? Errno.Value : 0;
        SysStat.umask(old);
        if (err != Errno.EEXIST) return err;
        return SysStat.StatPath(path, out var st) == 0 && (st.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR ? 0 : Errno.ENOTDIR;
    }

    Failure Fail(int code, string text, int errno) =>
        new(code, Line("fatal", errno == 0 ? text : $"{text}: {Errno.StrError(errno)}"));

    string Line(string level, string text) => $"s6-supervise {Name}: {level}: {text}";

    void Warn(string text) => Say("warning", text);

    void Say(string level, string text)
    {
        int fd = _base.Fds.Real(2);
        if (fd >= 0) Unistd.WriteAll(fd, Text.Bytes.ToBytes(Line(level, text) + "\n"));
    }

    /// Status first, then the event: a listener woken by the event reads the matching status.
    void Publish(string events)
    {
        Save();
        FifoDir.Notify(Dir + "/event", Text.Bytes.ToBytes(events));
    }

    /// Writes supervise/status unless it already says exactly that (a client repeating `u` to a service
    /// that is up costs no file).
    void Save()
    {
        if (_saved == _status) return;
        int err = _status.Save(Dir);
        if (err != 0) Warn($"unable to write status file: {Errno.StrError(err)}");
        else _saved = _status;
    }

    ProcessState ChildState()
    {
        var st = _base.Clone();
        st.NewSession = true;
        if (_stdin >= 0) st.Fds.Set(0, _stdin);
        if (_stdout >= 0) st.Fds.Set(1, _stdout);
        if (_detached && _devNull >= 0)
        {
            st.Fds.Set(0, _devNull);
            st.Fds.Set(1, _devNull);
        }
        return st;
    }

    /// Starts argv with st in the service directory. The directory is opened for the spawn only (held
    /// for the service's life it would be a third descriptor per service), and our own working directory,
    /// which the spawn moves, is the base state's again before that descriptor goes.
    int SpawnInDir(IReadOnlyList<string> argv, ProcessState st)
    {
        int dirFd = Fcntl.Open(Dir, Fcntl.O_PATH | Fcntl.O_DIRECTORY | Fcntl.O_CLOEXEC);
        if (dirFd < 0) return -Errno.Value;
        st.CwdFd = dirFd;
        int pid = Chain.SpawnBlock(argv, st);
        RealProcess.Sync(_base);
        Unistd.close(dirFd);
        return pid;
    }

    void DetachFromOutput()
    {
        _detached = true;
        if (_devNull < 0) _devNull = Fcntl.Open("/dev/null", Fcntl.O_RDWR | Fcntl.O_CLOEXEC);
    }

    void StartRun()
    {
        _startAt = long.MaxValue;
        var st = ChildState();
        int writeEnd = -1;
        if (ServiceFiles.UInt(Dir, "notification-fd", Warn) is uint n)
        {
            var (r, w) = Unistd.Pipe();
            if (r < 0) Warn($"unable to create the notification pipe: {Errno.StrError(Errno.Value)}");
            else
            {
                st.Fds.Set((int)n, w);
                Fcntl.fcntl(r, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
                _notifyFd = r;
                writeEnd = w;
            }
        }
        int pid = SpawnInDir(["./run", Name], st);
        if (writeEnd >= 0) Unistd.close(writeEnd);
        if (pid <= 0)
        {
            CloseNotification();
            Warn($"unable to spawn ./run - waiting 10 seconds: {Errno.StrError(-pid)}");
            StartAt(EventLoop.Now + SpawnRetry);
            return;
        }
        _phase = Phase.Up;
        _readyAt = -1;
        _loop.WatchChild(pid, OnRunExit);
        if (_notifyFd >= 0) _loop.WatchFd(_notifyFd, OnNotification);
        _status.Pid = pid;
        _status.Ready = false;
        _status.Stamp = Tai64n.Now();
        Publish("u");
    }

    /// A line (anything up to a newline) on the notification pipe means ready.
    unsafe void OnNotification()
    {
        byte* buf = stackalloc byte[4096];
        nint n = Unistd.read(_notifyFd, buf, 4096);
        if (n < 0 && Errno.Value is Errno.EINTR or Errno.EAGAIN) return;
        if (n > 0 && new ReadOnlySpan<byte>(buf, (int)n).IndexOf((byte)'\n') < 0) return;
        CloseNotification();
        if (n <= 0 || IsGone) return;
        _readyAt = EventLoop.Now;
        _status.Ready = true;
        _status.ReadyStamp = Tai64n.Now();
        Publish("U");
    }

    void CloseNotification()
    {
        if (_notifyFd < 0) return;
        _loop.UnwatchFd(_notifyFd);
        Unistd.close(_notifyFd);
        _notifyFd = -1;
    }

    void OnRunExit(WaitStatus death)
    {
        if (IsGone) return;
        CloseNotification();
        _killAt = long.MaxValue;
        _status.Wstat = (ushort)death.Raw;
        _status.Paused = false;
        _status.Ready = false;
        _status.Stamp = Tai64n.Now();
        DeathTally.Append(Dir, _status.Stamp, death, ServiceFiles.UInt(Dir, "max-death-tally", Warn) ?? DeathTally.DefaultMax);
        int pid = ServiceFiles.Exists(Dir + "/finish")
            ? SpawnInDir(["./finish", death.IsSignaled ? "256" : death.ExitCode.ToString(), death.Signal.ToString(), Name], ChildState())
            : -1;
        if (pid <= 0)
        {
            // No finish (or one that cannot run): as upstream's child failing to exec, a finish that exits 127.
            _status.Pid = 0;
            _phase = Phase.Finish;
            Publish("d");
            FinishEnded(127);
            return;
        }
        _phase = Phase.Finish;
        _status.Pid = pid;
        _status.Finishing = true;
        uint timeout = ServiceFiles.UInt(Dir, "timeout-finish", Warn) ?? DefaultFinishTimeout;
        _finishKillAt = timeout == 0 ? long.MaxValue : Timer(EventLoop.Now + timeout);
        _loop.WatchChild(pid, st => { if (!IsGone) FinishEnded(st.IsSignaled ? -1 : st.ExitCode); });
        Publish("d");
    }

    void FinishEnded(int exitCode)
    {
        _finishKillAt = long.MaxValue;
        _phase = Phase.Down;
        _status.Pid = 0;
        _status.Finishing = false;
        _status.Ready = true;
        _status.ReadyStamp = Tai64n.Now();
        // finish exiting 125 means: this service has failed for good, do not restart it.
        bool permanent = exitCode == 125;
        if (permanent) _status.WantUp = false;
        Publish(permanent ? "OD" : "D");
        if (_last)
        {
            Exit();
            return;
        }
        long now = EventLoop.Now;
        if (_status.WantUp) StartAt(_readyAt >= 0 ? Math.Max(now, _readyAt + Throttle) : now + Throttle);
    }

    void StartAt(long when) => _startAt = Timer(when);

    long Timer(long when)
    {
        _loop.WakeAt(when, _onTime);
        return when;
    }

    void OnControl()
    {
        foreach (var b in _control.ReadCommands())
        {
            if (IsGone) return;
            Command((char)b);
        }
    }

    /// One byte of `supervise/control`; bytes s6-supervise 2.11 does not know are ignored.
    public void Command(char c)
    {
        switch (c)
        {
            case 'a': Signal(Native.Signal.SIGALRM); break;
            case 'b': Signal(Native.Signal.SIGABRT); break;
            case 'q': Signal(Native.Signal.SIGQUIT); break;
            case 'h': Signal(Native.Signal.SIGHUP); break;
            case 'k': Signal(Native.Signal.SIGKILL); break;
            case 't': Signal(Native.Signal.SIGTERM); break;
            case 'i': Signal(Native.Signal.SIGINT); break;
            case '1': Signal(Native.Signal.SIGUSR1); break;
            case '2': Signal(Native.Signal.SIGUSR2); break;
            case 'y': Signal(Native.Signal.SIGWINCH); break;
            case 'r': Signal(ServiceFiles.DownSignal(Dir, Warn)); break;
            case 'p':
                if (!IsUp) break;
                Signal(Native.Signal.SIGSTOP);
                _status.Paused = true;
                Save();
                break;
            case 'c':
                if (!IsUp) break;
                Signal(Native.Signal.SIGCONT);
                _status.Paused = false;
                Save();
                break;
            case 'U':
                SetDownFile(false);
                WantUp(true, start: true);
                break;
            case 'u': WantUp(true, start: true); break;
            case 'D':
                SetDownFile(true);
                TakeDown();
                break;
            case 'd': TakeDown(); break;
            case 'o': WantUp(false, start: true); break;
            case 'O': WantUp(false, start: false); break;
            case 'Q':
                SetDownFile(true);
                WantUp(false, start: false);
                break;
            case 'x':
                if (_phase == Phase.Down) Exit();
                else
                {
                    _last = true;
                    DetachFromOutput();
                }
                break;
        }
    }

    void Signal(int sig)
    {
        if (IsUp) Kill(sig);
    }

    /// Signals run or finish (or its process group), unless it has ended: once reaped, its number may be
    /// another process's.
    void Kill(int sig, bool group = false)
    {
        int pid = (int)_status.Pid;
        if (pid != 0 && !_loop.HasEnded(pid)) Native.Signal.kill(group ? -pid : pid, sig);
    }

    void WantUp(bool up, bool start)
    {
        _status.WantUp = up;
        Save();
        if (start && _phase == Phase.Down) StartRun();
    }

    void SetDownFile(bool present)
    {
        string path = Dir + "/down";
        if (present)
        {
            int fd = Fcntl.Open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_CLOEXEC, SysStat.Mode0644);
            if (fd < 0) Warn($"unable to touch down: {Errno.StrError(Errno.Value)}");
            else Unistd.close(fd);
        }
        else if (Unistd.Unlink(path) < 0 && Errno.Value != Errno.ENOENT)
            Warn($"unable to unlink down: {Errno.StrError(Errno.Value)}");
    }

    /// `d`: wanted down; a running service gets its down-signal and SIGCONT, and SIGKILL after timeout-kill.
    void TakeDown()
    {
        _status.WantUp = false;
        _startAt = long.MaxValue;
        if (IsUp)
        {
            Signal(ServiceFiles.DownSignal(Dir, Warn));
            Signal(Native.Signal.SIGCONT);
            _status.Paused = false;
            uint t = ServiceFiles.UInt(Dir, "timeout-kill", Warn) ?? 0;
            if (t > 0) _killAt = Timer(EventLoop.Now + t);
        }
        Save();
    }

    /// SIGTERM to an s6-supervise: bring the service down, then leave.
    public void Terminate()
    {
        if (_phase == Phase.Down) Exit();
        else
        {
            _last = true;
            if (IsUp) TakeDown();
            else DetachFromOutput();
        }
    }

    /// SIGHUP to an s6-supervise: leave once the service stops by itself.
    public void Hangup()
    {
        if (_phase == Phase.Down) Exit();
        else
        {
            _last = true;
            DetachFromOutput();
        }
    }

    /// SIGQUIT to an s6-supervise: leave now, the service untouched.
    public void Quit() => Exit();

    /// SIGINT to an s6-supervise: SIGINT to the process group of run (or finish), then leave. Each is
    /// started in a session of its own, so its group is its pid.
    public void Interrupt()
    {
        Kill(Native.Signal.SIGINT, group: true);
        Exit();
    }

    void OnTime(long now)
    {
        if (IsGone) return;
        switch (_phase)
        {
            case Phase.Down when _status.WantUp && _startAt <= now:
                StartRun();
                break;
            case Phase.Up when _killAt <= now:
                Kill(Native.Signal.SIGKILL);
                _killAt = Timer(now + KillRepeat);
                break;
            case Phase.Finish when _finishKillAt <= now:
                Warn("finish script lifetime reached maximum value - sending it a SIGKILL");
                Kill(Native.Signal.SIGCONT);
                Kill(Native.Signal.SIGKILL);
                _finishKillAt = Timer(now + KillRepeat);
                break;
        }
    }

    void Exit()
    {
        if (IsGone) return;
        IsGone = true;
        CloseNotification();
        _loop.UnwatchFd(_control.Fd);
        _control.Close();
        FifoDir.Notify(Dir + "/event", "x"u8);
        _lock.Release();
        Gone(this);
    }
}
