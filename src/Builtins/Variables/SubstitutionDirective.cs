using Execline.Native;
using Execline.Runtime;
using Execline.Substitution;

namespace Execline.Builtins.Variables;

/// The values one or more substitution directives computed, checked for empty and repeated keys.
public sealed class SubstitutionSet
{
    public Dictionary<string, IReadOnlyList<string>> Values { get; } = new(StringComparer.Ordinal);
    public List<string> Unsets { get; } = new();
    /// Warning lines held back until the directives are done: a chain run ahead of a concurrent block
    /// is rerun in a child when it fails, and must not have printed anything by then.
    public List<string> Warnings { get; } = new();
    /// The key added last: multidefine -r gives the leftover words to it.
    public string? LastKey { get; private set; }

    public void Add(string key, IReadOnlyList<string> values)
    {
        if (key.Length == 0 || !Values.TryAdd(key, values)) throw new DirectiveError(DirectiveError.Kind.Key);
        LastKey = key;
    }

    public bool Has(string key) => Values.ContainsKey(key);

    public void Warn(Invocation inv, string text) => Warnings.Add($"{inv.Prog}: warning: {text}");

    /// Prints the held-back warnings.
    public void Flush(Invocation inv)
    {
        foreach (var w in Warnings) inv.WriteErr(w + "\n");
        Warnings.Clear();
    }

    /// The fatal error, preceded by the held-back warnings.
    public Fatal WithWarnings(Fatal f) =>
        Warnings.Count == 0 ? f : new Fatal(f.Code, string.Join("\n", Warnings) + "\n" + f.Line);
}

/// A directive's operands are wrong (Syntax), its key is empty or already used (Key), its block is
/// empty (EmptyBlock), or a system call failed with Errno (System).
public sealed class DirectiveError(DirectiveError.Kind kind, int errno = 0) : Exception
{
    public enum Kind { Syntax, Key, EmptyBlock, System }
    public Kind What { get; } = kind;
    public int Errno { get; } = errno;
}

/// A command that substitutes values into the rest of its command line (define, importas, elglob,
/// elgetpositionals, multidefine). Each also works as a directive inside multisubstitute.
public abstract class SubstitutionDirective : Builtin
{

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
            throw set.WithWarnings(e.What switch
            {
                DirectiveError.Kind.Syntax => inv.Usage(),
                DirectiveError.Kind.Key => inv.Die(111, "bad substitution key"),
                DirectiveError.Kind.EmptyBlock => inv.Die(100, "empty block"),
                _ => inv.DieErrno(111, "unable to complete exlsn function", e.Errno),
            });
        }
        catch (Fatal f)
        {
            throw set.WithWarnings(f);
        }
        set.Flush(inv);
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


    protected static List<string> Words(ValueTransform t, string value) =>
        t.Apply(value) ?? throw new DirectiveError(DirectiveError.Kind.System, Errno.EINVAL);

    /// Block.Read, with its strict-mode warnings held back in the set like the other directives' ones.
    internal static int ReadBlock(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set, out List<string> words)
    {
        int number = ++inv.BlocksRead;
        words = new List<string>();
        for (int i = start; i < argv.Count; i++)
        {
            var w = argv[i];
            if (w.Length == 0) return i;
            if (w[0] == ' ')
            {
                words.Add(w.Substring(1));
                continue;
            }
            int strict = inv.State.Strict;
            var text = $"unquoted argument {w} at block {number} position {i - start}";
            if (strict >= 2) throw inv.Die(100, text);
            if (strict == 1) set.Warn(inv, text);
            words.Add(w);
        }
        return -1;
    }
}
