using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// What one s6-supervise process does for one service directory, as an object fed by the event loop.
/// Every event (control bytes, signals, the deaths of run and finish, the readiness pipe, the deadlines)
/// goes through ServiceStateTable to one of the actions below, which keep `supervise/` and `event/`
/// exactly as s6-supervise 2.11 does. What they do outside goes through ISupervisorEffects.
sealed class ServiceSupervisor
{
    const long Throttle = 1000, SpawnRetry = 10000, KillRepeat = 5000;
    const uint DefaultFinishTimeout = 5000;

    /// Why SetUp failed: the exit code s6-supervise would die with, and its line.
    public readonly record struct Failure(int Code, string Line);

    /// The service directory: its scandir path, or where it is once that path is gone (ScandirEntryGone).
    public string Dir => _location.Path;
    readonly ServiceLocation _location;
    public string Name { get; }
    public ServiceState State { get; private set; } = ServiceState.Down;
    public bool IsGone { get; private set; }
    /// Told once, after the `x` event, when this supervisor stops supervising.
    public Action<ServiceSupervisor> Gone = _ => { };

    readonly ISupervisorEffects _effects;
    readonly ProcessState _base;
    readonly int _stdin, _stdout;
    readonly LockFile _lock = new();
    readonly ControlFifo _control = new();
    readonly Action<long> _onTime;
    readonly Action _announceStart;
    bool _startToAnnounce;
    readonly CrashLoop _crash;

    ServiceStatus _status;
    ServiceStatus? _saved;
    /// After `x` or SIGHUP (or SIGTERM while finish runs) s6-supervise points its own fds 0 and 1 at
    /// /dev/null, so the finish it starts later gets those.
    bool _detached;
    /// The one descriptor on /dev/null every detached supervisor gives its finish.
    static int _devNull = -1;
    int _notifyFd = -1;
    /// The deadlines: each is its event when its timer fires (timers are never cancelled; a deadline
    /// moved or cleared since is not due).
    long _startAt = long.MaxValue, _killAt = long.MaxValue, _finishKillAt = long.MaxValue, _resetAt = long.MaxValue;
    /// When run said it was ready during this run (the throttle's anchor), or -1.
    long _readyAt = -1;
    /// When run last started (a crash-loop backoff starts over once it has stayed up long enough).
    long _upAt;

    /// dir is absolute; name is what run and finish get as their last argument. stdin/stdout, when not
    /// -1, are put on fds 0 and 1 of run and finish (the two ends of a log pipe). container: the crash-loop
    /// policy of a service without its own, and how to stop the container when a policy says so.
    public ServiceSupervisor(EventLoop loop, ProcessState baseState, string dir, string name, int stdin = -1, int stdout = -1,
        Container? container = null)
        : this(new ServiceLocation(dir), loop, baseState, name, stdin, stdout, container ?? Container.None)
    {
    }

    ServiceSupervisor(ServiceLocation location, EventLoop loop, ProcessState baseState, string name, int stdin, int stdout, Container container)
        : this(new LoopEffects(loop, baseState, location, container), baseState, location, name, stdin, stdout, container.DefaultPolicy)
    {
    }

    public ServiceSupervisor(ISupervisorEffects effects, ProcessState baseState, string dir, string name, int stdin = -1, int stdout = -1,
        CrashLoopPolicy? defaultPolicy = null)
        : this(effects, baseState, new ServiceLocation(dir), name, stdin, stdout, defaultPolicy)
    {
    }

    ServiceSupervisor(ISupervisorEffects effects, ProcessState baseState, ServiceLocation location, string name, int stdin, int stdout,
        CrashLoopPolicy? defaultPolicy)
    {
        _effects = effects;
        _base = baseState;
        _location = location;
        string dir = location.Path;
        Name = name;
        _stdin = stdin;
        _stdout = stdout;
        _onTime = OnTime;
        _announceStart = AnnounceStart;
        _crash = new CrashLoop(dir, defaultPolicy);
    }

    /// The descriptors a supervisor of dir keeps open while it supervises: the lock and the control FIFO,
    /// and the read end of the notification pipe until run says it is ready.
    public static int Keeps(string dir) => ServiceFiles.Exists(dir + "/notification-fd") ? 3 : 2;

