using Execline.S6;
using Execline.Init.Supervision;
using Execline.Native;
using Execline.Runtime;

namespace Execline.Tests.Unit;

/// The supervisor's state table, cell by cell, without processes: a supervisor of a temporary service
/// directory whose effects are recorded (its spawns get made-up pids, its kills reach nobody) is brought
/// into a situation by the events that lead there, fed one event, and its next state and exact effects
/// (spawns, kills, status writes, events, timers, watched descriptors, the down file, warnings) checked.
public class ServiceStateTableTests : IDisposable
{
    const int RunPid = 101, FinishPid = 102;
    const long Start = 1_000_000;
    /// What RunDied brings: run exited 3.
    const int RunExit3 = 3 << 8;

    readonly string _dir = Directory.CreateTempSubdirectory("statetable.").FullName;
    readonly int _stderr, _log;
    readonly ProcessState _base;
    readonly Recorder _fx;
    ServiceSupervisor? _sup;
    CrashLoopPolicy? _defaultPolicy;

    public ServiceStateTableTests()
    {
        File.WriteAllText(_dir + "/finish", "");
        File.WriteAllText(_dir + "/notification-fd", "3\n");
        _stderr = Fcntl.Open(_dir + "/stderr", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_CLOEXEC);
        _log = Fcntl.Open(_dir + "/log", Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_CLOEXEC);
        // Only stderr: what the children get on 0, 1 and 3 is then the supervisor's doing alone.
        _base = ProcessState.FromThisProcess([]);
        foreach (int fd in _base.Fds.Numbers.ToList()) _base.Fds.Close(fd);
        _base.Fds.Set(2, _stderr);
        _fx = new Recorder(_dir);
    }

    public void Dispose()
    {
        _sup?.Dispatch(ServiceEvent.SigQuit);
        Unistd.close(_stderr);
        Unistd.close(_log);
        Directory.Delete(_dir, true);
    }

    /// Records the effects in order, with the down file's changes and the warnings where they happened.
    sealed class Recorder(string dir) : ISupervisorEffects
    {
        public readonly List<string> Effects = new();
        public readonly List<(long When, Action<long> OnTime)> Timers = new();
        int _control = -1;
        ServiceStatus? _last;
        bool _down;
        long _warned;

        public long Now { get; set; } = Start;

        /// When set, every spawn fails with this errno, and records nothing.
        public int SpawnErrno;
        /// When clear, there is no container to stop (s6-supervise alone): StopContainer records nothing.
        public bool HasContainer = true;

        public int Spawn(IReadOnlyList<string> argv, ProcessState st, Action<WaitStatus> onExit)
        {
            if (SpawnErrno != 0) return -SpawnErrno;
            string stdio = IsDevNull(st.Fds.Real(0)) && IsDevNull(st.Fds.Real(1)) ? " <>/dev/null" : "";
            string notify = Target(st.Fds.Real(3))?.StartsWith("pipe:") == true ? " 3>pipe" : "";
            Record($"spawn {string.Join(' ', argv)}{stdio}{notify}");
            return argv[0] == "./run" ? RunPid : FinishPid;
        }

        public void Kill(int pid, int sig) => Record($"kill {pid} {SignalName(sig)}");
        public void WaitExec(int pid) { }
        // Every exec is done at once here.
        public void OnExec(int pid, Action then) => then();

        public int Save(ServiceStatus s)
        {
            string stamps = (_last is { } l && l.Stamp != s.Stamp ? " stamp" : "")
                + (_last is { } m && m.ReadyStamp != s.ReadyStamp ? " readystamp" : "");
            Record($"status pid={s.Pid} wstat={s.Wstat:x} {(s.WantUp ? "wantup" : "wantdown")}{(s.Ready ? " ready" : "")}"
                + $"{(s.Paused ? " paused" : "")}{(s.Finishing ? " finishing" : "")}{stamps}");
            _last = s;
            return 0;
        }

        public void Notify(string events) => Record($"event {events}");

        public void WakeAt(long when, Action<long> onTime)
        {
            Record($"timer +{when - Now}");
            Timers.Add((when, onTime));
        }

        /// The first descriptor watched is the control FIFO; the others are notification pipes.
        public void Watch(int fd, Action onReadable)
        {
            if (_control < 0) _control = fd;
            Record($"watch {(fd == _control ? "control" : "readiness")}");
        }

