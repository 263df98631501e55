using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// runblock [ -P ] [ -n argshift ] [ -r ] n cmd...
/// In a script called with blocks among its arguments: runs cmd... followed by the words of the nth
/// block (one leading space stripped), or with -r by every positional after the first n blocks. The
/// positional frame is popped first unless -P.
public sealed class Runblock : Builtin
{
    public override string Usage => "runblock [ -P ] [ -n argshift ] [ -r ] n cmd...";

    public override Outcome Run(Invocation inv)
    {
        int strict = inv.State.Strict;
        bool keepFrame = false, rest = false;
        uint m = 0;
        var g = new Getopt(inv.Argv, "Prn:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'P': keepFrame = true; break;
                case 'r': rest = true; break;
                case 'n': if (!Positionals.TryScan(arg, out m)) throw inv.Usage(); break;
                default: throw inv.Usage();
            }
        }
        int index = g.Index;
        if (index >= inv.Argv.Count) throw inv.Usage();
        if (!Positionals.TryScan(inv.Argv[index], out var n) || (n == 0 && !rest)) throw inv.Usage();
        index++;
        uint sharp = Positionals.Count(inv);

        ulong skip = (ulong)n + (rest ? 1u : 0u);
        for (ulong i = 1; i < skip; i++)
        {
            ulong start = m;
            while (true)
            {
                if (++m > sharp) throw inv.Die(100, "too few arguments");
                var x = Positionals.Get(inv, m);
                if (Positionals.IsBlockEnd(x)) break;
                if (x[0] != ' ') Unquoted(inv, strict, x, i, m - start);
            }
        }

        var argv = inv.Rest(index).ToList();
        if (rest)
        {
            if (++m > sharp) return Outcome.Exit(0);
            for (; m <= sharp; m++) argv.Add(Positionals.Get(inv, m));
        }
        else
        {
            ulong start = m;
            while (true)
            {
                if (++m > sharp) throw inv.Die(100, "too few arguments");
                var x = Positionals.Get(inv, m);
                if (Positionals.IsBlockEnd(x)) break;
                if (x[0] == ' ') x = x.Substring(1);
                else Unquoted(inv, strict, x, n, m - start);
                argv.Add(x);
            }
        }

        if (!keepFrame) Frames.Pop(inv.Env, Frames.PositionalPrefix);
        // 2.9.3 crashes on an empty command line; later versions exit 0
        return argv.Count == 0 ? Outcome.Exit(0) : Outcome.Exec(argv);
    }

    static void Unquoted(Invocation inv, int strict, string word, ulong block, ulong position)
    {
        if (strict == 0) return;
        var text = $"unquoted positional {word} at block {block} position {position}";
        if (strict >= 2) throw inv.Die(100, text);
        inv.Warn(text);
    }
}
