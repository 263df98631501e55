using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// The writer heredoc starts for a string too large for a pipe: copies its stdin to its stdout.
public sealed class HeredocChild : Builtin
{
    public const string Name = "heredoc (child)";

    public override string Usage => Name;

    public override Outcome Run(Invocation inv)
    {
        var data = Unistd.ReadAll(inv.State.Fds.Real(0), out int err);
        if (data == null) throw inv.DieErrno(111, "unable to read", err);
        err = Unistd.WriteAll(inv.State.Fds.Real(1), data);
        if (err != 0) throw inv.DieErrno(111, "unable to allwrite", err);
        return Outcome.Exit(0);
    }
}
