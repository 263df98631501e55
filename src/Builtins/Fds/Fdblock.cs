using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// fdblock [ -n ] fd prog... — make fd blocking (-n: non-blocking), then exec prog.
public sealed class Fdblock : Builtin
{
    public override string Usage => "fdblock [ -n ] fd prog...";

    public override Outcome Run(Invocation inv)
    {
        bool block = true;
        var g = new Getopt(inv.Argv, "n");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            block = false;
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 2 || !FdOps.TryFd(inv.Argv[i], out var fd)) throw inv.Usage();
        int e = FdOps.SetNonBlocking(inv.State, fd, !block);
        if (e != 0) throw inv.DieErrno(111, block ? "unable to ndelay_off" : "unable to ndelay_on", e);
        return inv.Exec(inv.Rest(i + 1));
    }
}
