using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-env [ -i ] [ name=value... ] [ prog... ] — exec prog with the environment emptied (-i) and then
/// given each name=value; without prog, exec s6-printenv to show it.
public sealed class S6Env : Builtin
{
    public override string Usage => "s6-env [ -i ] [ name=value... ] prog...";

    public override Outcome Run(Invocation inv)
    {
        bool empty = false;
        var g = new Getopt(inv.Argv, "i");
        while (g.Next(out var c, out _))
        {
            if (c != 'i') throw inv.Usage();
            empty = true;
        }
        if (empty) inv.Env.Clear();
        int i = g.Index;
        for (; i < inv.Argv.Count; i++)
        {
            var word = inv.Argv[i];
            int eq = word.IndexOf('=');
            if (eq < 0) break;
            inv.Env.Set(word[..eq], word[(eq + 1)..]);
        }
        return i < inv.Argv.Count ? inv.Exec(inv.Rest(i)) : inv.Exec(["s6-printenv"]);
    }
}
