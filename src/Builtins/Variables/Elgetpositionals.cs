using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// elgetpositionals [ -P num ] prog...
/// Substitutes the positional parameters from the environment: $# , $0, $1... up to at least num (the
/// missing ones empty), and $@ as every parameter from $1 on, one word each.
public sealed class Elgetpositionals : SubstitutionDirective
{
    public override string Usage => "elgetpositionals [ -P num ] prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        uint min = 0;
        var g = new Getopt(argv, "P:", start + 1);
        while (g.Next(out var c, out var arg))
            if (c != 'P' || !Positionals.TryScan(arg, out min)) throw new DirectiveError(DirectiveError.Kind.Syntax);

        var sharp = inv.Env.Get("#");
        if (!Positionals.TryScan(sharp, out var n) || set.Has("#") || set.Has("@"))
            throw new DirectiveError(DirectiveError.Kind.Key);
        int strict = inv.State.Strict;
        if (n < min && strict > 0)
        {
            // "expected", where execlineb -S says "expecting"
            var text = $"too few arguments: expected at least {min} but got {n}";
            if (strict > 1) throw inv.Die(100, text);
            set.Warn(inv, text);
        }
        ulong total = Math.Max(n, min);
        var values = new List<string>();
        for (ulong i = 0; i <= total; i++)
        {
            var name = i.ToString();
            var x = i <= n ? inv.Env.Get(name) : "";
            if (x == null || set.Has(name)) throw new DirectiveError(DirectiveError.Kind.Key);
            values.Add(x);
        }
        set.Add("#", [sharp!]);
        for (int i = 0; i < values.Count; i++) set.Add(i.ToString(), [values[i]]);
        set.Add("@", values.GetRange(1, (int)n));
        return g.Index;
    }
}
