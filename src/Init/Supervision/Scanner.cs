using Execline.Builtins.Jobs;
using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// What s6-svscan does, in the one process that also supervises every service: owns the scandir and its
/// `.s6-svscan/` (lock, control FIFO, signal scripts), finds service directories, pairs each logged one
/// with its logger through a pipe, and carries out `s6-svscanctl` commands and signals.
sealed class Scanner
{
    const long DirErrorRetry = 3000;

    public enum Ending { None, WaitAll, NoWait }

    readonly EventLoop _loop;
    readonly ProcessState _base;
    readonly string _scandir;
    readonly int _max;
    readonly long _rescanEvery;
    readonly LockFile _lock = new();
    readonly ControlFifo _control = new();
    readonly List<ScannedService> _services = new();
    long _scanAt = long.MaxValue;

    /// Set once a shutdown command or signal came: how to end.
    public Ending Ends { get; private set; }

    public Scanner(EventLoop loop, ProcessState baseState, string scandir, int max, long rescanEvery)
    {
        _loop = loop;
        _base = baseState;
        _scandir = scandir;
        _max = max;
        _rescanEvery = rescanEvery;
        loop.NextDeadline = Deadline;
        loop.OnTime = OnTime;
        loop.OnSignal = OnSignal;
    }

    /// `.s6-svscan/` made, locked, its control FIFO open. Returns 0 or the exit code (reason printed).
    public int Start()
    {
        string dir = _scandir + "/.s6-svscan";
        int old = Libc.umask(0);
        int made = Libc.MakeDirectory(dir, 0x1c0);
        int err = made < 0 ? Libc.Errno : 0;
        Libc.umask(old);
        if (made < 0 && err != Libc.EEXIST) return Fatal(111, "unable to mkdir .s6-svscan", err);
        if (Libc.StatPath(dir, out var st) < 0 || (st.Mode & Libc.S_IFMT) != Libc.S_IFDIR)
            return Fatal(100, ".s6-svscan exists and is not a directory", 0);
        err = _lock.Acquire(dir + "/lock", 0x180);
        if (err is Libc.EAGAIN or 13) return Fatal(100, "another instance of s6-svscan is already running on the same directory", 0);
        if (err != 0) return Fatal(111, "unable to lock .s6-svscan/lock", err);
        err = _control.Open(dir + "/control");
        if (err != 0) return Fatal(111, "unable to mkfifo .s6-svscan/control", err);
        _loop.WatchFd(_control.ReadFd, OnControl);
        return 0;
    }

    int Fatal(int code, string text, int errno)
    {
        Say(errno == 0 ? $"s6-svscan: fatal: {text}" : $"s6-svscan: fatal: {text}: {Libc.StrError(errno)}");
        return code;
    }

    void Warn(string text) => Say("s6-svscan: warning: " + text);

    void Say(string line)
    {
        int fd = _base.Fds.Real(2);
        if (fd >= 0) Libc.WriteAll(fd, Text.Bytes.ToBytes(line + "\n"));
    }

    /// Supervisors still running (after a shutdown request: what is still going down).
    public bool AnySupervised => _services.Any(s => s.Main != null || s.Log != null);

    public void Scan()
    {
        _scanAt = _rescanEvery > 0 ? EventLoop.Now + _rescanEvery : long.MaxValue;
        if (Ends != Ending.None) return;
        var names = Libc.ListDirectory(_scandir);
        if (names == null)
        {
            Warn($"unable to opendir {_scandir}: {Libc.StrError(Libc.Errno)}");
            _scanAt = Math.Min(_scanAt, EventLoop.Now + DirErrorRetry);
            return;
        }
        foreach (var s in _services) s.Active = false;
        foreach (var name in names)
        {
            if (name.StartsWith('.')) continue;
            string path = _scandir + "/" + name;
            if (Libc.StatPath(path, out var st) < 0)
            {
                Warn($"unable to stat {name}: {Libc.StrError(Libc.Errno)}");
                _scanAt = Math.Min(_scanAt, EventLoop.Now + DirErrorRetry);
                continue;
            }
            if ((st.Mode & Libc.S_IFMT) != Libc.S_IFDIR) continue;
            var known = _services.Find(s => s.Dev == st.Dev && s.Ino == st.Ino);
            if (known != null)
            {
                known.Active = true;
                known.StartMissing();
                continue;
            }
            if (_services.Count >= _max)
            {
                Warn($"unable to start supervisor for {name}: too many services");
                continue;
            }
            bool logged = name != "s6-svscan-log"
                && Libc.StatPath(path + "/log", out var lst) == 0 && (lst.Mode & Libc.S_IFMT) == Libc.S_IFDIR;
            var service = new ScannedService(_loop, _base, _scandir, name, st.Dev, st.Ino, logged, () => Ends != Ending.None);
            _services.Add(service);
            service.StartMissing();
        }
        Forget();
    }

    /// Drops pairs whose supervisors are both gone for good (a pruned directory put back while its old
    /// supervisors were still stopping is found afresh, with a new pipe, by the next scan).
    void Forget()
    {
        _services.RemoveAll(s => s.Finished);
        if (Ends == Ending.WaitAll && !AnySupervised) _loop.Stopped = true;
    }

    /// Services missing from the last scan are stopped: the service side gets SIGTERM, the logger SIGHUP
    /// (or SIGTERM too with `N`).
    void Prune(bool killLoggers)
    {
        foreach (var s in _services.ToArray())
            if (!s.Active) s.Stop(killLoggers);
        Forget();
    }

    /// `t`/`i`/`q`/`b` and the signals standing for them.
    void Shutdown(bool kill, bool killLoggers, bool wait)
    {
        if (Ends == Ending.None) Ends = wait ? Ending.WaitAll : Ending.NoWait;
        if (!wait) Ends = Ending.NoWait;
        if (kill)
            foreach (var s in _services.ToArray()) s.Stop(killLoggers);
        if (Ends == Ending.NoWait) _loop.Stopped = true;
        Forget();
    }

    void OnControl()
    {
        foreach (var b in _control.ReadCommands()) Command((char)b);
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
        if (sig == Signals.ALRM)
        {
            Scan();
            return;
        }
        if (sig == Signals.ABRT)
        {
            Command('b');
            return;
        }
        if (RunSignalScript(sig)) return;
        switch (sig)
        {
            case Signals.HUP: Command('h'); break;
            case Signals.INT:
            case Signals.TERM: Command('t'); break;
            case Signals.QUIT: Command('q'); break;
        }
    }

    /// `.s6-svscan/SIGxxx`, when it exists and starts, replaces the default action for that signal.
    bool RunSignalScript(int sig)
    {
        string rel = ".s6-svscan/SIG" + SignalNames.Name((uint)sig);
        if (!ServiceFiles.Exists(_scandir + "/" + rel)) return false;
        int pid = Chain.SpawnBlock([rel], _base.Clone());
        if (pid > 0) return true;
        Warn($"unable to spawn {rel}: {Libc.StrError(-pid)}");
        return false;
    }

    long Deadline()
    {
        long d = _scanAt;
        foreach (var s in _services) d = Math.Min(d, s.Deadline);
        return d;
    }

    void OnTime(long now)
    {
        foreach (var s in _services.ToArray()) s.OnTime(now);
        if (_scanAt <= now) Scan();
        Forget();
    }

    /// Stops listening: the control FIFO and lock go (before exec'ing finish, or when leaving).
    public void Close()
    {
        _loop.UnwatchFd(_control.ReadFd);
        _control.Close();
        _lock.Release();
    }
}