    /// Sets up supervise/ and event/, takes the lock, says `s`, starts run if wanted. Returns null, or why
    /// s6-supervise would have died (nothing printed: the caller says it).
    public Failure? SetUp()
    {
        var given = _location.Resolve();
        try
        {
            return SetUpThere();
        }
        finally
        {
            if (given != null) _location.Unresolve(given);
        }
    }

    Failure? SetUpThere()
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
        _crash.Remove();
        var now = Tai64n.Now();
        _status = new ServiceStatus { Stamp = now, ReadyStamp = now, WantUp = !ServiceFiles.Exists(Dir + "/down"), Ready = true };
        Publish("s");
        _effects.Watch(_control.Fd, OnControl);
        Dispatch(ServiceEvent.StartDue, _effects.Now);
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
        int err;
        using (TemporaryUmask.Exact(SysStat.Mode0700)) err = SysStat.MakeDirectory(path, SysStat.Mode0700) < 0 ? Errno.Value : 0;
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

    /// s6-svscan stops us because our scandir path is gone: what follows (finish, status, events) happens
    /// in the directory itself, as in s6-supervise's cwd.
    public void ScandirEntryGone() => _location.Detach(_lock);

    /// One byte of `supervise/control`; bytes s6-supervise 2.11 does not know are ignored.
    public void Command(char c)
    {
        if (ServiceStateTable.OfControlByte(c) is { } e) Dispatch(e);
    }

    void OnControl()
    {
        foreach (var b in _control.ReadCommands()) Command((char)b);
    }

    /// Does what the table says for this event in the current state; nothing once gone. detail: run's
    /// wait status (RunDied), finish's exit code or -1 (FinishDied), the time (the deadlines).
    public void Dispatch(ServiceEvent e, long detail = 0)
    {
        if (IsGone) return;
        AnnounceStart();
        switch (ServiceStateTable.Of(State, e))
        {
            case ServiceAction.Ignore: break;
            case ServiceAction.Leave: Leave(); break;
            case ServiceAction.Interrupt: Interrupt(); break;
            case ServiceAction.SignalRun: SignalRun(e); break;
            case ServiceAction.Pause: Pause(); break;
            case ServiceAction.Resume: Resume(); break;
            case ServiceAction.Start: Start(); break;
            case ServiceAction.StartOnce: StartOnce(); break;
            case ServiceAction.StartForGood: StartForGood(); break;
            case ServiceAction.WantUp: WantUp(); break;
            case ServiceAction.WantUpForGood: WantUpForGood(); break;
            case ServiceAction.WantDown: WantDown(); break;
            case ServiceAction.WantDownForGood: WantDownForGood(); break;
            case ServiceAction.Stop: Stop(); break;
            case ServiceAction.StopForGood: StopForGood(); break;
            case ServiceAction.LeaveWhenDown: LeaveWhenDown(); break;
            case ServiceAction.StopAndLeave: StopAndLeave(); break;
            case ServiceAction.Detach: Detach(); break;
            case ServiceAction.RunEnded: RunEnded(new WaitStatus((int)detail)); break;
            case ServiceAction.FinishEnded: FinishEnded((int)detail); break;
            case ServiceAction.LastFinishEnded: LastFinishEnded((int)detail); break;
            case ServiceAction.MarkReady: MarkReady(); break;
            case ServiceAction.CloseReadiness: CloseReadiness(); break;
            case ServiceAction.StartIfWanted: StartIfWanted(); break;
            case ServiceAction.KillRun: KillRun(detail); break;
            case ServiceAction.KillFinish: KillFinish(detail); break;
            case ServiceAction.ResetCrashLoop: ResetCrashLoop(); break;
        }
    }

    // The actions, in the order of ServiceAction.

    /// Stops supervising, the service left as it is.
    void Leave()
    {
        IsGone = true;
        CloseReadiness();
        _effects.Unwatch(_control.Fd);
        _control.Close();
        _effects.Notify("x");
        _lock.Release();
        Gone(this);
    }

    /// SIGINT to the process group of run (or finish), then leave. Each is started in a session of its
    /// own, so its group is its pid.
    void Interrupt()
    {
        Kill(Native.Signal.SIGINT, group: true);
        Leave();
    }

