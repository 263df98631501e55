using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// importas [ -i | -D default ] [ -u ] [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key var prog...
/// The key takes the variable's value; an unset variable gives no value at all (the words vanish).
public sealed class Importas : SubstitutionDirective
{
    public override string Usage => "importas [ -i | -D default ] [ -u ] [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key var prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        var t = new ValueTransform();
        bool insist = false, unexport = false;
        string? dflt = null;
        var g = new Getopt(argv, "iuD:NnsCcd:", start + 1);
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case '?': throw new DirectiveError(DirectiveError.Kind.Syntax);
                case 'i': insist = true; break;
                case 'D': dflt = arg; break;
                case 'u': unexport = true; break;
                default: t = Transform(t, c, arg); break;
            }
        }
        if (argv.Count - g.Index < 2) throw new DirectiveError(DirectiveError.Kind.Syntax);
        var key = argv[g.Index];
        var variable = argv[g.Index + 1];
        // the key is checked before the variable is looked at
        if (key.Length == 0 || set.Has(key)) throw new DirectiveError(DirectiveError.Kind.Key);
        var value = inv.Env.Get(variable);
        if (value == null)
        {
            if (insist) throw inv.Die(100, $"{variable} not set");
            value = dflt;
        }
        else if (unexport) set.Unsets.Add(variable);
        set.Add(key, value == null ? [] : Words(t, value));
        return g.Index + 2;
    }
}
