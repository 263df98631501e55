using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// ifelse [ -n ] [ -X ] { command-if } { command-then... } command-else... — run command-if, then
/// become command-then when it succeeded (failed, with -n), else command-else.
public sealed class IfElse : Builtin
{
    public override string Usage => "ifelse [ -n ] [ -X ] { command-if } { command-then... } command-else...";

    public override Outcome Run(Invocation inv)
    {
        bool not = false, normalCrash = false;
        var g = new Getopt(inv.Argv, "nX");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'n': not = true; break;
                case 'X': normalCrash = true; break;
                default: throw inv.Usage();
            }
        }
        int next = g.Index;
        var test = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated if block");
        if (next == inv.Argv.Count) throw inv.Die(100, "then block required");
        var then = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated then block");
        int status = Condition.Run(inv, test, normalCrash);
        return (status == 0) != not ? Outcome.Exec(then) : Outcome.Exec(inv.Rest(next));
    }
}
