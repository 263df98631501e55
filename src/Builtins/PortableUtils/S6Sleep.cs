using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-sleep [ -m ] duration [ prog... ] — wait duration seconds (milliseconds with -m), then exec prog,
/// or exit 0 when there is none.
public sealed class S6Sleep : Builtin
{
    public override string Usage => "s6-sleep [ -m ] duration prog...";

    public override Outcome Run(Invocation inv)
    {
        bool milliseconds = false;
        var g = new Getopt(inv.Argv, "m");
        while (g.Next(out var c, out _))
        {
            if (c != 'm') throw inv.Usage();
            milliseconds = true;
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        if (!Numbers.TryUnsigned(inv.Argv[g.Index], out var n) || n > uint.MaxValue) throw inv.Usage();
        var until = DateTime.UtcNow + (milliseconds ? TimeSpan.FromMilliseconds(n) : TimeSpan.FromSeconds(n));
        for (var left = until - DateTime.UtcNow; left > TimeSpan.Zero; left = until - DateTime.UtcNow)
            Thread.Sleep(left > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : left);
        var prog = inv.Rest(g.Index + 1);
        return prog.Count == 0 ? Outcome.Exit(0) : inv.Exec(prog);
    }
}
