using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-printenv [ -n ] [ -0 | -d delimchar ] — print the environment, each NAME=value followed by a
/// newline (NUL with -0, delimchar with -d), the last one too unless -n. An empty delimchar prints each
/// variable as a netstring ("len:NAME=value,").
public sealed class S6Printenv : Builtin
{
    public override string Usage => "s6-printenv [ -n ] [ -0 | -d delimchar ]";

    public override Outcome Run(Invocation inv)
    {
        char? delimiter = '\n';
        bool final = true, nul = false;
        var g = new Getopt(inv.Argv, "nd:0");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': final = false; break;
                case 'd': delimiter = arg!.Length > 0 && arg[0] != '\0' ? arg[0] : null; break;
                case '0': nul = true; break;
                default: throw inv.Usage();
            }
        }
        if (nul) delimiter = '\0';
        var output = new Output(inv);
        var entries = inv.Env.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            if (delimiter is not { } d)
            {
                output.Put($"{entries[i].Length}:{entries[i]},");
                continue;
            }
            output.Put(entries[i]);
            if (final || i + 1 < entries.Count) output.Put(d);
        }
        output.Flush();
        return Outcome.Exit(0);
    }
}
