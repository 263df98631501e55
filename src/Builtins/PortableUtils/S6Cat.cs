using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-cat — copy stdin to stdout until end of file. Arguments are ignored.
public sealed class S6Cat : Builtin
{
    public override string Usage => "s6-cat";

    public override Outcome Run(Invocation inv)
    {
        int from = inv.State.Fds.Real(0), to = inv.State.Fds.Real(1);
        int err = from < 0 || to < 0 ? Errno.EBADF : Tree.Pump(from, to);
        if (err != 0) throw inv.DieErrno(111, "unable to fd_cat", err);
        return Outcome.Exit(0);
    }
}
