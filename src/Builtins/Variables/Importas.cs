using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// importas [ -i | -D default ] [ -u ] [ -S ] [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key var prog...
/// The key takes the variable's value; an unset variable gives no value at all (the words vanish).
public sealed class Importas : SubstitutionDirective
{
    public override string Prog => "importas";
    public override string Usage => "importas [ -i | -D default ] [ -u ] [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key var prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        var t = new ValueTransform();
        bool insist = false, unexport = false, sameName = false;
        string? dflt = null;
        var g = new Getopt(argv, "iD:uSNnsCcd:", start + 1);
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case '?': throw new DirectiveError(DirectiveError.Kind.Syntax);
                case 'i': insist = true; break;
                case 'D': dflt = arg; break;
                case 'u': unexport = true; break;
                case 'S': sameName = true; break;
                default: t = Transform(t, c, arg); break;
            }
        }
        int operands = sameName ? 1 : 2;
        if (argv.Count - g.Index < operands) throw new DirectiveError(DirectiveError.Kind.Syntax);
        var key = argv[g.Index];
        var variable = sameName ? key : argv[g.Index + 1];
        var value = inv.Env.Get(variable);
        if (value == null)
        {
            if (insist) throw inv.Die(100, $"{variable} not set");
            set.Add(key, dflt == null ? [] : Words(inv, t, dflt));
        }
        else
        {
            set.Add(key, Words(inv, t, value));
            if (unexport) set.Unsets.Add(variable);
        }
        return g.Index + operands;
    }
}
