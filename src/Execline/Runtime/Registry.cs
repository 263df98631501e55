namespace Execline.Runtime;

/// Finds builtins by name. A builtin is made only when a script first calls it: a short chain touches
/// the code and data of the handful of commands it calls, not of all of them.
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