        public void Unwatch(int fd) => Record($"unwatch {(fd == _control ? "control" : "readiness")}");

        public bool StopContainer(int code)
        {
            if (!HasContainer) return false;
            Record($"stop container {code}");
            return true;
        }

        public void Record(string effect)
        {
            Observe();
            Effects.Add(effect);
        }

        /// The down file appearing or going, and new warnings, since the last look.
        public void Observe()
        {
            bool down = File.Exists(dir + "/down");
            if (down != _down) Effects.Add(down ? "+down" : "-down");
            _down = down;
            var text = File.ReadAllText(dir + "/stderr");
            foreach (var line in text[(int)_warned..].Split('\n', StringSplitOptions.RemoveEmptyEntries)) Effects.Add(line);
            _warned = text.Length;
        }

        public List<string> Take()
        {
            Observe();
            var taken = Effects.ToList();
            Effects.Clear();
            return taken;
        }

        static string? Target(int fd) => fd < 0 ? null : Unistd.ReadLink($"/proc/self/fd/{fd}");
        static bool IsDevNull(int fd) => Target(fd) == "/dev/null";
    }

    static string SignalName(int sig) => sig switch
    {
        1 => "HUP", 2 => "INT", 3 => "QUIT", 6 => "ABRT", 9 => "KILL", 10 => "USR1", 12 => "USR2", 14 => "ALRM",
        15 => "TERM", 18 => "CONT", 19 => "STOP", 28 => "WINCH", _ => sig.ToString(),
    };

    /// Sets up a supervisor and brings it into the situation by the events that lead there.
    ServiceSupervisor Reach(string situation)
    {
        if (situation is "down" or "up once" or "finishing once") File.WriteAllText(_dir + "/down", "");
        _sup = new ServiceSupervisor(_fx, _base, _dir, "svc", stdin: _log, stdout: _log, defaultPolicy: _defaultPolicy);
        _sup.Gone = _ => _fx.Record("gone");
        Assert.Null(_sup.SetUp());
        string[] path = situation switch
        {
            "down" or "up" => [],
            "restarting" => ["RunDied", "FinishDied"],
            "up once" => ["o"],
            "finishing" => ["RunDied"],
            "finishing once" => ["o", "RunDied"],
            "last up" => ["x"],
            "stopping" => ["SigTerm"],
            "last finishing" => ["x", "RunDied"],
            "stopped, finishing" => ["SigTerm", "RunDied"],
            _ => throw new ArgumentException(situation),
        };
        foreach (var e in path) Feed(e);
        _fx.Take();
        return _sup;
    }

    void Feed(string e)
    {
        var ev = Enum.Parse<ServiceEvent>(e);
        _sup!.Dispatch(ev, ev switch
        {
            ServiceEvent.RunDied => RunExit3,
            ServiceEvent.FinishDied => 0,
            ServiceEvent.StartDue or ServiceEvent.KillDue or ServiceEvent.FinishKillDue or ServiceEvent.ResetDue => _fx.Now,
            _ => 0,
        });
    }

    string Next() => _sup!.IsGone ? "gone" : _sup.State.ToString();

    /// The situations and the state each is in.
    static readonly Dictionary<string, string> States = new()
    {
        ["down"] = "Down", ["restarting"] = "Down", ["up"] = "Up", ["up once"] = "Up", ["finishing"] = "Finishing",
        ["finishing once"] = "Finishing", ["last up"] = "LastUp", ["stopping"] = "LastUp",
        ["last finishing"] = "LastFinishing", ["stopped, finishing"] = "LastFinishing",
    };

    const string SignalBytes = "a b q h k t i _1 _2 y r";
    const string Leaves = "x SigTerm SigHup SigQuit SigInt";

    static IEnumerable<object[]> Row(string situation, string events, string next, params string[] effects) =>
        events.Split(' ').Select(e => new object[] { situation, e, next, effects });

    static IEnumerable<object[]> Kills(string situation, string next) =>
        new[] { "ALRM", "ABRT", "QUIT", "HUP", "KILL", "TERM", "INT", "USR1", "USR2", "WINCH", "TERM" }
            .Zip(SignalBytes.Split(' '), (sig, e) => new object[] { situation, e, next, new[] { $"kill {RunPid} {sig}" } });

    static string[] LeaveWith(params string[] first) => [.. first, "unwatch control", "event x", "gone"];

