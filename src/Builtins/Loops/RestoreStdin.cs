using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// What "fdmove 0 FD" and "fdclose 0" do in forbacktickx's loop body: give the command back the stdin
/// forbacktickx had. Hidden names, so the Fds family keeps the real commands; they print as fdmove/fdclose.
public sealed class RestoreStdin(bool move) : Builtin
{
    public const string MoveName = "forbacktickx (fdmove)", CloseName = "forbacktickx (fdclose)";

    public override string Prog => move ? "fdmove" : "fdclose";
    public override string Usage => move ? "fdmove [ -c ] fdto fdfrom prog..." : "fdclose fd prog...";
    public override bool RunsEagerly => true;

    public override Outcome Run(Invocation inv)
    {
        var fds = inv.State.Fds;
        if (!move)
        {
            fds.Close(0);
            return Outcome.Exec(inv.Rest(1));
        }
        if (inv.Argv.Count < 2 || !int.TryParse(inv.Argv[1], out int from)) throw inv.Usage();
        int real = fds.Real(from);
        fds.Close(from);
        if (real < 0) throw inv.DieErrno(111, $"unable to move fd {from} to fd 0", FdNumber.EBADF);
        fds.Set(0, real);
        return Outcome.Exec(inv.Rest(2));
    }
}
