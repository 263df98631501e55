using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-nuke [ -h ] [ -t ] [ -k ] — signal every process the caller may signal (kill -1): HUP with -h, TERM
/// then CONT with -t, KILL with -k, ignoring HUP and TERM itself. Inside a block it runs as a process of
/// its own, so the caller is among those signalled, as with upstream's.
public sealed class S6Nuke : Builtin
{
    public override string Prog => "s6-nuke";
    public override string Usage => "s6-nuke [ -h | -t | -k ]";

    const nint SIG_IGN = 1;
    const int SIGHUP = 1, SIGKILL = 9, SIGTERM = 15, SIGCONT = 18;

    public override Outcome Run(Invocation inv)
    {
        bool hangup = false, terminate = false, kill = false;
        var g = new Getopt(inv.Argv, "htk");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'h': hangup = true; break;
                case 't': terminate = true; break;
                case 'k': kill = true; break;
                default: throw inv.Usage();
            }
        }
        if (!hangup && !terminate && !kill) return Outcome.Exit(0);
        if (!inv.OwnsProcess) return OwnProcess.Continue(inv);
        int err = 0;
        if (hangup)
        {
            Libc.signal(SIGHUP, SIG_IGN);
            err = KillAll(SIGHUP, err);
        }
        if (terminate)
        {
            Libc.signal(SIGTERM, SIG_IGN);
            err = KillAll(SIGTERM, err);
            err = KillAll(SIGCONT, err);
        }
        if (kill) err = KillAll(SIGKILL, err);
        if (err != 0) throw inv.DieErrno(111, "unable to kill", err);
        return Outcome.Exit(0);
    }

    /// kill(-1, sig); the errno of the last failure so far.
    static int KillAll(int sig, int err) => Libc.kill(-1, sig) < 0 ? Libc.Errno : err;
}
