using Execline.Native;
using Execline.Runtime;

namespace Execline.Init.Pid1;

/// s6-overlay-nuke [ -h ] [ -t ] [ -k ] — stage 3's broadcast: HUP with -h, TERM then CONT with -t, KILL
/// with -k, to every process of the PID namespace but this one and its ancestors.
///
/// s6-nuke's kill(-1) spares only the caller and process 1. Stage 3 is not always process 1 (it runs as
/// the supervisor's child while services are still going down, and /init may run under docker's --init):
/// kill(-1) would then kill stage 3 and the init it belongs to. A process that is already gone is no error.
public sealed class Nuke : Builtin
{
    public override string Prog => "s6-overlay-nuke";
    public override string Usage => "s6-overlay-nuke [ -h ] [ -t ] [ -k ]";

    const int SIGHUP = 1, SIGKILL = 9, SIGTERM = 15, SIGCONT = 18, ESRCH = 3;

    public override Outcome Run(Invocation inv)
    {
        var signals = new List<int>();
        var g = new Getopt(inv.Argv, "htk");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'h': signals.Add(SIGHUP); break;
                case 't': signals.Add(SIGTERM); signals.Add(SIGCONT); break;
                case 'k': signals.Add(SIGKILL); break;
                default: throw inv.Usage();
            }
        }
        var spared = ProcessTable.SelfAndAncestors();
        foreach (int sig in signals)
            foreach (int pid in ProcessTable.Others(spared).ToList())
                if (Libc.kill(pid, sig) < 0 && Libc.Errno != ESRCH) inv.Warn($"unable to kill {pid}: {Libc.StrError(Libc.Errno)}");
        return Outcome.Exit(0);
    }
}
