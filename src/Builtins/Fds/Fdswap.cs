using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Fds;

/// fdswap fd1 fd2 prog... — exchange what fd1 and fd2 point to, then exec prog.
public sealed class Fdswap : Builtin
{
    public override string Usage => "fdswap fd1 fd2 prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 4 || !FdOps.TryFd(inv.Argv[1], out var fd1) || !FdOps.TryFd(inv.Argv[2], out var fd2))
            throw inv.Usage();
        // Swapping a number with itself is skalibs' no-op; otherwise both must be open (dup then dup2 each way).
        if (fd1 != fd2)
        {
            var st = inv.State;
            if (!FdOps.IsOpen(st, fd1) || !FdOps.IsOpen(st, fd2))
                throw inv.DieErrno(111, "unable to swap fds", Errno.EBADF);
            int r1 = st.Fds.Real((int)fd1);
            st.Fds.Set((int)fd1, st.Fds.Real((int)fd2));
            st.Fds.Set((int)fd2, r1);
        }
        return inv.Exec(inv.Rest(3));
    }
}
