using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// ifte [ -X ] [ -n ] { command-then... } { command-else... } command-if... — run command-if (the
/// remainder), then become command-then when it succeeded (failed, with -n), else command-else.
public sealed class Ifte : Builtin
{
    const int ENOENT = 2;

    public override string Prog => "ifte";
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
        var r = inv.RunBlock(test);
        if (!r.Started)
        {
            // A block given where the test command belongs arrives with its quoting space still on.
            if (r.SpawnErrno == ENOENT && r.Program!.StartsWith(' '))
                throw inv.DieBare(111, $"unable to spawn {r.Program}: name begins with a space, are you trying to spawn a block as your command-if?");
            throw inv.DieErrno(111, $"unable to spawn {r.Program}", r.SpawnErrno);
        }
        int status = Condition.Status(inv, r.Status, normalCrash);
        return (status == 0) != not ? Outcome.Exec(then) : Outcome.Exec(otherwise);
    }
}
