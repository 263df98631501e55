using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Loops;

/// piperw fdr fdw prog...
/// Runs prog with a new pipe's read end at fdr and its write end at fdw.
public sealed class Piperw : Builtin
{
    public override string Usage => "piperw fdr fdw prog...";

    public override Outcome Run(Invocation inv)
    {
        var argv = inv.Argv;
        if (argv.Count < 4 || !FdOps.TryFd(argv[1], out var fdr) || !FdOps.TryFd(argv[2], out var fdw)
            || (int)fdr == (int)fdw)
            throw inv.Usage();
        var (r, w) = Unistd.Pipe();
        if (r < 0) throw inv.DieErrno(111, "unable to create pipe", Errno.Value);
        if (!FdOps.Fits(fdr) || !FdOps.Fits(fdw))
        {
            Unistd.close(r);
            Unistd.close(w);
            throw inv.DieErrno(111, "unable to move fds", Errno.EBADF);
        }
        FdOps.Place(inv.State, (int)fdr, inv.State.Own(r));
        FdOps.Place(inv.State, (int)fdw, inv.State.Own(w));
        return Outcome.Exec(inv.Rest(3));
    }
}
