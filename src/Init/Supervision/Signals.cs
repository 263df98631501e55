using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Init.Supervision;

/// The signals the supervision tree receives.
static class Signals
{
    /// What the supervisor reads from its signalfd: these must be blocked in every thread of the process,
    /// which is only true of a process started with them blocked.
    public static readonly SignalSet Handled = new SignalSet(0)
        .With(Signal.SIGCHLD).With(Signal.SIGHUP).With(Signal.SIGINT).With(Signal.SIGTERM).With(Signal.SIGQUIT)
        .With(Signal.SIGABRT).With(Signal.SIGALRM).With(Signal.SIGUSR1).With(Signal.SIGUSR2).With(Signal.SIGPWR)
        .With(Signal.SIGWINCH);

    /// A signalfd for the handled signals. A signal our parent had us ignore would be discarded before the
    /// signalfd saw it (and an ignored SIGCHLD reaps children behind our back), so each gets its default
    /// disposition back: they are blocked, the default action never runs.
    public static int OpenFd()
    {
        for (int sig = 1; sig <= 64; sig++)
            if (Handled.Contains(sig)) Signal.signal(sig, Signal.SIG_DFL);
        return Handled.OpenFd();
    }

    /// SIGPIPE ignored while we write to FIFOs whose reader may be gone (children get it back at default).
    public static void IgnorePipe() => Signal.signal(Signal.SIGPIPE, Signal.SIG_IGN);
    public static void DefaultPipe() => Signal.signal(Signal.SIGPIPE, Signal.SIG_DFL);

    /// What /init blocks first thing, so that a docker stop (or Ctrl-C, SIGQUIT) during stage 1, when process
    /// 1 would drop it, stays pending until the supervisor reads it.
    public static readonly SignalSet Shutdown = new SignalSet(0).With(Signal.SIGTERM).With(Signal.SIGINT).With(Signal.SIGQUIT);

    /// A shutdown signal that came before we could read it, still waiting, whose action is s6-svscan's own
    /// (scandir has no `.s6-svscan/SIGxxx` for it: one that has is read and run once the tree is up, as
    /// s6-overlay v3's SIGTERM, which brings the services down in order).
    public static bool ShutdownPending(string scandir)
    {
        var pending = SignalSet.PendingNow();
        for (int sig = 1; sig <= 64; sig++)
            if (Shutdown.Contains(sig) && pending.Contains(sig)
                && !ServiceFiles.Exists(scandir + "/.s6-svscan/SIG" + SignalNames.Name((uint)sig)))
                return true;
        return false;
    }

    /// Whether this process started with the handled signals blocked (else BlockInEveryThread re-execs).
    public static bool BlockedEverywhere => Handled.IsSubsetOf(SignalSet.BlockedNow());

    /// Makes sure every thread of this process has the handled signals blocked. Unlike SignalMask's
    /// BlockEverywhere, this execs even when ours is the only thread: the exec also gives the process the
    /// command's name (as process 1, /init's argv would stay what ps shows; image scripts look for
    /// s6-svscan by name).
    public static void BlockInEveryThread(Invocation inv)
    {
        if (!BlockedEverywhere) SignalMask.ReExec(inv, Handled);
    }
}
