using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-basename [ -n ] file [ suffix ] — the last component of file, without suffix when it ends with it
/// (and is longer); a newline unless -n.
public sealed class S6Basename : Builtin
{
    public override string Usage => "s6-basename [ -n ] file [ suffix ]";

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
        var name = PathNames.Base(inv.Argv[g.Index]);
        if (g.Index + 1 < inv.Argv.Count)
        {
            var suffix = inv.Argv[g.Index + 1];
            if (suffix.Length < name.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        }
        Output.Write(inv, newline ? name + "\n" : name);
        return Outcome.Exit(0);
    }
}
