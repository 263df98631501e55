using Execline.Runtime;

namespace Execline.Builtins.Fds;

/// cd path prog... (also execline-cd) — change the working directory to path, then exec prog.
/// No options: every word is taken as it is.
public sealed class Cd : Builtin
{
    public override string Usage => "cd path prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3) throw inv.Usage();
        int e = RealProcess.ChangeDirectory(inv.State, inv.Argv[1]);
        if (e != 0) throw inv.DieErrno(111, $"unable to chdir to {inv.Argv[1]}", e);
        return inv.Exec(inv.Rest(2));
    }
}