    /// Each cell of the table, in at least one situation of its state; Every_cell_of_the_table_has_a_case
    /// checks that none is left out.
    public static IEnumerable<object[]> Cells() => new[]
    {
        // Down, not wanted up (a down file).
        Row("down", $"{SignalBytes} p c RunDied FinishDied Ready ReadinessClosed KillDue FinishKillDue", "Down"),
        Row("down", "d D O Q StartDue ResetDue", "Down"), // nothing to change: it is wanted down already
        Row("down", "u", "Up", "spawn ./run svc 3>pipe", "watch readiness", "status pid=101 wstat=0 wantup stamp", "event u"),
        Row("down", "U", "Up", "-down", "spawn ./run svc 3>pipe", "watch readiness", "status pid=101 wstat=0 wantup stamp",
            "event u"),
        Row("down", "o", "Up", "spawn ./run svc 3>pipe", "watch readiness", "status pid=101 wstat=0 wantdown stamp", "event u"),
        Row("down", Leaves, "gone", LeaveWith()),

        // Down, wanted up: run died, finish ended, the throttle runs.
        Row("restarting", "StartDue u U", "Up", "spawn ./run svc 3>pipe", "watch readiness",
            "status pid=101 wstat=300 wantup stamp", "event u"),
        Row("restarting", "o", "Up", "spawn ./run svc 3>pipe", "watch readiness", "status pid=101 wstat=300 wantdown stamp",
            "event u"),
        Row("restarting", "d O", "Down", "status pid=0 wstat=300 wantdown ready"),
        Row("restarting", "D Q", "Down", "+down", "status pid=0 wstat=300 wantdown ready"),
        Row("restarting", Leaves, "gone", LeaveWith()),

        // Up.
        Kills("up", "Up"),
        Row("up", "p", "Up", "kill 101 STOP", "status pid=101 wstat=0 wantup paused"),
        Row("up", "c", "Up", "kill 101 CONT"),
        Row("up", "o O", "Up", "status pid=101 wstat=0 wantdown"),
        Row("up", "d", "Up", "kill 101 TERM", "kill 101 CONT", "status pid=101 wstat=0 wantdown"),
        Row("up", "D", "Up", "+down", "kill 101 TERM", "kill 101 CONT", "status pid=101 wstat=0 wantdown"),
        Row("up", "Q", "Up", "+down", "status pid=101 wstat=0 wantdown"),
        Row("up", "u U FinishDied StartDue FinishKillDue ResetDue", "Up"),
        Row("up once", "u", "Up", "status pid=101 wstat=0 wantup"),
        Row("up once", "U", "Up", "-down", "status pid=101 wstat=0 wantup"),
        Row("up", "x SigHup", "LastUp"), // finish will get /dev/null: Told_to_leave_while_up_a_later_finish_gets_dev_null
        Row("up", "SigTerm", "LastUp", "kill 101 TERM", "kill 101 CONT", "status pid=101 wstat=0 wantdown"),
        Row("up", "SigQuit", "gone", LeaveWith("unwatch readiness")),
        Row("up", "SigInt", "gone", LeaveWith("kill -101 INT", "unwatch readiness")),
        Row("up", "RunDied", "Finishing", "unwatch readiness", "spawn ./finish 3 0 svc", "timer +5000",
            "status pid=102 wstat=300 wantup finishing stamp", "event d"),
        Row("up", "Ready", "Up", "unwatch readiness", "status pid=101 wstat=0 wantup ready readystamp", "event U"),
        Row("up", "ReadinessClosed", "Up", "unwatch readiness"),
        Row("up", "KillDue", "Up", "kill 101 KILL", "timer +5000"),

        // Finishing.
        Row("finishing", $"{SignalBytes} p c u U RunDied Ready ReadinessClosed StartDue KillDue ResetDue", "Finishing"),
        Row("finishing once", "u", "Finishing", "status pid=102 wstat=300 wantup finishing"),
        Row("finishing once", "U", "Finishing", "-down", "status pid=102 wstat=300 wantup finishing"),
        Row("finishing", "o d O", "Finishing", "status pid=102 wstat=300 wantdown finishing"),
        Row("finishing", "D Q", "Finishing", "+down", "status pid=102 wstat=300 wantdown finishing"),
        Row("finishing", "x SigTerm SigHup", "LastFinishing"),
        Row("finishing", "SigQuit", "gone", LeaveWith()),
        Row("finishing", "SigInt", "gone", LeaveWith("kill -102 INT")),
        Row("finishing", "FinishDied", "Down", "status pid=0 wstat=300 wantup ready readystamp", "event D", "timer +1000"),
        Row("finishing once", "FinishDied", "Down", "status pid=0 wstat=300 wantdown ready readystamp", "event D"),
        Row("finishing", "FinishKillDue", "Finishing",
            "s6-supervise svc: warning: finish script lifetime reached maximum value - sending it a SIGKILL",
            "kill 102 CONT", "kill 102 KILL", "timer +5000"),

        // LastUp: up, to leave once finish is over.
        Kills("last up", "LastUp"),
        Row("last up", "p", "LastUp", "kill 101 STOP", "status pid=101 wstat=0 wantup paused"),
        Row("last up", "c", "LastUp", "kill 101 CONT"),
        Row("last up", "o O", "LastUp", "status pid=101 wstat=0 wantdown"),
        Row("last up", "d SigTerm", "LastUp", "kill 101 TERM", "kill 101 CONT", "status pid=101 wstat=0 wantdown"),
        Row("last up", "D", "LastUp", "+down", "kill 101 TERM", "kill 101 CONT", "status pid=101 wstat=0 wantdown"),
        Row("last up", "Q", "LastUp", "+down", "status pid=101 wstat=0 wantdown"),
        Row("last up", "u U x SigHup FinishDied StartDue FinishKillDue ResetDue", "LastUp"),
        Row("stopping", "u U", "LastUp", "status pid=101 wstat=0 wantup"),
        Row("last up", "SigQuit", "gone", LeaveWith("unwatch readiness")),
        Row("last up", "SigInt", "gone", LeaveWith("kill -101 INT", "unwatch readiness")),
        Row("last up", "RunDied", "LastFinishing", "unwatch readiness", "spawn ./finish 3 0 svc <>/dev/null", "timer +5000",
            "status pid=102 wstat=300 wantup finishing stamp", "event d"),
        Row("stopping", "RunDied", "LastFinishing", "unwatch readiness", "spawn ./finish 3 0 svc", "timer +5000",
            "status pid=102 wstat=300 wantdown finishing stamp", "event d"),
        Row("last up", "Ready", "LastUp", "unwatch readiness", "status pid=101 wstat=0 wantup ready readystamp", "event U"),
        Row("last up", "ReadinessClosed", "LastUp", "unwatch readiness"),
        Row("last up", "KillDue", "LastUp", "kill 101 KILL", "timer +5000"),

        // LastFinishing: finish runs, then the supervisor leaves.
        Row("last finishing", $"{SignalBytes} p c u U x SigTerm SigHup RunDied Ready ReadinessClosed StartDue KillDue ResetDue",
            "LastFinishing"),
        Row("stopped, finishing", "u U", "LastFinishing", "status pid=102 wstat=300 wantup finishing"),
        Row("last finishing", "o d O", "LastFinishing", "status pid=102 wstat=300 wantdown finishing"),
        Row("last finishing", "D Q", "LastFinishing", "+down", "status pid=102 wstat=300 wantdown finishing"),
        Row("last finishing", "SigQuit", "gone", LeaveWith()),
        Row("last finishing", "SigInt", "gone", LeaveWith("kill -102 INT")),
        Row("last finishing", "FinishDied", "gone",
            LeaveWith("status pid=0 wstat=300 wantup ready readystamp", "event D")),
        Row("last finishing", "FinishKillDue", "LastFinishing",
            "s6-supervise svc: warning: finish script lifetime reached maximum value - sending it a SIGKILL",
            "kill 102 CONT", "kill 102 KILL", "timer +5000"),
    }.SelectMany(rows => rows);

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_event_in_the_situation_has_exactly_these_effects(string situation, string e, string next, string[] effects)
    {
        Reach(situation);
        Feed(e);
        Assert.Equal(effects, _fx.Take());
        Assert.Equal(next, Next());
    }

