using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// ifthenelse [ -X ] [ -s ] { command-if... } { command-then... } { command-else... } [ remainder... ]
/// Run command-if, then run the chosen block like foreground (`?` = how it ended) before the remainder.
/// -s (undocumented upstream) instead becomes the chosen block followed by the remainder, as one
/// command line, so the block's substitutions reach into the remainder.
public sealed class IfThenElse : Builtin
{
    public override string Usage => "ifthenelse [ -X ] { command-if... } { command-then... } { command-else... } [ remainder... ]";

    public override Outcome Run(Invocation inv)
    {
        bool normalCrash = false, magicScope = false;
        var g = new Getopt(inv.Argv, "Xs");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'X': normalCrash = true; break;
                case 's': magicScope = true; break;
                default: throw inv.Usage();
            }
        }
        int next = g.Index;
        var test = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated if block");
        if (next == inv.Argv.Count) throw inv.Die(100, "then block required");
        var then = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated then block");
        var otherwise = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated else block");
        int status = Condition.Run(inv, test, normalCrash);
        var chosen = status == 0 ? then : otherwise;
        var rest = inv.Rest(next);
        if (magicScope) return Outcome.Exec(chosen.Concat(rest).ToList());
        return Condition.Sequence(inv, chosen, rest);
    }
}
