using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// fdmove [ -c ] to from prog... — move fd from onto fd to (-c: copy it, from stays open), then exec prog.
public sealed class Fdmove : Builtin
{
    public override string Usage => "fdmove [ -c ] to from prog...";

    public override Outcome Run(Invocation inv)
    {
        bool copy = false;
        var g = new Getopt(inv.Argv, "c");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            copy = true;
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 3 || !FdOps.TryFd(inv.Argv[i], out var to) || !FdOps.TryFd(inv.Argv[i + 1], out var from))
            throw inv.Usage();
        int e = copy ? FdOps.Copy(inv.State, to, from) : FdOps.Move(inv.State, to, from);
        if (e != 0) throw inv.DieErrno(111, $"unable to move fd {inv.Argv[i + 1]} to fd {inv.Argv[i]}", e);
        return inv.Exec(inv.Rest(i + 2));
    }
}
