using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// The end of s6-svscan: exec `.s6-svscan/finish` (no arguments, cwd the scandir), or exit 0 without one.
///
/// s6 keeps supervising after that exec, because its s6-supervise processes are separate: after
/// `s6-svscanctl -b` (s6-overlay's `-tb`) they still bring their services down, run finish scripts and
/// post events while the finish script waits for them. Here the supervisors are this process, so when
/// some are still at work, finish is spawned as our child instead of exec'd, we go on supervising, and
/// leave with finish's exit code when it ends. When nothing is left to supervise, finish gets our pid.
static class Finish
{
    const string Script = ".s6-svscan/finish";

    public static Outcome Run(Invocation inv, EventLoop loop, Scanner scanner, string scandir, int signalFd)
    {
        scanner.Close();
        bool exists = ServiceFiles.Exists(scandir + "/" + Script);
        if (!scanner.AnySupervised)
        {
            Unistd.close(signalFd);
            DrainPendingSignals();
            Signals.DefaultPipe();
            OpenFileLimit.Restore();
            return exists ? Outcome.Exec([Script]) : Outcome.Exit(0);
        }
        if (!exists) return Outcome.Exit(0);
        int pid = Chain.SpawnBlock([Script], inv.State.Clone());
        if (pid <= 0) return Outcome.Exit(111);
        int code = 0;
        loop.WatchChild(pid, st =>
        {
            code = st.IsSignaled ? 128 + st.Signal : st.ExitCode;
            loop.Stopped = true;
        });
        loop.OnSignal = _ => { };
        loop.Stopped = false;
        loop.Run();
        return Outcome.Exit(code);
    }

    /// A shutdown that was pending before the tree started: finish with nothing ever supervised, from the
    /// scandir, the pending signals taken so that they do not reach finish.
    public static Outcome Immediately(Invocation inv, string scandir)
    {
        int err = RealProcess.ChangeDirectory(inv.State, scandir);
        if (err != 0) throw inv.DieErrno(111, $"unable to chdir to {scandir}", err);
        DrainPendingSignals();
        return ServiceFiles.Exists(scandir + "/" + Script) ? Outcome.Exec([Script]) : Outcome.Exit(0);
    }

    /// Signals that arrived after we stopped reading them would hit the finish script's first moment,
    /// when the mask is lifted for the exec: they are taken now.
    static void DrainPendingSignals()
    {
        var pending = Signals.Handled;
        int fd = pending.OpenFd();
        if (fd < 0) return;
        Fcntl.fcntl(fd, Fcntl.F_SETFL, Fcntl.O_NONBLOCK);
        while (SignalSet.Read(fd, out _, out _) > 0) { }
        Unistd.close(fd);
    }
}