    [Fact]
    public void Every_cell_of_the_table_has_a_case()
    {
        var covered = Cells().Select(r => (States[(string)r[0]], (string)r[1])).ToHashSet();
        var missing = Enum.GetNames<ServiceState>()
            .SelectMany(s => Enum.GetNames<ServiceEvent>().Select(e => (s, e)))
            .Where(cell => !covered.Contains(cell));
        Assert.Empty(missing);
    }

    [Fact]
    public void Each_known_control_byte_is_the_event_of_its_name_and_others_are_nothing()
    {
        foreach (char c in "abqhkti12pcyroduDUxOQ")
            Assert.Equal(c.ToString(), ServiceStateTable.OfControlByte(c).ToString()!.TrimStart('_'));
        foreach (char c in "swlPCKXz\0\n")
            Assert.Null(ServiceStateTable.OfControlByte(c));
    }

    [Fact]
    public void An_unknown_control_byte_changes_nothing()
    {
        var sup = Reach("up");
        sup.Command('w');
        Assert.Empty(_fx.Take());
        Assert.Equal("Up", Next());
    }

    [Fact]
    public void Told_to_leave_while_up_a_later_finish_gets_dev_null()
    {
        foreach (var leave in new[] { "x", "SigHup" })
        {
            Reach("up");
            Feed(leave);
            Feed("RunDied");
            Assert.Contains("spawn ./finish 3 0 svc <>/dev/null", _fx.Take());
            _sup!.Dispatch(ServiceEvent.SigQuit);
        }
    }

