using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-dirname [ -n ] file — file without its last component ("." when there is none); a newline unless -n.
public sealed class S6Dirname : Builtin
{
    public override string Usage => "s6-dirname [ -n ] file";

    public override Outcome Run(Invocation inv)
    {
        bool newline = true;
        var g = new Getopt(inv.Argv, "n");
        while (g.Next(out var c, out _))
        {
            if (c != 'n') throw inv.Usage();
            newline = false;
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var dir = PathNames.Dir(inv.Argv[g.Index]);
        Output.Write(inv, newline ? dir + "\n" : dir);
        return Outcome.Exit(0);
    }
}
