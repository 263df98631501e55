using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// The values one or more substitution directives computed, checked for empty and repeated keys.
public sealed class SubstitutionSet
{
    public Dictionary<string, IReadOnlyList<string>> Values { get; } = new(StringComparer.Ordinal);
    public List<string> Unsets { get; } = new();

    public void Add(string key, IReadOnlyList<string> values)
    {
        if (key.Length == 0 || !Values.TryAdd(key, values)) throw new DirectiveError(DirectiveError.Kind.Key);
    }
}

/// A directive's operands are wrong (Syntax) or its key is empty or already used (Key).
public sealed class DirectiveError(DirectiveError.Kind kind) : Exception
{
    public enum Kind { Syntax, Key }
    public Kind What { get; } = kind;
}

/// A command that substitutes values into the rest of its command line (define, importas, elglob,
/// elgetpositionals, multidefine). Each also works as a directive inside multisubstitute.
public abstract class SubstitutionDirective : Builtin
{
    public override bool RunsEagerly => true;

    /// Reads the directive whose name is argv[start]; adds its values to set; returns the index after it.
    public abstract int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set);

    public override Outcome Run(Invocation inv)
    {
        var set = new SubstitutionSet();
        int next;
        try
        {
            next = Parse(inv, inv.Argv, 0, set);
        }
        catch (DirectiveError e)
        {
            throw e.What == DirectiveError.Kind.Syntax ? inv.Usage() : inv.Die(111, "bad substitution key");
        }
        foreach (var u in set.Unsets) inv.Env.Unset(u);
        return Outcome.Exec(Substitutor.Apply(inv.Rest(next), set.Values));
    }

    /// The -N/-n -s -C/-c -d options every value-taking directive shares, parsed from its option letters.
    protected static ValueTransform Transform(ValueTransform t, char opt, string? arg) => opt switch
    {
        'n' => t with { Chomp = true },
        'N' => t with { Chomp = false },
        's' => t with { Split = true },
        'C' => t with { Crunch = true },
        'c' => t with { Crunch = false },
        'd' => t with { Delimiters = arg! },
        _ => t,
    };

    protected static List<string> Words(Invocation inv, ValueTransform t, string value) =>
        t.Apply(value) ?? throw inv.Die(111, "unable to complete exlsn function: Invalid argument");
}
