using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-echo [ -n ] [ -s sep ] args... — the args joined by sep's first byte (a space by default, NUL for
/// an empty sep), then a newline unless -n. No escape sequences.
public sealed class S6Echo : Builtin
{
    public override string Usage => "s6-echo [ -n ] [ -s sep ] args...";

    public override Outcome Run(Invocation inv)
    {
        char sep = ' ';
        bool newline = true;
        var g = new Getopt(inv.Argv, "ns:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': newline = false; break;
                case 's': sep = arg!.Length > 0 ? arg[0] : '\0'; break;
                default: throw inv.Usage();
            }
        }
        var text = string.Join(sep, inv.Rest(g.Index));
        Output.Write(inv, newline ? text + "\n" : text);
        return Outcome.Exit(0);
    }
}
