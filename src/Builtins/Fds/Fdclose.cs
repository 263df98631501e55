using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// fdclose fd prog... — close fd (a closed fd is fine) and exec prog.
public sealed class Fdclose : Builtin
{
    public override string Usage => "fdclose fd prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || !FdOps.TryFd(inv.Argv[1], out var fd)) throw inv.Usage();
        FdOps.Close(inv.State, fd);
        return inv.Exec(inv.Rest(2));
    }
}
