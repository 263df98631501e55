using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// What s6-svscan does, in the one process that also supervises every service: owns the scandir and its
/// `.s6-svscan/` (lock, control FIFO, signal scripts), finds service directories, pairs each logged one
/// with its logger through a pipe, and carries out `s6-svscanctl` commands and signals.
sealed class Scanner
{
    const long DirErrorRetry = 3000;
    /// Supervisors set up per turn of the loop: a scan that finds a thousand services does not keep
    /// signals, deaths and clients waiting until the last one runs.
    const int StartsPerTurn = 8;

    public enum Ending { None, WaitAll, NoWait }

    readonly EventLoop _loop;
    readonly ProcessState _base;
    readonly string _scandir;
    readonly int _max;
    readonly long _rescanEvery;
    readonly SvscanControl _control;
    readonly Dictionary<(ulong Dev, ulong Ino), ScannedService> _services = new();
    readonly Queue<ScannedService> _toStart = new();
    readonly PipelinePipes _pipelines = new();
    bool _startsScheduled;
    long _scanAt = long.MaxValue;
    readonly Action<long> _onScanTime, _onStartTime;
    readonly Action<ScannedService> _enqueue, _changed;
    readonly Container _container;

    /// Set once a shutdown command or signal came: how to end.
    public Ending Ends { get; private set; }

    /// control: `.s6-svscan/`, already locked and listening.
    public Scanner(EventLoop loop, ProcessState baseState, string scandir, int max, long rescanEvery, SvscanControl control)
    {
        _loop = loop;
        _base = baseState;
        _scandir = scandir;
        _max = max;
        _rescanEvery = rescanEvery;
        _control = control;
        _onScanTime = now => { if (_scanAt <= now) Scan(); };
        _onStartTime = StartSome;
        _enqueue = Enqueue;
        _changed = Changed;
        loop.OnSignal = OnSignal;
        loop.WatchFd(control.Fifo.Fd, OnControl, first: true);
        var gen = Container.Booted();
        _container = new Container(Container.ReadDefault(baseState.Env, gen, Warn), code => StopContainer(gen, code));
    }

    /// A crash-loop policy gave up with an exit code: once the supervisor that said so is done with its
    /// event, the code is recorded and the container stops the way its generation stops, in order.
    void StopContainer(Container.Generation gen, int code) => _loop.WakeAt(EventLoop.Now, _ =>
    {
        if (Container.Record(gen, code, Warn)
            && _services.Values.FirstOrDefault(s => s.Name == "s6-linux-init-shutdownd")?.Main is { } shutdownd)
            shutdownd.Command('u');
        else Command('t');
    });

    void Warn(string text)
    {
        int fd = _base.Fds.Real(2);
        if (fd >= 0) Unistd.WriteAll(fd, Text.Bytes.ToBytes("s6-svscan: warning: " + text + "\n"));
    }

    /// Supervisors still running (after a shutdown request: what is still going down).
    public bool AnySupervised => _services.Values.Any(s => s.Main != null || s.Log != null);

    public void Scan()
    {
        _scanAt = long.MaxValue;
        if (_rescanEvery > 0) ScanAt(EventLoop.Now + _rescanEvery);
        if (Ends != Ending.None) return;
        var names = Dirent.ListDirectory(_scandir);
        if (names == null)
        {
            Warn($"unable to opendir {_scandir}: {Errno.StrError(Errno.Value)}");
            ScanAt(EventLoop.Now + DirErrorRetry);
            return;
        }
        foreach (var s in _services.Values) s.Active = false;
        foreach (var name in names)
        {
            if (name.StartsWith('.')) continue;
            string path = _scandir + "/" + name;
            if (SysStat.StatPath(path, out var st) < 0)
            {
                Warn($"unable to stat {name}: {Errno.StrError(Errno.Value)}");
                ScanAt(EventLoop.Now + DirErrorRetry);
                continue;
            }
            if ((st.Mode & SysStat.S_IFMT) != SysStat.S_IFDIR) continue;
            if (_services.TryGetValue((st.Dev, st.Ino), out var known))
            {
                known.Active = true;
                Enqueue(known);
                continue;
            }
            if (_services.Count >= _max)
            {
                Warn($"unable to start supervisor for {name}: too many services");
                continue;
            }
            bool logged = name != "s6-svscan-log"
                && SysStat.StatPath(path + "/log", out var lst) == 0 && (lst.Mode & SysStat.S_IFMT) == SysStat.S_IFDIR;
            var service = new ScannedService(_loop, _base, _scandir, name, st.Dev, st.Ino, logged, () => Ends != Ending.None, _enqueue, _changed, _pipelines, _container);
            _services.Add((st.Dev, st.Ino), service);
            Enqueue(service);
        }
    }

