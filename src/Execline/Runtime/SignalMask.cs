using Execline.Native;

namespace Execline.Runtime;

/// A command that reads signals from a signalfd (trap, s6-log, the supervisor) or holds them pending
/// (s6-overlay-holdsignals) needs them blocked in every thread of the process: a thread with one unblocked
/// would take it (and run its default action, or lose it) before the signalfd saw it.
public static class SignalMask
{
    /// Returns with set blocked in every thread. Blocked already (as after the exec below): nothing to do.
    /// The runtime starts no thread before Main (Startup/lazy-finalizer.c): while ours is the only thread,
    /// blocking set here is enough, as every thread started later inherits the mask. Blocked first and
    /// counted after, so a thread the runtime starts in between cannot be missed. Otherwise the command
    /// execs itself once, with set blocked from the start.
    public static void BlockEverywhere(Invocation inv, SignalSet set)
    {
        if (set.IsSubsetOf(SignalSet.BlockedNow())) return;
        set.Block();
        if (Threads() != 1) ReExec(inv, set);
    }

    /// Execs the command again (same pid, same argv, under its own name) with exactly set blocked: the
    /// runtime's threads inherit the mask of the thread that exec'd. A signal of set already pending stays
    /// pending through the exec, as the mask is set at once, never lifted in between.
    public static void ReExec(Invocation inv, SignalSet set)
    {
        RealProcess.Apply(inv.State, set);
        var argv = new List<string>(inv.Argv) { [0] = inv.Prog };
        // Through a link with the command's name when there is one, so the process keeps that name.
        var path = ProgramLookup.Candidates(inv.Prog, inv.Env.Get("PATH")).FirstOrDefault(Self.Is) ?? Self.Path;
        int err = Spawn.Exec(path, argv, inv.State.Env.Entries);
        throw inv.DieErrno(111, "unable to re-exec with signals blocked", err);
    }

    /// This process's threads: /proc/self/task has one entry per thread, besides . and .. (0 without /proc).
    static int Threads() => SysStat.StatPath("/proc/self/task", out var st) == 0 ? (int)st.Nlink - 2 : 0;
}
