using System.Text;
using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// dollarat [ -n ] [ -0 | -d delimchar ]
/// Prints the positional parameters $1..$#, each followed by a delimiter (newline by default), or as
/// netstrings when the delimiter given is empty. Extra operands are ignored.
public sealed class Dollarat : Builtin
{
    public override string Usage => "dollarat [ -n ] [ -0 | -d delimchar ]";

    public override Outcome Run(Invocation inv)
    {
        char delim = '\n';
        bool zero = false, last = true;
        var g = new Getopt(inv.Argv, "nd:0");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': last = false; break;
                // only the first byte counts; "" means netstrings
                case 'd': delim = arg!.Length > 0 ? arg[0] : '\0'; zero = false; break;
                case '0': zero = true; break;
                default: throw inv.Usage();
            }
        }
        if (zero) delim = '\0';
        bool netstrings = delim == '\0' && !zero;
        uint n = Positionals.Count(inv);
        // upstream buffers stdout, so a missing parameter means nothing is printed
        var output = new StringBuilder();
        for (uint i = 1; i <= n; i++)
        {
            var x = Positionals.Get(inv, i);
            if (netstrings) output.Append(Netstrings.Encode(x));
            else
            {
                output.Append(x);
                if (i < n || last) output.Append(delim);
            }
        }
        int err = inv.Write(1, output.ToString());
        if (err != 0) throw inv.DieErrno(111, "unable to write to stdout", err);
        return Outcome.Exit(0);
    }
}