    [Fact]
    public void Told_to_leave_again_while_stopping_a_later_finish_gets_dev_null()
    {
        foreach (var leave in new[] { "x", "SigHup" })
        {
            Reach("stopping");
            Feed(leave);
            Feed("RunDied");
            Assert.Contains("spawn ./finish 3 0 svc <>/dev/null", _fx.Take());
            _sup!.Dispatch(ServiceEvent.SigQuit);
        }
    }

    [Fact]
    public void Without_finish_run_dying_is_down_at_once_and_restarts_after_the_throttle()
    {
        File.Delete(_dir + "/finish");
        Reach("up");
        Feed("RunDied");
        Assert.Equal(["unwatch readiness", "status pid=0 wstat=300 wantup stamp", "event d",
            "status pid=0 wstat=300 wantup ready readystamp", "event D", "timer +1000"], _fx.Take());
        Assert.Equal("Down", Next());
    }

    [Fact]
    public void Without_finish_run_dying_while_leaving_leaves()
    {
        File.Delete(_dir + "/finish");
        Reach("last up");
        Feed("RunDied");
        Assert.Equal(["unwatch readiness", "status pid=0 wstat=300 wantup stamp", "event d",
            "status pid=0 wstat=300 wantup ready readystamp", "event D", "unwatch control", "event x", "gone"], _fx.Take());
    }

    [Fact]
    public void Finish_exiting_125_is_down_for_good_without_a_restart()
    {
        Reach("finishing");
        _sup!.Dispatch(ServiceEvent.FinishDied, 125);
        Assert.Equal(["status pid=0 wstat=300 wantdown ready readystamp", "event OD"], _fx.Take());
    }

    [Fact]
    public void Down_with_timeout_kill_arms_the_kill()
    {
        File.WriteAllText(_dir + "/timeout-kill", "3000\n");
        Reach("up");
        Feed("d");
        Assert.Equal(["kill 101 TERM", "kill 101 CONT", "timer +3000", "status pid=101 wstat=0 wantdown"], _fx.Take());
    }

    [Fact]
    public void The_byte_r_sends_the_down_signal()
    {
        File.WriteAllText(_dir + "/down-signal", "SIGHUP\n");
        Reach("up");
        Feed("r");
        Feed("d");
        Assert.Equal(["kill 101 HUP", "kill 101 HUP", "kill 101 CONT", "status pid=101 wstat=0 wantdown"], _fx.Take());
    }

    [Fact]
    public void The_throttle_counts_from_readiness()
    {
        Reach("up");
        Feed("Ready");
        _fx.Now += 300;
        Feed("RunDied");
        Feed("FinishDied");
        Assert.Equal("timer +700", _fx.Take().Last());
    }

    [Fact]
    public void No_timeout_finish_arms_no_kill_of_finish()
    {
        File.WriteAllText(_dir + "/timeout-finish", "0\n");
        Reach("up");
        Feed("RunDied");
        Assert.DoesNotContain(_fx.Take(), e => e.StartsWith("timer"));
    }

    [Fact]
    public void A_run_that_cannot_be_spawned_is_tried_again_in_10_seconds()
    {
        _fx.SpawnErrno = Errno.ENOENT;
        File.WriteAllText(_dir + "/down", "");
        _sup = new ServiceSupervisor(_fx, _base, _dir, "svc");
        Assert.Null(_sup.SetUp());
        _fx.Take();
        Feed("u");
        Assert.Equal(["unwatch readiness",
            "s6-supervise svc: warning: unable to spawn ./run - waiting 10 seconds: No such file or directory",
            "timer +10000", "status pid=0 wstat=0 wantup ready"], _fx.Take());
        Assert.Equal("Down", Next());
    }

