using Execline.Native;
using Execline.Rc;
using Execline.Rc.Database;
using Execline.Rc.Graph;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Rc;

/// s6-rc's `change` in one direction: the services of the plan move as soon as what they wait for is done,
/// all at once when they can; the lines s6-rc prints, in its order, at its verbosities; the live state
/// written after each success. Oneshots are children of ours, followed through pidfds and reaped by pid,
/// so that a chain running s6-rc in its own process keeps its other children; a oneshot that is the only
/// transition under way and has no time limit runs in our process (OneshotInProcess). Longruns are
/// driven through their supervisors (LongrunWatch); the two internal longruns have no process and move
/// at once. SIGTERM/SIGINT are read through a signalfd when the process is s6-rc's own.
sealed class Transitions
{
    /// Prog: the name the lines start with (s6-rc-update runs s6-rc's transitions, whose lines say s6-rc).
    public sealed record Options(string Prog, uint Verbosity, bool HideEssentials, string? DryRun, long Deadline);

    /// A transition under way.
    sealed class Pending
    {
        public required int Service;
        public int Pid = -1;
        /// A pidfd of Pid, readable once it has ended; -1 without one (a kernel before 5.3: polled).
        public int PidFd = -1;
        /// A oneshot left for the moment nothing else is under way, to run in our process.
        public IReadOnlyList<string>? Deferred;
        public LongrunWatch? Watch;
        /// When it fails for its own timeout, or long.MaxValue; and that timeout.
        public long Deadline = long.MaxValue;
        public uint Timeout;
        /// Done without a process (an internal longrun, an empty command line, a dry run): when, and how.
        public long CompleteAt = long.MaxValue;
        public int Code;
        /// What went wrong, said when it completes: the line of the program s6-rc would have run for it
        /// (s6-svc, s6-sudoc, s6-rc-oneshot-run), which prints it whatever s6-rc's verbosity.
        public string? Why;
    }

    readonly Invocation _inv;
    readonly ServiceDatabase _db;
    readonly LiveDir _live;
    readonly byte[] _state;
    readonly Options _o;
    readonly List<Pending> _pending = new();
    readonly int _signals;
    bool _lameDuck;
    /// The descriptors the last wait found readable; null when there was no wait (look at every one).
    HashSet<int>? _readable;
    /// The state changed since the state file was written.
    bool _stateChanged;

    /// signals: what Signals gave.
    public Transitions(Invocation inv, int signals, ServiceDatabase db, LiveDir live, byte[] state, Options o)
    {
        _inv = inv;
        _signals = signals;
        _db = db;
        _live = live;
        _state = state;
        _o = o;
    }

    string Prog => _o.Prog;
    string Name(int i) => _db.Services[i].Name;
    bool IsLongrun(int i) => i < _db.LongrunCount;
    bool DryRun => _o.DryRun != null;

    /// Internal longruns cost no process here: nothing to tell a supervisor.
    bool IsVirtual(int i) => IsLongrun(i) && Name(i) is InternalServices.OneshotRunner or InternalServices.FdHolder;

    Fatal Die(int code, string text) => new(code, $"{Prog}: fatal: {text}");
    void Info(string text) => _inv.WriteErr($"{Prog}: info: {text}\n");
    void Warn(string text) => _inv.WriteErr($"{Prog}: warning: {text}\n");

    /// The signalfd reading SIGTERM and SIGINT, blocked from then on, when the process is s6-rc's own (in
    /// a block of a chain, the signals are the chain's: -1). SIGCHLD must not be ignored, or the kernel
    /// reaps the oneshots and their statuses are lost: s6-rc catches it whatever it inherited.
    public static int Signals(Invocation inv)
    {
        nint old = Signal.signal(Signal.SIGCHLD, Signal.SIG_DFL);
        if (old != Signal.SIG_IGN) Signal.signal(Signal.SIGCHLD, old);
        if (!inv.OwnsProcess) return -1;
        var set = default(SignalSet).With(Signal.SIGTERM).With(Signal.SIGINT);
        SignalMask.BlockEverywhere(inv, set);
        int fd = set.OpenFd();
        if (fd < 0) throw inv.DieErrno(111, "unable to init selfpipe", Errno.Value);
        return fd;
    }

