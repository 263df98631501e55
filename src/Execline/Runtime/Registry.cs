namespace Execline.Runtime;

/// Finds builtins by name. A builtin's class is loaded only when a script first calls it: type loads
/// dominate the start of a short chain, and most chains call a handful of commands.
public static class Registry
{
    static Func<string, Builtin?> _make = _ => null;
    static Func<IReadOnlyList<string>> _names = () => [];
    static readonly Dictionary<string, Builtin?> _made = new();

    /// names is asked only when the list is wanted, so a chain never builds it.
    public static void Use(Func<IReadOnlyList<string>> names, Func<string, Builtin?> make)
    {
        _names = names;
        _make = make;
        _made.Clear();
    }

    public static Builtin? Find(string name)
    {
        if (!_made.TryGetValue(name, out var b)) _made[name] = b = _make(name);
        return b;
    }

    public static IReadOnlyList<string> Names => _names();
}
