using static Execline.Init.Supervision.ServiceAction;
using static Execline.Init.Supervision.ServiceEvent;

namespace Execline.Init.Supervision;

/// Where a supervised service is: s6-supervise's five states. LastUp and LastFinishing are Up and
/// Finishing once the supervisor has been told to leave (`x`, SIGTERM, SIGHUP): it leaves when finish is
/// done instead of starting run again. Down waiting out the restart throttle, and Up after `d` waiting
/// for timeout-kill, are no states of their own: each only has a deadline armed, and no event but that
/// deadline's is treated differently.
enum ServiceState { Down, Up, Finishing, LastUp, LastFinishing }

/// What can happen to a supervisor.
enum ServiceEvent
{
    // A byte of supervise/control (s6-svc's options), in the order of ServiceStateTable.ControlBytes;
    // _1 and _2 are the bytes 1 and 2. Any other byte is ignored, as s6-supervise 2.11 ignores it.
    a, b, q, h, k, t, i, _1, _2, p, c, y, r, o, d, u, D, U, x, O, Q,
    /// A signal to the supervisor (s6-supervise's own, or the one s6-svscan's kill matrix sends it).
    SigTerm, SigHup, SigQuit, SigInt,
    /// run ended (the wait status comes with it); finish ended (its exit code, or -1 when killed).
    RunDied, FinishDied,
    /// A line on the notification pipe; its end of file (or a read error) before one.
    Ready, ReadinessClosed,
    /// The time to start run has come: when supervision starts, after the restart throttle, after a
    /// failed spawn (10 s).
    StartDue,
    /// timeout-kill ran out after `d` (then every 5 s until run dies): SIGKILL to run.
    KillDue,
    /// timeout-finish ran out (then every 5 s until finish dies): SIGKILL to finish.
    FinishKillDue,
    /// run has stayed up for its crash-loop policy's reset time: the backoff starts over.
    ResetDue,
}

/// The supervisor's methods, one per kind of cell; ServiceSupervisor.Dispatch binds them.
enum ServiceAction
{
    Ignore, Leave, Interrupt, SignalRun, Pause, Resume,
    Start, StartOnce, StartForGood, WantUp, WantUpForGood, WantDown, WantDownForGood, Stop, StopForGood,
    LeaveWhenDown, StopAndLeave, Detach,
    RunEnded, FinishEnded, LastFinishEnded, MarkReady, CloseReadiness, StartIfWanted, KillRun, KillFinish,
    ResetCrashLoop,
}

/// What a supervisor does for each event in each state: s6-supervise's `actions[state][event]`, one row
/// per event. The names are ServiceSupervisor's methods; their comments say what each does. Some Ignore
/// cells cannot happen: run's death is watched, and its notification pipe open, only while it runs, and
/// a deadline is cleared when its state ends.
static class ServiceStateTable
{
    /// The control bytes s6-supervise 2.11 knows, in ServiceEvent's order.
    public const string ControlBytes = "abqhkti12pcyroduDUxOQ";

    static readonly ServiceAction[,] Cells = Build(
    //   event            Down             Up               Finishing        LastUp           LastFinishing
        (a,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (b,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (q,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (h,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (k,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (t,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (i,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (_1,              Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (_2,              Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (p,               Ignore,          Pause,           Ignore,          Pause,           Ignore),
        (c,               Ignore,          Resume,          Ignore,          Resume,          Ignore),
        (y,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (r,               Ignore,          SignalRun,       Ignore,          SignalRun,       Ignore),
        (o,               StartOnce,       WantDown,        WantDown,        WantDown,        WantDown),
        (d,               WantDown,        Stop,            WantDown,        Stop,            WantDown),
        (u,               Start,           WantUp,          WantUp,          WantUp,          WantUp),
        (D,               WantDownForGood, StopForGood,     WantDownForGood, StopForGood,     WantDownForGood),
        (U,               StartForGood,    WantUpForGood,   WantUpForGood,   WantUpForGood,   WantUpForGood),
        (x,               Leave,           LeaveWhenDown,   LeaveWhenDown,   Detach,          Ignore),
        (O,               WantDown,        WantDown,        WantDown,        WantDown,        WantDown),
        (Q,               WantDownForGood, WantDownForGood, WantDownForGood, WantDownForGood, WantDownForGood),
        (SigTerm,         Leave,           StopAndLeave,    LeaveWhenDown,   Stop,            Ignore),
        (SigHup,          Leave,           LeaveWhenDown,   LeaveWhenDown,   Detach,          Ignore),
        (SigQuit,         Leave,           Leave,           Leave,           Leave,           Leave),
        (SigInt,          Leave,           Interrupt,       Interrupt,       Interrupt,       Interrupt),
        (RunDied,         Ignore,          RunEnded,        Ignore,          RunEnded,        Ignore),
        (FinishDied,      Ignore,          Ignore,          FinishEnded,     Ignore,          LastFinishEnded),
        (Ready,           Ignore,          MarkReady,       Ignore,          MarkReady,       Ignore),
        (ReadinessClosed, Ignore,          CloseReadiness,  Ignore,          CloseReadiness,  Ignore),
        (StartDue,        StartIfWanted,   Ignore,          Ignore,          Ignore,          Ignore),
        (KillDue,         Ignore,          KillRun,         Ignore,          KillRun,         Ignore),
        (FinishKillDue,   Ignore,          Ignore,          KillFinish,      Ignore,          KillFinish),
        (ResetDue,        Ignore,          ResetCrashLoop,  Ignore,          ResetCrashLoop,  Ignore));

    public static ServiceAction Of(ServiceState state, ServiceEvent e) => Cells[(int)e, (int)state];

    /// The event of a control byte, or null for a byte s6-supervise 2.11 does not know.
    public static ServiceEvent? OfControlByte(char c)
    {
        int index = ControlBytes.IndexOf(c);
        return index < 0 ? null : (ServiceEvent)index;
    }

    /// Every event has exactly one row: a row missing or repeated fails the first supervisor at once
    /// instead of leaving a cell to chance.
    static ServiceAction[,] Build(params (ServiceEvent Event, ServiceAction Down, ServiceAction Up,
        ServiceAction Finishing, ServiceAction LastUp, ServiceAction LastFinishing)[] rows)
    {
        int events = Enum.GetValues<ServiceEvent>().Length;
        var cells = new ServiceAction[events, Enum.GetValues<ServiceState>().Length];
        var seen = new bool[events];
        foreach (var row in rows)
        {
            int e = (int)row.Event;
            if (seen[e]) throw new InvalidOperationException($"the state table has two rows for {row.Event}");
            seen[e] = true;
            cells[e, (int)ServiceState.Down] = row.Down;
            cells[e, (int)ServiceState.Up] = row.Up;
            cells[e, (int)ServiceState.Finishing] = row.Finishing;
            cells[e, (int)ServiceState.LastUp] = row.LastUp;
            cells[e, (int)ServiceState.LastFinishing] = row.LastFinishing;
        }
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw new InvalidOperationException($"the state table has no row for {(ServiceEvent)missing}");
        return cells;
    }
}