    /// Runs the change of the selected services in that direction; 0, or 1 when a transition failed.
    /// Past the global deadline: "timed out", 2.
    public int Change(bool[] selected, bool up)
    {
        if (_o.Verbosity >= 3) Info($"bringing selected services {(up ? "up" : "down")}");
        var plan = new TransitionPlan(_db.Graph, selected, up ? Direction.Up : Direction.Down,
            i => (_state[i] & LiveDir.Up) != 0, i => !_o.HideEssentials && _db.Services[i].IsEssential);
        Do(plan.Begin(), up);
        int code = 0;
        while (_pending.Count > 0)
        {
            _readable = null;
            if (!RunDeferred()) Wait();
            try
            {
                foreach (var (p, ok, failure) in Collect())
                {
                    _pending.Remove(p);
                    p.Watch?.Dispose();
                    if (p.PidFd >= 0) Unistd.close(p.PidFd);
                    if (p.Why != null) Warn(p.Why);
                    if (ok) Succeeded(plan, p.Service, up);
                    else
                    {
                        code = 1;
                        Failed(p.Service, up, failure);
                    }
                }
            }
            finally
            {
                SaveState();
            }
        }
        return code;
    }

    void Do(List<TransitionPlan.Step> steps, bool up)
    {
        foreach (var (kind, i) in steps)
        {
            switch (kind)
            {
                case TransitionPlan.Kind.AlreadyThere:
                    if (_o.Verbosity >= 3) Info($"service {Name(i)}: already {(up ? "up" : "down")}");
                    break;
                case TransitionPlan.Kind.KeptEssential:
                    if (_o.Verbosity >= 1) Warn($"service {Name(i)} is marked as essential, not stopping it");
                    break;
                case TransitionPlan.Kind.Start:
                    Start(i, up);
                    break;
            }
        }
    }

    void Start(int i, bool up)
    {
        var p = new Pending { Service = i };
        var s = _db.Services[i];
        p.Timeout = TimeoutFor(up ? s.TimeoutUp : s.TimeoutDown);
        if (p.Timeout != 0) p.Deadline = Environment.TickCount64 + p.Timeout;
        if (DryRun) StartDry(p, up);
        else if (IsVirtual(i)) p.CompleteAt = 0;
        else if (IsLongrun(i))
        {
            p.Watch = LongrunWatch.Start(_live.ServiceDir(Name(i)), up, out p.Why, out int code);
            if (p.Watch == null) (p.CompleteAt, p.Code) = (0, code);
            else if (p.Watch.Reached) p.CompleteAt = 0;
        }
        else StartOneshot(p, up);
        _pending.Add(p);
        if (_o.Verbosity >= 2) Info($"{(DryRun ? "dry run: " : "")}service {Name(i)}: {(up ? "starting" : "stopping")}");
    }

    void StartOneshot(Pending p, bool up)
    {
        var argv = _db.Services[p.Service].Scripts!.For(up);
        if (argv.Count == 0)
        {
            p.CompleteAt = 0;
            return;
        }
        if (p.Timeout == 0) p.Deferred = argv;
        else Spawn(p, argv);
    }

    void Spawn(Pending p, IReadOnlyList<string> argv)
    {
        p.Deferred = null;
        p.Pid = Oneshot.Spawn(_inv, _live, argv, Name(p.Service), out var program);
        if (p.Pid > 0)
        {
            p.PidFd = SysPidfd.pidfd_open(p.Pid);
            return;
        }
        int err = -p.Pid;
        p.Why = $"service {Name(p.Service)}: unable to exec {program}: {Errno.StrError(err)}";
        (p.CompleteAt, p.Code) = (0, ProgramLookup.ExitCodeFor(err));
    }

    /// A deferred oneshot runs in our process when it is the only transition under way: no other can end,
    /// so none can become due, while it runs. Otherwise every deferred oneshot becomes a child, to run
    /// beside the others. True when one ran (its transition is then complete).
    bool RunDeferred()
    {
        var deferred = _pending.Where(p => p.Deferred != null).ToList();
        if (deferred.Count == 0) return false;
        if (deferred.Count == 1 && _pending.All(p => p == deferred[0] || p.CompleteAt != long.MaxValue))
        {
            var p = deferred[0];
            var argv = p.Deferred!;
            p.Deferred = null;
            (p.Code, p.Why) = OneshotInProcess.Run(_inv, _live, argv, Name(p.Service));
            p.CompleteAt = 0;
            return true;
        }
        foreach (var p in deferred) Spawn(p, p.Deferred!);
        return false;
    }

