using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.SupervisionClients;

/// s6-svok servicedir — exits 0 when a supervisor runs on servicedir, 1 when none does. Upstream reads
/// its first argument as the directory without parsing options, and ignores the rest.
public sealed class Svok : Builtin
{
    public override string Usage => "s6-svok servicedir";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        int r = Supervised.Check(inv.Argv[1], out int errno);
        if (r < 0) throw inv.DieErrno(111, "unable to check " + inv.Argv[1], errno);
        return Outcome.Exit(r == 1 ? 0 : 1);
    }
}