    [Fact]
    public void A_restart_called_off_by_d_does_not_start_when_its_timer_fires()
    {
        Reach("restarting");
        var (when, onTime) = _fx.Timers.Last();
        Feed("d");
        _fx.Take();
        onTime(when);
        Assert.Empty(_fx.Take());
        Assert.Equal("Down", Next());
    }

    [Fact]
    public void The_throttle_timer_starts_run_when_it_fires()
    {
        Reach("restarting");
        var (when, onTime) = _fx.Timers.Last();
        onTime(when - 1);
        Assert.Empty(_fx.Take());
        onTime(when);
        Assert.Equal("Up", Next());
    }

    [Fact]
    public void Nothing_is_done_once_gone()
    {
        Reach("up");
        Feed("SigQuit");
        _fx.Take();
        foreach (var e in Enum.GetNames<ServiceEvent>()) Feed(e);
        Assert.Empty(_fx.Take());
    }

    // The crash-loop policy (`crash-loop`, S6_CRASH_LOOP): not s6's, and without one nothing above changes.

    /// Run dies and finish ends; the wait armed for the restart, then (when restart) the restart.
    long DieAndRestart(bool restart = true)
    {
        Feed("RunDied");
        Feed("FinishDied");
        var effects = _fx.Take();
        var timer = effects.LastOrDefault(e => e.StartsWith("timer +"));
        Assert.NotNull(timer);
        if (restart)
        {
            Feed("StartDue");
            _fx.Take();
        }
        return long.Parse(timer["timer +".Length..]);
    }

    string[] CrashLoopFile() => File.Exists(_dir + "/supervise/crash-loop")
        ? File.ReadAllText(_dir + "/supervise/crash-loop").Split(' ') : [];

