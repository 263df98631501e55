using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Supervision;

/// s6-svscan [ -c max ] [ -t rescan ] [ -d notif ] [ -X consoleholder ] [ dir ] — supervises every
/// service directory of dir (panicking into .s6-svscan/crash on an internal error). Unlike s6, one
/// process does all of it: the scan, every service's supervise/ state machine, the log pipes and the
/// reaping; only run, finish and loggers are processes.
public sealed class Svscan : Builtin
{
    public override string Usage => "s6-svscan [ -c maxservices ] [ -t timeout ] [ -d notif ] [ -X consoleholder ] [ dir ]";

    public override Outcome Run(Invocation inv)
    {
        int max = 500, notif = -1;
        long rescan = 0;
        var g = new Getopt(inv.Argv, "c:t:d:X:C:L:");
        while (g.Next(out char opt, out string? arg))
        {
            switch (opt)
            {
                case 'c':
                    if (!Numbers.TryUInt(arg, out max)) throw inv.Usage();
                    max = Math.Clamp(max, 2, 90000);
                    break;
                case 't':
                    if (!Numbers.TryUnsigned(arg, out ulong t)) throw inv.Usage();
                    rescan = (long)Math.Min(t, int.MaxValue);
                    break;
                case 'd':
                    if (!Numbers.TryUInt(arg, out notif)) throw inv.Usage();
                    break;
                case 'X':
                    if (!Numbers.TryUInt(arg, out _)) throw inv.Usage();
                    break;
                case 'C':
                case 'L':
                    break; // later s6's options for its service tables: nothing to size here
                default: throw inv.Usage();
            }
        }
        if (notif >= 0 && notif < 3) throw inv.Die(100, "notification fd must be 3 or more");
        if (notif >= 0 && !inv.State.Fds.IsOpen(notif)) throw inv.Die(100, "notification fd is not open");
        string dir = g.Index < inv.Argv.Count ? inv.Argv[g.Index] : ".";
        // A shutdown asked for before we could read signals (/init holds them pending from its start) ends
        // the tree before anything starts: no service, and no stage 2, which waits for our control FIFO to
        // have a reader. Unless a signal script of the scandir takes it.
        if (Signals.ShutdownPending(dir)) return Finish.Immediately(inv, dir);
        // `.s6-svscan/control` listening comes first, before our re-exec with signals blocked: a client
        // started with us must find it as soon as it would find the real s6-svscan's.
        if (SysStat.StatPath(dir, out var ds) < 0 || (ds.Mode & SysStat.S_IFMT) != SysStat.S_IFDIR)
            throw inv.DieErrno(111, $"unable to chdir to {dir}", ds.Mode == 0 ? Errno.Value : Errno.ENOTDIR);
        var control = new SvscanControl();
        int code = control.Open(dir, inv.State, out string error);
        if (code != 0) throw inv.Die(code, error);
        // Process 1 is s6-svscan by name from here on, as s6-linux-init's exec makes it (ps, pidof and pgrep
        // find it). When /init blocked our signals first thing (s6-overlay-holdsignals), every thread has
        // them blocked and a rename in place does: the exec cost the boot some 3 ms, stage 2 waiting.
        if (!Signals.BlockedEverywhere || !ProcessTitle.Set(inv.Argv.Select((a, i) => i == 0 ? Prog : a).ToList()))
        {
            control.KeepAcrossExec(inv.State);
            SignalMask.ReExec(inv, Signals.Handled);
        }
        OpenFileLimit.Raise();
        // Not process 1 (docker run --init, a shared PID namespace): orphans would go to the real init, so we
        // ask for them, since reaping them is part of the job.
        if (Environment.ProcessId != 1) SysPrctl.prctl(SysPrctl.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

        // Even without dir, the state gets its own cwd descriptor: spawning a service moves the real cwd.
        int err = RealProcess.ChangeDirectory(inv.State, dir);
        if (err != 0) throw inv.DieErrno(111, $"unable to chdir to {dir}", err);
        string scandir = Unistd.GetCwd() ?? throw inv.DieErrno(111, "unable to getcwd", Errno.Value);
        Signals.IgnorePipe();
        Spawn.EarlyReturn = true;
        int signalFd = Signals.OpenFd();
        if (signalFd < 0) throw inv.DieErrno(111, "unable to create signalfd", Errno.Value);

        var loop = new EventLoop(signalFd);
        var scanner = new Scanner(loop, inv.State, scandir, max, rescan, control);
        if (notif >= 0)
        {
            int real = inv.State.Fds.Real(notif);
            Unistd.WriteAll(real, "\n"u8);
            inv.State.Fds.Close(notif);
            RealFds.CloseReal(real);
        }
        try
        {
            scanner.Scan();
            loop.AfterTurn = new HeapTrim(loop).AfterTurn;
            loop.Run();
        }
        catch (Exception e)
        {
            // s6-svscan never exits on trouble once it runs: it panics into .s6-svscan/crash.
            inv.WriteErr($"{Prog}: fatal: internal error: {e.GetType().Name}: {e.Message}\n");
            OpenFileLimit.Restore();
            return ServiceFiles.Exists(scandir + "/.s6-svscan/crash") ? Outcome.Exec([".s6-svscan/crash"]) : Outcome.Exit(111);
        }
        return Finish.Run(inv, loop, scanner, scandir, signalFd);
    }
}