    /// -n: say what s6-rc 0.7 would run (on stdout, as its s6-rc-dryrun does), then succeed after the
    /// throttle.
    void StartDry(Pending p, bool up)
    {
        int i = p.Service;
        string command;
        if (IsLongrun(i))
        {
            string dir = $"{_live.Path}/servicedirs/{Name(i)}";
            string how = !up ? "-dwD" : Unistd.Access(dir + "/notification-fd", Unistd.F_OK) == 0 ? "-uwU" : "-uwu";
            command = $"s6-svc {how} -T {p.Timeout} -- {dir}";
        }
        else command = $"s6-sudo -el0 -t 30000 -T {p.Timeout} -- {_live.RunnerDir}/s {(up ? "up" : "down")} {i}  # {Name(i)}";
        if (_o.Verbosity >= 1) _inv.Write(1, $"s6-rc-dryrun: {command}\n");
        uint throttle = uint.TryParse(_o.DryRun, out var t) ? t : 0;
        p.CompleteAt = Environment.TickCount64 + throttle;
        p.Deadline = long.MaxValue;
    }

    /// s6-rc's compute_timeout: the service's own timeout, cut to what is left before the global deadline
    /// (at least 1 ms); 0 for none.
    uint TimeoutFor(uint own)
    {
        if (_o.Deadline == long.MaxValue) return own;
        long left = Math.Max(1, _o.Deadline - Environment.TickCount64);
        return own == 0 || left < own ? (uint)Math.Min(left, uint.MaxValue) : own;
    }

    /// Sleeps until a child ends, a signal or an event comes, or a deadline passes; acts on the global
    /// deadline and on SIGTERM/SIGINT.
    void Wait()
    {
        long now = Environment.TickCount64;
        long next = _o.Deadline;
        foreach (var p in _pending) next = Math.Min(next, Math.Min(p.CompleteAt, p.Deadline));
        if (next > now)
        {
            var fds = new List<int>();
            if (_signals >= 0) fds.Add(_signals);
            fds.AddRange(_pending.Where(p => p.Watch != null).Select(p => p.Watch!.Fd));
            fds.AddRange(_pending.Where(p => p.PidFd >= 0).Select(p => p.PidFd));
            int ms = next == long.MaxValue ? -1 : (int)Math.Min(next - now, int.MaxValue);
            // a child without a pidfd is looked at every 10 ms
            if (_pending.Any(p => p.Pid > 0 && p.PidFd < 0)) ms = ms < 0 ? 10 : Math.Min(ms, 10);
            _readable = new HashSet<int>();
            if (Poll.WaitReadable(fds, ms, _readable) == -2) throw Die(111, $"unable to iopause: {Errno.StrError(Errno.Value)}");
        }
        if (Environment.TickCount64 >= _o.Deadline)
        {
            // as s6-sudod would on the end of its time: the scripts still running are told to stop
            foreach (var p in _pending)
            {
                if (p.Pid > 0) Stop(p.Pid);
                if (p.PidFd >= 0) Unistd.close(p.PidFd);
                p.Watch?.Dispose();
            }
            throw Die(2, "timed out");
        }
        ReadSignals();
    }

    static void Stop(int pid)
    {
        Signal.kill(pid, Signal.SIGTERM);
        Signal.kill(pid, Signal.SIGCONT);
    }

    void ReadSignals()
    {
        while (_signals >= 0 && Poll.WaitReadable([_signals], 0) == 0)
        {
            int sig = SignalSet.Read(_signals, out _, out _);
            if (sig < 0) throw Die(111, $"unable to selfpipe_read: {Errno.StrError(-sig)}");
            if (sig is not (Signal.SIGTERM or Signal.SIGINT)) continue;
            if (_o.Verbosity >= 2) Warn($"received {SignalNames.Name((uint)sig)}, aborting pending processes and exiting asap");
            // s6-rc kills its s6-svc children, whose transitions then fail as killed by SIGTERM; oneshots
            // are left to finish
            foreach (var p in _pending.Where(p => p.Watch != null && p.CompleteAt == long.MaxValue))
                (p.CompleteAt, p.Code) = (0, 256 + Signal.SIGTERM);
            _lameDuck = true;
        }
    }

