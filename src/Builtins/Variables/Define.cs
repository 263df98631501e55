using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// define [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key value prog...
public sealed class Define : SubstitutionDirective
{
    public override string Prog => "define";
    public override string Usage => "define [ -N | -n ] [ -s ] [ -C | -c ] [ -d delim ] key value prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        var t = new ValueTransform();
        var g = new Getopt(argv, "NnsCcd:", start + 1);
        while (g.Next(out var c, out var arg))
        {
            if (c == '?') throw new DirectiveError(DirectiveError.Kind.Syntax);
            t = Transform(t, c, arg);
        }
        if (argv.Count - g.Index < 2) throw new DirectiveError(DirectiveError.Kind.Syntax);
        set.Add(argv[g.Index], Words(t, argv[g.Index + 1]));
        return g.Index + 2;
    }
}
