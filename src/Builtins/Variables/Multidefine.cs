using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// multidefine [ -0 ] [ -r ] [ -N | -n ] [ -C | -c ] [ -d delim ] value { vars... } prog...
/// Splits value into words and gives word i to var i. An empty var name skips its word; vars past the
/// last word get one empty value (none with -0); with -r the last var also takes the words left over.
public sealed class Multidefine : SubstitutionDirective
{
    public override string Usage => "multidefine [ -0 ] [ -r ] [ -N | -n ] [ -C | -c ] [ -d delim ] value { vars... } prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        var t = new ValueTransform(Split: true);
        bool noValue = false, rest = false;
        var g = new Getopt(argv, "0rNnCcd:", start + 1);
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case '0': noValue = true; break;
                case 'r': rest = true; break;
                case 'N' or 'n' or 'C' or 'c' or 'd': t = Transform(t, c, arg); break;
                default: throw new DirectiveError(DirectiveError.Kind.Syntax);
            }
        }
        if (argv.Count - g.Index < 2) throw new DirectiveError(DirectiveError.Kind.Syntax);
        var value = argv[g.Index];
        int first = g.Index + 1;
        int end = ReadBlock(inv, argv, first, set, out var vars);
        if (end == first) throw new DirectiveError(DirectiveError.Kind.EmptyBlock);
        if (end < 0) throw new DirectiveError(DirectiveError.Kind.Syntax);
        var words = Words(t, value);

        int lastIndex = -1;
        for (int i = 0; i < vars.Count; i++)
        {
            if (vars[i].Length == 0) continue;
            if (set.Has(vars[i])) throw new DirectiveError(DirectiveError.Kind.Key);
            set.Add(vars[i], i < words.Count ? [words[i]] : noValue ? [] : [""]);
            lastIndex = i;
        }
        // the words left over go to the last key added, which is not always the last var of the block
        if (rest && vars.Count < words.Count && lastIndex >= 0)
            set.Values[vars[lastIndex]] = words.GetRange(lastIndex, words.Count - vars.Count + 1);
        return end + 1;
    }
}