    /// The transitions that ended: (transition, success, how it failed: an exit code, or 256 + a signal).
    List<(Pending, bool, int)> Collect()
    {
        var done = new List<(Pending, bool, int)>();
        long now = Environment.TickCount64;
        foreach (var p in _pending.ToArray())
        {
            if (p.CompleteAt <= now)
            {
                done.Add((p, p.Code == 0, p.Code));
                continue;
            }
            if (p.Pid > 0 && MayHaveNews(p.PidFd) && Children.TryWait(p.Pid, out var st))
            {
                // s6-sudoc reports a script killed by signal s as exited 128+s
                int code = st.IsSignaled ? 128 + st.Signal : st.ExitCode;
                done.Add((p, code == 0, code));
                continue;
            }
            if (p.Watch != null && MayHaveNews(p.Watch.Fd) && p.Watch.Update() is bool reached)
            {
                done.Add((p, reached, reached ? 0 : 1));
                continue;
            }
            if (p.Deadline <= now)
            {
                string what = p.Pid > 0 ? "command" : "transition";
                p.Why = $"service {Name(p.Service)}: {what} timed out after {p.Timeout} ms{(p.Pid > 0 ? ", sending it SIGTERM" : "")}";
                if (p.Pid > 0) Stop(p.Pid);
                // the codes s6-sudoc and s6-svc give for their time running out
                done.Add((p, false, p.Pid > 0 ? 111 : 99));
            }
        }
        return done;
    }

    /// Whether fd may have something to read: the last wait said it is readable, or there was no wait.
    bool MayHaveNews(int fd) => fd < 0 || _readable == null || _readable.Contains(fd);

    void Succeeded(TransitionPlan plan, int i, bool up)
    {
        if (!DryRun)
        {
            if (IsLongrun(i) && !IsVirtual(i)) SetDownFile(i, up);
            if (up) _state[i] |= LiveDir.Up;
            else _state[i] &= unchecked((byte)~LiveDir.Up);
            _stateChanged = true;
        }
        if (!_lameDuck)
        {
            var next = plan.Succeeded(i);
            // What starts now finds the state file saying what is up already (a oneshot may ask s6-rc -a).
            if (next.Any(s => s.Kind == TransitionPlan.Kind.Start)) SaveState();
            Do(next, up);
        }
        if (_o.Verbosity >= 2)
            Info($"{(DryRun ? "dry run: " : "")}service {Name(i)} successfully {(up ? "started" : "stopped")}");
    }

    /// The state file, once per batch of transitions that ended together rather than once per transition
    /// (fifty longruns up at once wrote it fifty times).
    void SaveState()
    {
        if (!_stateChanged) return;
        _live.WriteState(_inv, _state);
        _stateChanged = false;
    }

    /// Up, the live service directory loses its `down` file (the service comes back if the supervisor
    /// restarts); down, it gets one.
    void SetDownFile(int i, bool up)
    {
        string file = _live.ServiceDir(Name(i)) + "/down";
        if (up)
        {
            if (Unistd.Unlink(file) < 0 && _o.Verbosity >= 1) Warn($"unable to unlink {file}: {Errno.StrError(Errno.Value)}");
            return;
        }
        int fd = Fcntl.Open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC | Fcntl.O_CLOEXEC, SysStat.Mode0666);
        if (fd >= 0) Unistd.close(fd);
        else if (_o.Verbosity >= 1) Warn($"unable to touch {file}: {Errno.StrError(Errno.Value)}");
    }

    void Failed(int i, bool up, int how)
    {
        // a longrun that did not make it is told to go down, whichever way it was going
        if (!DryRun && IsLongrun(i) && !IsVirtual(i))
            ControlFifo.Send(_live.ServiceDir(Name(i)), "supervise", "d", out _);
        if (_o.Verbosity < 1) return;
        string result = how >= 256 ? $"crashed with signal {how - 256}" : $"exited {how}";
        Warn($"{(DryRun ? "(dry run) " : "")}unable to {(up ? "start" : "stop")} service {Name(i)}: command {result}");
    }
}
