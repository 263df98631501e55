using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Logging;

/// s6-log [ -d notif ] [ -q | -v ] [ -b ] [ -p ] [ -l linelimit ] [ -- ] script... — read lines on stdin
/// and log them as the script says. The work is LogEngine's; this is the process around it: stdin, the
/// signals (TERM and HUP stop, ALRM rotates, CHLD reaps processors), the engine's timers.
public sealed class S6Log : Builtin
{
    public override string Usage => "s6-log [ -d notif ] [ -q | -v ] [ -b ] [ -p ] [ -l linelimit ] [ -- ] logging_script";

    const int MinLineLimit = 48;

    static readonly SignalSet Handled = new SignalSet().With(Signal.SIGHUP).With(Signal.SIGALRM).With(Signal.SIGTERM).With(Signal.SIGCHLD);

    public override Outcome Run(Invocation inv)
    {
        // The signals are read from a signalfd; the engine works on the real descriptors.
        SignalMask.BlockEverywhere(inv, Handled);
        RealProcess.Apply(inv.State, Handled);

        int verbosity = 1, lineLimit = 8192, notif = -1;
        bool blocking = false, protect = false;
        var g = new Getopt(inv.Argv, "qvbpl:d:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'q': if (verbosity > 0) verbosity--; break;
                case 'v': verbosity++; break;
                case 'b': blocking = true; break;
                case 'p': protect = true; break;
                case 'l': if (!Numbers.TryUInt(arg, out lineLimit)) throw inv.Usage(); break;
                case 'd':
                    if (!Numbers.TryUInt(arg, out notif)) throw inv.Usage();
                    if (notif < 3) throw inv.Die(100, "notification fd must be 3 or more");
                    if (!inv.State.Fds.IsOpen(notif)) throw inv.DieErrno(100, "invalid notification fd", Errno.EBADF);
                    break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        if (lineLimit > 0 && lineLimit < MinLineLimit) lineLimit = MinLineLimit;
        int stdin = Standard(inv, 0), stdout = Standard(inv, 1), stderr = Standard(inv, 2);
        if (!SetNonBlocking(stdin)) throw inv.DieErrno(111, "unable to set stdin non-blocking", Errno.Value);
        if (!SetNonBlocking(stdout)) throw inv.DieErrno(111, "unable to set stdout non-blocking", Errno.Value);

        var options = new LogOptions(lineLimit, verbosity, stdout, stderr, inv.State.Umask, inv.Env.Entries);
        using var engine = LogEngine.Start(inv.Rest(g.Index), options);
        int signals = Handled.OpenFd();
        if (signals < 0) throw inv.DieErrno(111, "unable to selfpipe_init", Errno.Value);
        Signal.signal(Signal.SIGPIPE, Signal.SIG_IGN); // a closed stdout reader is an EPIPE to handle, not a death
        if (notif >= 0)
        {
            Unistd.WriteAll(notif, "\n"u8);
            Unistd.close(notif);
        }
        new LogLoop(engine, stdin, signals, blocking, protect).Run();
        return Outcome.Exit(0);
    }

    /// The real descriptor for a standard one: itself when the chain has it open, else /dev/null, as
    /// skalibs' fd_sanitize gives a closed one (the number itself may hold one of the runtime's own).
    static int Standard(Invocation inv, int fd)
    {
        if (inv.State.Fds.IsOpen(fd)) return fd;
        int devNull = Fcntl.Open("/dev/null", (fd == 0 ? Fcntl.O_RDONLY : Fcntl.O_WRONLY) | Fcntl.O_CLOEXEC);
        return devNull >= 0 ? devNull : throw inv.DieErrno(111, "unable to ensure stdin/stdout/stderr are open", Errno.Value);
    }

    static bool SetNonBlocking(int fd)
    {
        int flags = Fcntl.fcntl(fd, Fcntl.F_GETFL, 0);
        return flags >= 0 && Fcntl.fcntl(fd, Fcntl.F_SETFL, flags | Fcntl.O_NONBLOCK) >= 0;
    }
}
