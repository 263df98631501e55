using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// shift [ -n arg# ] [ -b block# ] prog...
/// Drops positional parameters: one by default, else n of them and then b blocks (each up to and
/// including an empty parameter). "#" and the remaining numbers are renumbered for prog.
public sealed class Shift : Builtin
{
    public override string Usage => "shift [ -n arg# ] [ -b block# ] prog...";

    public override Outcome Run(Invocation inv)
    {
        int strict = inv.State.Strict;
        uint n = 0, blocks = 0;
        bool counted = false;
        var g = new Getopt(inv.Argv, "n:b:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'n': if (!Positionals.TryScan(arg, out n)) throw inv.Usage(); counted = true; break;
                case 'b': if (!Positionals.TryScan(arg, out blocks)) throw inv.Usage(); counted = true; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        if (!counted) n = 1;
        uint sharp = Positionals.Count(inv);

        if (n > sharp)
        {
            if (strict == 1) inv.Warn($"unable to shift {n} arguments: got {sharp}");
            else if (strict >= 2) throw inv.DieBare(100, $"unable to shift {n} arguments: got {sharp}");
            n = sharp;
        }

        for (uint i = 0; i < blocks; i++)
        {
            uint start = n;
            while (true)
            {
                n++;
                if (n > sharp) throw inv.DieBare(100, $"unable to shift block {TooFewBlockNumber(n, i)}");
                var x = Positionals.Get(inv, n);
                if (Positionals.IsBlockEnd(x)) break;
                if (x[0] != ' ' && strict > 0)
                {
                    var text = $"unquoted positional {x} at block {i} position {n - start}";
                    if (strict == 1) inv.Warn(text);
                    else throw inv.Die(100, text);
                }
            }
        }

        // every value is read before any is changed, as upstream reads its unmodified environment
        var values = new string?[sharp + 1];
        for (uint i = 1; i <= sharp - n; i++) values[i] = inv.Env.Get((i + n).ToString());
        inv.Env.Set("#", (sharp - n).ToString());
        for (uint i = 1; i <= sharp; i++)
        {
            if (values[i] != null) inv.Env.Set(i.ToString(), values[i]!);
            else inv.Env.Unset(i.ToString());
        }
        return Outcome.Exec(inv.Rest(g.Index));
    }

    /// Upstream 2.9.3 formats the block number into the wrong buffer: the block number comes out empty and
    /// the digits of i overwrite the front of the parameter number's digits.
    static string TooFewBlockNumber(uint n, uint i)
    {
        var number = n.ToString().ToCharArray();
        var digits = i.ToString();
        var text = digits.Length >= number.Length ? digits : digits + new string(number, digits.Length, number.Length - digits.Length);
        return $": too few arguments ({text})";
    }
}
