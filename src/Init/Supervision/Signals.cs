using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// The Linux signal numbers the supervision tree sends and receives.
static class Signals
{
    public const int HUP = 1, INT = 2, QUIT = 3, ABRT = 6, KILL = 9, USR1 = 10, USR2 = 12, PIPE = 13, ALRM = 14,
        TERM = 15, CHLD = 17, CONT = 18, STOP = 19, WINCH = 28, PWR = 30;

    /// What the supervisor reads from its signalfd: these must be blocked in every thread of the process,
    /// which is only true of a process started with them blocked.
    public static readonly SignalSet Handled = new SignalSet(0)
        .With(CHLD).With(HUP).With(INT).With(TERM).With(QUIT).With(ABRT).With(ALRM)
        .With(USR1).With(USR2).With(PWR).With(WINCH);

    /// A signalfd for the handled signals. A signal our parent had us ignore would be discarded before the
    /// signalfd saw it (and an ignored SIGCHLD reaps children behind our back), so each gets its default
    /// disposition back: they are blocked, the default action never runs.
    public static int OpenFd()
    {
        for (int sig = 1; sig <= 64; sig++)
            if (Handled.Contains(sig)) Libc.signal(sig, 0);
        return Handled.OpenFd();
    }

    /// SIGPIPE ignored while we write to FIFOs whose reader may be gone (children get it back at default).
    public static void IgnorePipe() => Libc.signal(PIPE, 1);
    public static void DefaultPipe() => Libc.signal(PIPE, 0);

    /// Whether this process started with the handled signals blocked (else BlockInEveryThread re-execs).
    public static bool BlockedEverywhere => Handled.IsSubsetOf(SignalSet.BlockedNow());

    /// Makes sure every thread of this process has the handled signals blocked: when they are not blocked
    /// already, the command is exec'd again (same pid, same argv) with them blocked from the start, as the
    /// runtime's own threads inherit the mask of the thread that exec'd. Returns only when they are.
    public static void BlockInEveryThread(Invocation inv)
    {
        if (BlockedEverywhere) return;
        RealProcess.Apply(inv.State);
        Handled.Block();
        var argv = new List<string>(inv.Argv) { [0] = inv.Prog };
        // Through a link with the command's name when there is one, so the process keeps that name.
        var path = ProgramLookup.Candidates(inv.Prog, inv.Env.Get("PATH")).FirstOrDefault(Self.Is) ?? Self.Path;
        int err = Spawn.Exec(path, argv, inv.State.Env.Entries);
        throw inv.DieErrno(111, "unable to re-exec with signals blocked", err);
    }
}
