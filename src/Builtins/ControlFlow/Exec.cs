using Execline.Runtime;

namespace Execline.Builtins.ControlFlow;

/// exec [ -c ] [ -l ] [ -a argv0 ] prog... — become prog, looked up by its own name, with argv[0]
/// replaced by argv0 (-a), prefixed with a dash (-l, as login shells expect), and an empty environment (-c).
public sealed class Exec : Builtin
{
    public override string Usage => "exec [ -c ] [ -l ] [ -a argv0 ] prog...";

    public override Outcome Run(Invocation inv)
    {
        bool clear = false, dash = false;
        string? argv0 = null;
        var g = new Getopt(inv.Argv, "cla:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'c': clear = true; break;
                case 'l': dash = true; break;
                case 'a': argv0 = arg; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var argv = inv.Rest(g.Index).ToList();
        var program = argv[0];
        argv[0] = Rename(program, argv0, dash);
        if (clear) inv.Env.Clear();
        return Outcome.Exec(argv, program);
    }

    /// The argv[0] that exec -a/-l and tryexec -a/-l hand over.
    public static string Rename(string program, string? argv0, bool dash) => (dash ? "-" : "") + (argv0 ?? program);
}
