using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// s6-svc [ -wu|-wU|-wd|-wD|-wr|-wR ] [ -T timeout ] [ -abqhkti12pcyroduDUxOQ ] servicedir — sends
/// command letters to the service's supervisor; with -w, becomes s6-svlisten1 (or s6-svwait when there
/// is nothing to send) so it returns once the service reached the state asked for.
public sealed class Svc : Builtin
{
    public override string Usage => "s6-svc [ -wu | -wU | -wd | -wD | -wr | -wR ] [ -T timeout ] [ -abqhkti12pcyroduDUxOQ ] servicedir";

    const string Letters = "abqhkti12pcyroduDUxOQ";
    /// Upstream's buffer holds a dash and 62 letters.
    const int MaxLetters = 62;

    public override Outcome Run(Invocation inv)
    {
        var letters = new System.Text.StringBuilder();
        uint timeout = 0;
        char wait = '\0';
        var g = new Getopt(inv.Argv, Letters + "T:w:");
        while (g.Next(out var c, out var arg))
        {
            if (c == 'T')
            {
                if (!Numbers.TryUnsigned(arg, out var t) || t > uint.MaxValue) throw inv.Usage();
                timeout = (uint)t;
            }
            else if (c == 'w')
            {
                if (arg!.Length == 0 || "dDuUrR".IndexOf(arg[0]) < 0) throw inv.Usage();
                wait = arg[0];
            }
            else if (c == '?') throw inv.Usage();
            else
            {
                if (letters.Length >= MaxLetters) throw inv.Die(100, "too many commands");
                letters.Append(c);
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        if (inv.Argv.Count - g.Index > 1) inv.Warn("ignoring extra arguments");
        var dir = inv.Argv[g.Index];
        if (dir.Length == 0) throw inv.Die(100, "invalid service path");
        if (wait is 'U' or 'R') wait = ReadinessOrPlain(inv, dir, wait);
        if (wait != '\0') return inv.Exec(WaitCommand(dir, wait, timeout, letters.ToString()));
        switch (ControlFifo.Send(dir, "supervise", letters.ToString(), out int errno))
        {
            case Delivery.Failed: throw inv.DieErrno(111, "unable to control " + dir, errno);
            case Delivery.BrokenDirectory: throw inv.DieErrno(100, $"something is wrong with the {dir}/supervise directory", errno);
            case Delivery.NotListening: throw inv.DieBare(100, $"unable to control {dir}: supervisor not listening");
        }
        return Outcome.Exit(0);
    }

    /// Waiting for readiness needs a service that reports it: without `notification-fd` the wait is for
    /// up (or restart) alone.
    static char ReadinessOrPlain(Invocation inv, string dir, char wait)
    {
        var file = dir + "/notification-fd";
        if (Unistd.Access(file, Unistd.F_OK) == 0) return wait;
        if (Errno.Value != Errno.ENOENT) throw inv.DieErrno(111, "unable to access " + file, Errno.Value);
        inv.Warn(file + " not present - ignoring request for readiness notification");
        return wait == 'U' ? 'u' : 'r';
    }

    /// The listener upstream execs: s6-svwait when there is nothing to send, else s6-svlisten1 running
    /// s6-svc with the letters once it listens (so no event can be missed).
    static List<string> WaitCommand(string dir, char wait, uint timeout, string letters)
    {
        var argv = new List<string> { letters.Length > 0 ? "s6-svlisten1" : "s6-svwait", "-" + wait };
        if (timeout != 0) argv.AddRange(["-t", timeout.ToString()]);
        argv.AddRange(["--", dir]);
        if (letters.Length > 0) argv.AddRange(["s6-svc", "-" + letters, "--", dir]);
        return argv;
    }

    /// Whether an s6-svc command line asks to wait (s6-svlisten1 may run s6-svc in-process only when it
    /// does not: it must return at once).
    public static bool Waits(IReadOnlyList<string> argv)
    {
        var g = new Getopt(argv, Letters + "T:w:");
        while (g.Next(out var c, out _))
            if (c == 'w') return true;
        return false;
    }
}