    /// The control byte's signal to run; `r` sends the service's down-signal.
    void SignalRun(ServiceEvent e) => Kill(e switch
    {
        ServiceEvent.a => Native.Signal.SIGALRM,
        ServiceEvent.b => Native.Signal.SIGABRT,
        ServiceEvent.q => Native.Signal.SIGQUIT,
        ServiceEvent.h => Native.Signal.SIGHUP,
        ServiceEvent.k => Native.Signal.SIGKILL,
        ServiceEvent.t => Native.Signal.SIGTERM,
        ServiceEvent.i => Native.Signal.SIGINT,
        ServiceEvent._1 => Native.Signal.SIGUSR1,
        ServiceEvent._2 => Native.Signal.SIGUSR2,
        ServiceEvent.y => Native.Signal.SIGWINCH,
        ServiceEvent.r => ServiceFiles.DownSignal(Dir, Warn),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "not a signal byte"),
    });

    void Pause()
    {
        Kill(Native.Signal.SIGSTOP);
        _status.Paused = true;
        Save();
    }

    void Resume()
    {
        Kill(Native.Signal.SIGCONT);
        _status.Paused = false;
        Save();
    }

    /// Wanted up, and run starts now: a start asked for, so a crash loop's count starts over.
    /// What is wanted is written with the start (or with its failure), as s6-supervise writes both at once.
    void Start()
    {
        _crash.Clear();
        _status.WantUp = true;
        SpawnRun();
    }

    /// Wanted down, but run starts now, once.
    void StartOnce()
    {
        _crash.Clear();
        _status.WantUp = false;
        SpawnRun();
    }

    /// Start, with the down file gone (so the next supervisor starts run too).
    void StartForGood()
    {
        SetDownFile(false);
        Start();
    }

    void WantUp()
    {
        _status.WantUp = true;
        Save();
    }

    void WantUpForGood()
    {
        SetDownFile(false);
        WantUp();
    }

    /// Wanted down: a start waiting for the throttle (or a crash-loop backoff) is off.
    void WantDown()
    {
        _status.WantUp = false;
        _startAt = long.MaxValue;
        _crash.NotBackingOff();
        Save();
    }

    /// WantDown, with a down file (so the next supervisor does not start run either).
    void WantDownForGood()
    {
        SetDownFile(true);
        WantDown();
    }

    /// Wanted down, and run gets its down-signal and SIGCONT, and SIGKILL after timeout-kill.
    void Stop()
    {
        _status.WantUp = false;
        Kill(ServiceFiles.DownSignal(Dir, Warn));
        Kill(Native.Signal.SIGCONT);
        _status.Paused = false;
        uint t = ServiceFiles.UInt(Dir, "timeout-kill", Warn) ?? 0;
        if (t > 0) _killAt = Timer(_effects.Now + t);
        Save();
    }

    void StopForGood()
    {
        SetDownFile(true);
        Stop();
    }

    /// Leave once run (if it is still running) and finish are over, and give a later finish /dev/null.
    void LeaveWhenDown()
    {
        State = State == ServiceState.Up ? ServiceState.LastUp : ServiceState.LastFinishing;
        Detach();
    }

    /// SIGTERM while run runs: stop it, and leave once it and finish are over.
    void StopAndLeave()
    {
        State = ServiceState.LastUp;
        Stop();
    }

    /// Points the fds 0 and 1 of a later finish at /dev/null.
    void Detach()
    {
        _detached = true;
        if (_devNull < 0) _devNull = Fcntl.Open("/dev/null", Fcntl.O_RDWR | Fcntl.O_CLOEXEC);
    }

    /// Run died: recorded in the status and death_tally, and finish starts (timeout-finish armed). Without
    /// a finish that runs it is as if finish had exited 127 at once, as upstream's child failing to exec.
    void RunEnded(WaitStatus death)
    {
        CloseReadiness();
        _killAt = _resetAt = long.MaxValue;
        _crash.Died(_effects.Now, _upAt, Warn);
        _status.Wstat = (ushort)death.Raw;
        _status.Paused = false;
        _status.Ready = false;
        _status.Stamp = Tai64n.Now();
        DeathTally.Append(Dir, _status.Stamp, death, ServiceFiles.UInt(Dir, "max-death-tally", Warn) ?? DeathTally.DefaultMax);
        State = State == ServiceState.LastUp ? ServiceState.LastFinishing : ServiceState.Finishing;
        int pid = ServiceFiles.Exists(Dir + "/finish")
            ? _effects.Spawn(["./finish", death.IsSignaled ? "256" : death.ExitCode.ToString(), death.Signal.ToString(), Name],
                ChildState(), OnFinishExit)
            : -1;
        if (pid <= 0)
        {
            _status.Pid = 0;
            Publish("d");
            Dispatch(ServiceEvent.FinishDied, 127);
            return;
        }
        _status.Pid = pid;
        _status.Finishing = true;
        uint timeout = ServiceFiles.UInt(Dir, "timeout-finish", Warn) ?? DefaultFinishTimeout;
        _finishKillAt = timeout == 0 ? long.MaxValue : Timer(_effects.Now + timeout);
        Publish("d");
    }

    /// Finish ended: down, and run starts again after the throttle (a second after it was last started
    /// or said ready) if wanted up, or later when a crash-loop policy backs off; or, when the policy's
    /// deaths are reached, the service gives up as it would for finish's 125 (down, wanted down).
    void FinishEnded(int exitCode)
    {
        bool giveUp = exitCode != 125 && _status.WantUp && _crash.ShouldGiveUp;
        if (giveUp) _status.WantUp = false;
        DownAndReady(exitCode, giveUp);
        if (giveUp)
        {
            GiveUp();
            return;
        }
        if (!_status.WantUp) return;
        long now = _effects.Now;
        long at = Math.Max(_readyAt >= 0 ? Math.Max(now, _readyAt + Throttle) : now + Throttle, _crash.StartNoSoonerThan(now));
        _startAt = Timer(at);
        if (_crash.Policy is { BacksOff: true }) _crash.BackingOff(UnixMs() + at - now);
    }

    /// Said in one line: the service stays down until started again, or the container stops.
    void GiveUp()
    {
        var p = _crash.Policy!;
        _crash.GaveUp(UnixMs());
        string what = $"run died {p.GiveUpDeaths} times within {p.GiveUpWindow} ms";
        if (p.ExitCode is not int code) Warn($"{what}: giving up (crash-loop), down until s6-svc -u");
        else if (_effects.StopContainer(code)) Warn($"{what}: giving up (crash-loop) and stopping the container with exit code {code}");
        else Warn($"{what}: giving up (crash-loop), down until s6-svc -u (no container to stop with exit code {code})");
    }

    static long UnixMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    void LastFinishEnded(int exitCode)
    {
        DownAndReady(exitCode);
        Leave();
    }

    /// Down and ready. finish exiting 125 means: this service has failed for good, do not restart it; so
    /// does a crash-loop policy giving up.
    void DownAndReady(int finishExitCode, bool gaveUp = false)
    {
        _finishKillAt = long.MaxValue;
        State = ServiceState.Down;
        _status.Pid = 0;
        _status.Finishing = false;
        _status.Ready = true;
        _status.ReadyStamp = Tai64n.Now();
        bool permanent = finishExitCode == 125 || gaveUp;
        if (permanent) _status.WantUp = false;
        Publish(permanent ? "OD" : "D");
    }

    void MarkReady()
    {
        CloseReadiness();
        _readyAt = _effects.Now;
        _status.Ready = true;
        _status.ReadyStamp = Tai64n.Now();
        Publish("U");
    }

    void CloseReadiness()
    {
        if (_notifyFd < 0) return;
        _effects.Unwatch(_notifyFd);
        Unistd.close(_notifyFd);
        _notifyFd = -1;
    }

    void StartIfWanted()
    {
        if (_status.WantUp) SpawnRun();
    }

    void KillRun(long now)
    {
        Kill(Native.Signal.SIGKILL);
        _killAt = Timer(now + KillRepeat);
    }

    /// run stayed up past the crash-loop policy's reset time: its backoff starts over.
    void ResetCrashLoop()
    {
        _resetAt = long.MaxValue;
        _crash.Reset();
    }

    void KillFinish(long now)
    {
        Warn("finish script lifetime reached maximum value - sending it a SIGKILL");
        Kill(Native.Signal.SIGCONT);
        Kill(Native.Signal.SIGKILL);
        _finishKillAt = Timer(now + KillRepeat);
    }

    // What the actions share.

    /// Starts ./run, with the notification pipe on its fd when notification-fd says so: up, or a new try
    /// in 10 seconds.
    void SpawnRun()
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
        int pid = _effects.Spawn(["./run", Name], st, OnRunExit);
        if (writeEnd >= 0) Unistd.close(writeEnd);
        if (pid <= 0)
        {
            CloseReadiness();
            Warn($"unable to spawn ./run - waiting 10 seconds: {Errno.StrError(-pid)}");
            _startAt = Timer(_effects.Now + SpawnRetry);
            Save();
            return;
        }
        State = ServiceState.Up;
        _readyAt = -1;
        _upAt = _effects.Now;
        if (_crash.Deaths > 0 && _crash.Policy is { } policy) _resetAt = Timer(_upAt + policy.Reset);
        if (_notifyFd >= 0) _effects.Watch(_notifyFd, OnReadiness);
        _status.Pid = pid;
        _status.Ready = false;
        _status.Stamp = Tai64n.Now();
        // Up is said once run has exec'd, as s6-supervise says it; meanwhile the loop goes on.
        _startToAnnounce = true;
        _effects.OnExec(pid, _announceStart);
    }

    /// The start not said yet: once run has exec'd, or before anything else happens to the service.
    void AnnounceStart()
    {
        if (!_startToAnnounce || IsGone) return;
        _startToAnnounce = false;
        _effects.WaitExec((int)_status.Pid);
        Publish("u");
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

    void OnRunExit(WaitStatus death) => Dispatch(ServiceEvent.RunDied, death.Raw);

    void OnFinishExit(WaitStatus death) => Dispatch(ServiceEvent.FinishDied, death.IsSignaled ? -1 : death.ExitCode);

    /// A line (anything up to a newline) on the notification pipe means ready.
    unsafe void OnReadiness()
    {
        byte* buf = stackalloc byte[4096];
        nint n = Unistd.read(_notifyFd, buf, 4096);
        if (n < 0 && Errno.Value is Errno.EINTR or Errno.EAGAIN) return;
        if (n > 0 && new ReadOnlySpan<byte>(buf, (int)n).IndexOf((byte)'\n') < 0) return;
        Dispatch(n > 0 ? ServiceEvent.Ready : ServiceEvent.ReadinessClosed);
    }

    void OnTime(long now)
    {
        if (_startAt <= now) Dispatch(ServiceEvent.StartDue, now);
        if (_killAt <= now) Dispatch(ServiceEvent.KillDue, now);
        if (_finishKillAt <= now) Dispatch(ServiceEvent.FinishKillDue, now);
        if (_resetAt <= now) Dispatch(ServiceEvent.ResetDue, now);
    }

    long Timer(long when)
    {
        _effects.WakeAt(when, _onTime);
        return when;
    }

    /// Signals run or finish (or its process group), if there is one.
    void Kill(int sig, bool group = false)
    {
        int pid = (int)_status.Pid;
        if (pid != 0) _effects.Kill(group ? -pid : pid, sig);
    }

    /// Status first, then the event: a listener woken by the event reads the matching status.
    void Publish(string events)
    {
        Save();
        _effects.Notify(events);
    }

    /// Writes supervise/status unless it already says exactly that (a client repeating `u` to a service
    /// that is up costs no file).
    /// A directory gone from the scandir path we reach it by (its link removed: why s6-svscan stops it) has
    /// nowhere to be written and no one to read it there, which is no failure to tell; s6-supervise, in
    /// the directory itself, writes on.
    void Save()
    {
        if (_saved == _status) return;
        int err = _effects.Save(_status);
        if (err == 0) _saved = _status;
        else if (err != Errno.ENOENT || ServiceFiles.Exists(Dir)) Warn($"unable to write status file: {Errno.StrError(err)}");
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
}