    [Fact]
    public void With_a_backoff_the_waits_before_restarts_double_up_to_the_longest()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=2s-10s\n");
        Reach("up");
        var waits = Enumerable.Range(0, 5).Select(_ => DieAndRestart()).ToArray();
        Assert.Equal([2000L, 4000, 8000, 10000, 10000], waits);
    }

    [Fact]
    public void While_backing_off_the_status_says_down_and_wanted_up_and_supervise_crash_loop_says_until_when()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=2s-10s factor=3");
        Reach("up");
        DieAndRestart();
        long before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Feed("RunDied");
        _fx.Take();
        Feed("FinishDied");
        Assert.Equal(["status pid=0 wstat=300 wantup ready readystamp", "event D", "timer +6000"], _fx.Take());
        var line = File.ReadAllText(_dir + "/supervise/crash-loop");
        Assert.Matches(@"^backoff 2 [0-9]+\n$", line);
        long until = long.Parse(line.Split(' ')[2]);
        Assert.InRange(until, before + 6000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 6000);
    }

    [Fact]
    public void A_backoff_shorter_than_a_second_still_waits_s6s_throttle()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=100ms-400ms");
        Reach("up");
        Assert.Equal([1000L, 1000, 1000, 1000], Enumerable.Range(0, 4).Select(_ => DieAndRestart()).ToArray());
    }

    [Fact]
    public void Run_staying_up_for_the_reset_time_starts_the_backoff_over_and_removes_the_file()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=1s-1m reset=30s");
        Reach("up");
        DieAndRestart();
        Assert.Equal(2000, DieAndRestart(restart: false));
        Feed("StartDue");
        Assert.Contains("timer +30000", _fx.Take());
        Assert.Equal("backoff", CrashLoopFile()[0]);
        _fx.Now += 30000;
        Feed("ResetDue");
        Assert.Empty(CrashLoopFile());
        Assert.Equal(1000, DieAndRestart());
        // The same when run dies after the reset time without the timer having fired.
        Assert.Equal(2000, DieAndRestart());
        _fx.Now += 30000;
        Assert.Equal(1000, DieAndRestart());
    }

    [Fact]
    public void After_the_deaths_of_give_up_the_service_stays_down_wanted_down_until_started_again()
    {
        File.WriteAllText(_dir + "/crash-loop", "give-up=3/1m");
        Reach("up");
        DieAndRestart();
        DieAndRestart();
        Feed("RunDied");
        _fx.Take();
        Feed("FinishDied");
        Assert.Equal(["status pid=0 wstat=300 wantdown ready readystamp", "event OD",
            "s6-supervise svc: warning: run died 3 times within 60000 ms: giving up (crash-loop), down until s6-svc -u"], _fx.Take());
        Assert.Equal(["gave-up", "3"], CrashLoopFile()[..2]);
        Assert.Equal("Down", Next());
        Feed("u");
        Assert.Equal("Up", Next());
        Assert.Empty(CrashLoopFile());
        Assert.Equal(1000, DieAndRestart()); // counted afresh: two more deaths before giving up again
        Assert.Equal(1000, DieAndRestart());
    }

    [Fact]
    public void Giving_up_with_an_exit_code_stops_the_container_with_it()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=1s-4s give-up=2/1m then=exit:3");
        Reach("up");
        DieAndRestart();
        Feed("RunDied");
        _fx.Take();
        Feed("FinishDied");
        Assert.Equal(["status pid=0 wstat=300 wantdown ready readystamp", "event OD", "stop container 3",
            "s6-supervise svc: warning: run died 2 times within 60000 ms: giving up (crash-loop) and stopping the container with exit code 3"],
            _fx.Take());
    }

    [Fact]
    public void Giving_up_with_an_exit_code_and_no_container_to_stop_says_so_and_stays_down()
    {
        File.WriteAllText(_dir + "/crash-loop", "give-up=1/1m then=exit:3");
        _fx.HasContainer = false;
        _sup = new ServiceSupervisor(_fx, _base, _dir, "svc");
        Assert.Null(_sup.SetUp());
        Feed("RunDied");
        _fx.Take();
        Feed("FinishDied");
        Assert.Equal(["status pid=0 wstat=300 wantdown ready readystamp", "event OD",
            "s6-supervise svc: warning: run died 1 times within 60000 ms: giving up (crash-loop), down until s6-svc -u (no container to stop with exit code 3)"],
            _fx.Take());
        Assert.Equal("Down", Next());
    }

    [Fact]
    public void Deaths_older_than_the_give_up_window_do_not_count()
    {
        File.WriteAllText(_dir + "/crash-loop", "give-up=2/10s");
        Reach("up");
        DieAndRestart();
        _fx.Now += 10000;
        Assert.Equal(1000, DieAndRestart());
    }

    [Fact]
    public void Finish_exiting_125_is_s6s_permanent_failure_whatever_the_policy()
    {
        File.WriteAllText(_dir + "/crash-loop", "give-up=1/1m then=exit:4");
        Reach("finishing");
        _sup!.Dispatch(ServiceEvent.FinishDied, 125);
        Assert.Equal(["status pid=0 wstat=300 wantdown ready readystamp", "event OD"], _fx.Take());
        Assert.Empty(CrashLoopFile());
    }

    [Fact]
    public void Wanted_down_while_backing_off_the_start_is_off_and_the_file_goes()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=5s-1m");
        Reach("up");
        DieAndRestart(restart: false);
        Assert.Equal("backoff", CrashLoopFile()[0]);
        Feed("d");
        Assert.Empty(CrashLoopFile());
    }

    [Fact]
    public void A_bad_crash_loop_file_is_said_once_and_s6s_rules_hold()
    {
        File.WriteAllText(_dir + "/crash-loop", "backoff=1s");
        Reach("up");
        Feed("RunDied");
        Assert.Contains($"s6-supervise svc: warning: invalid {_dir}/crash-loop: \"backoff=1s\": expected backoff=FIRST-MAX, two durations, as in backoff=1s-1m - using s6's rules",
            _fx.Take());
        Feed("FinishDied");
        Feed("StartDue");
        Assert.Equal(1000, DieAndRestart());
        Assert.DoesNotContain(_fx.Effects, e => e.Contains("invalid"));
    }

    [Fact]
    public void The_default_policy_holds_for_a_service_without_a_file_and_none_opts_out()
    {
        _defaultPolicy = CrashLoopPolicy.Parse("backoff=3s-1m", out _);
        Reach("up");
        Assert.Equal(3000, DieAndRestart());
        _sup!.Dispatch(ServiceEvent.SigQuit);
        File.WriteAllText(_dir + "/crash-loop", "none\n");
        Reach("up");
        Assert.Equal(1000, DieAndRestart());
    }
}
