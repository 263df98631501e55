namespace Execline.Runtime;

/// One command that runs inside the interpreter's process, on the modelled process state.
public abstract class Builtin
{
    /// The names it answers to (the first is its own).
    public abstract IReadOnlyList<string> Names { get; }

    /// The name it prints in its messages.
    public virtual string Prog => Names[0];

    /// The text after "PROG: usage: ".
    public abstract string Usage { get; }

    /// True when it only transforms the state (no I/O on the chain's descriptors, no waiting), so it may
    /// run in our process before a block that must run concurrently is spawned.
    public virtual bool RunsEagerly => false;

    public abstract Outcome Run(Invocation inv);
}

/// Finds builtins by name.
public static class Registry
{
    static readonly Dictionary<string, Builtin> _byName = new(StringComparer.Ordinal);

    public static void Add(IEnumerable<Builtin> builtins)
    {
        foreach (var b in builtins)
            foreach (var n in b.Names) _byName[n] = b;
    }

    public static Builtin? Find(string name) => _byName.TryGetValue(name, out var b) ? b : null;

    public static IEnumerable<string> Names => _byName.Keys;
}