    void ScanAt(long when)
    {
        if (when >= _scanAt) return;
        _scanAt = when;
        _loop.WakeAt(when, _onScanTime);
    }

    void Enqueue(ScannedService service)
    {
        if (service.Queued) return;
        service.Queued = true;
        _toStart.Enqueue(service);
        if (_startsScheduled) return;
        _startsScheduled = true;
        _loop.WakeAt(EventLoop.Now, _onStartTime);
    }

    void StartSome(long now)
    {
        _startsScheduled = false;
        for (int i = 0; i < StartsPerTurn && _toStart.Count > 0; i++)
        {
            var service = _toStart.Dequeue();
            service.Queued = false;
            service.StartMissing();
            Changed(service);
        }
        if (_toStart.Count == 0 || _startsScheduled) return;
        _startsScheduled = true;
        _loop.WakeAt(now, _onStartTime);
    }

    /// Drops a pair whose supervisors are both gone for good (a pruned directory put back while its old
    /// supervisors were still stopping is found afresh, with a new pipe, by the next scan), and ends the
    /// loop when a shutdown waits for nothing more.
    void Changed(ScannedService service)
    {
        if (service.Finished && _services.TryGetValue((service.Dev, service.Ino), out var known) && known == service)
            _services.Remove((service.Dev, service.Ino));
        if (Ends == Ending.WaitAll && !AnySupervised) _loop.Stopped = true;
    }

    /// Services missing from the last scan are stopped: the service side gets SIGTERM, the logger SIGHUP
    /// (or SIGTERM too with `N`).
    void Prune(bool killLoggers)
    {
        foreach (var s in _services.Values.ToArray())
            if (!s.Active) s.Stop(killLoggers, gone: true);
    }

    /// `t`/`i`/`q`/`b` and the signals standing for them.
    void Shutdown(bool kill, bool killLoggers, bool wait)
    {
        if (Ends == Ending.None) Ends = wait ? Ending.WaitAll : Ending.NoWait;
        if (!wait) Ends = Ending.NoWait;
        if (kill)
            foreach (var s in _services.Values.ToArray()) s.Stop(killLoggers);
        foreach (var s in _services.Values.ToArray())
            if (s.Finished) _services.Remove((s.Dev, s.Ino));
        if (Ends == Ending.NoWait || !AnySupervised) _loop.Stopped = true;
    }

    void OnControl()
    {
        foreach (var b in _control.Fifo.ReadCommands()) Command((char)b);
    }

    public void Command(char c)
    {
        switch (c)
        {
            case 'a': Scan(); break;
            case 'h':
                Scan();
                Prune(false);
                break;
            case 'n': Prune(false); break;
            case 'N': Prune(true); break;
            case 't':
            case 'i': Shutdown(kill: true, killLoggers: false, wait: true); break;
            case 'q': Shutdown(kill: true, killLoggers: true, wait: true); break;
            case 'b': Shutdown(kill: false, killLoggers: false, wait: false); break;
            case 'z': _loop.Reap(); break;
            default: Warn($"received unknown control command: {c}"); break;
        }
    }

    void OnSignal(int sig)
    {
        if (sig == Signal.SIGALRM)
        {
            Scan();
            return;
        }
        if (sig == Signal.SIGABRT)
        {
            Command('b');
            return;
        }
        if (RunSignalScript(sig)) return;
        switch (sig)
        {
            case Signal.SIGHUP: Command('h'); break;
            case Signal.SIGINT:
            case Signal.SIGTERM: Command('t'); break;
            case Signal.SIGQUIT: Command('q'); break;
        }
    }

    /// `.s6-svscan/SIGxxx`, when it exists and starts, replaces the default action for that signal.
    bool RunSignalScript(int sig)
    {
        string rel = ".s6-svscan/SIG" + SignalNames.Name((uint)sig);
        if (!ServiceFiles.Exists(_scandir + "/" + rel)) return false;
        int pid = Chain.SpawnBlock([rel], _base.Clone());
        if (pid > 0) return true;
        Warn($"unable to spawn {rel}: {Errno.StrError(-pid)}");
        return false;
    }

    /// Stops listening: the control FIFO and lock go (before exec'ing finish, or when leaving).
    public void Close()
    {
        _loop.UnwatchFd(_control.Fifo.Fd);
        _control.Close();
    }
}
