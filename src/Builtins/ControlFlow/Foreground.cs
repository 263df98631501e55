using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// foreground { command... } remainder... — run the block, wait, exec into the remainder with ? set to
/// the block's exit code (or 256 + the signal that killed it).
public sealed class Foreground : Builtin
{
    public override string Usage => "foreground { command... } remainder...";

    public override Outcome Run(Invocation inv)
    {
        int next = 1;
        var block = Block.ReadTerminated(inv, inv.Argv, ref next);
        return Condition.Sequence(inv, block, inv.Rest(next));
    }
}
