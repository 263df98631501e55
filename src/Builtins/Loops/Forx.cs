using Execline.Runtime;

namespace Execline.Builtins.Loops;

/// forx [ -E | -e ] [ -p ] [ -o okcode,okcode,... | -x breakcode,breakcode,... ] var { values... } command...
/// Runs command once per value with var set to it, one after the other, or all at once with -p.
public sealed class Forx : Builtin
{
    public override string Usage => "forx [ -E | -e ] [ -p ] [ -o okcode,okcode,... | -x breakcode,breakcode,... ] var { values... } command...";

    public override Outcome Run(Invocation inv)
    {
        bool parallel = false, import = false;
        var rule = new BreakRule();
        var g = new Getopt(inv.Argv, "po:x:Ee");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'p': parallel = true; break;
                case 'o' or 'x': if (!rule.Take(c, arg!)) throw inv.Usage(); break;
                case 'E': import = true; break;
                case 'e': import = false; break;
                default: throw inv.Usage();
            }
        }
        int i = g.Index;
        if (inv.Argv.Count - i < 2) throw inv.Usage();
        var var = inv.Argv[i++];
        if (!inv.IsValidVariable(var)) throw inv.Die(100, "invalid variable name");
        var values = Block.ReadTerminated(inv, inv.Argv, ref i);
        if (values.Count == 0 || i == inv.Argv.Count) return Outcome.Exit(0);
        var body = new LoopBody(inv, inv.Rest(i), var, import);

        if (!parallel)
        {
            foreach (var v in values)
            {
                var st = body.Run(v);
                if (rule.Breaks(st.EStatus)) return Outcome.Exit(st.EStatus);
            }
            return Outcome.Exit(0);
        }

        var pids = new List<int>(values.Count);
        foreach (var v in values) pids.Add(body.Spawn(v));
        // Every child is waited for; one whose code would have broken a sequential loop makes it fail.
        bool ok = true;
        foreach (var pid in pids)
            if (rule.Breaks(inv.Wait(pid).EStatus)) ok = false;
        return Outcome.Exit(ok ? 0 : 1);
    }
}
