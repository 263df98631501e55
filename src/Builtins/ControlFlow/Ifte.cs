using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// ifte [ -X ] [ -n ] { command-then... } { command-else... } command-if... — run command-if (the
/// remainder), then become command-then when it succeeded (failed, with -n), else command-else.
public sealed class Ifte : Builtin
{
    public override string Usage => "ifte [ -X ] [ -n ] { command-then... } { command-else... } command-if...";

    public override Outcome Run(Invocation inv)
    {
        bool not = false, normalCrash = false;
        var g = new Getopt(inv.Argv, "Xn");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'X': normalCrash = true; break;
                case 'n': not = true; break;
                default: throw inv.Usage();
            }
        }
        int next = g.Index;
        var then = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated then block");
        if (next == inv.Argv.Count) throw inv.Die(100, "else block required");
        var otherwise = Block.ReadTerminated(inv, inv.Argv, ref next, "unterminated else block");
        if (next == inv.Argv.Count) throw inv.Die(100, "empty command-if");
        var test = inv.Rest(next);
        // A block given where the test command belongs arrives with its quoting space still on: the role
        // makes the message say so.
        int status = Condition.Status(inv, inv.RunBlockOrDie(test, role: "command-if"), normalCrash);
        return (status == 0) != not ? Outcome.Exec(then) : Outcome.Exec(otherwise);
    }
}
