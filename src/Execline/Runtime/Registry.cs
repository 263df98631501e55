namespace Execline.Runtime;

/// Finds builtins by name. A builtin is made only when a script first calls it: a short chain touches
/// the code and data of the handful of commands it calls, not of all of them.
public static class Registry
{
    static IReadOnlyList<Func<Command[]>> _families = [];
    static readonly Dictionary<string, Builtin?> _made = new();

    /// The declarations of every command, family by family, each table built when first asked for.
    public static void Use(IReadOnlyList<Func<Command[]>> families)
    {
        _families = families;
        _made.Clear();
    }

    public static Builtin? Find(string name)
    {
        if (!_made.TryGetValue(name, out var b)) _made[name] = b = Declaration(name)?.Make();
        return b;
    }

    static Command? Declaration(string name)
    {
        foreach (var family in _families)
            foreach (var command in family())
                if (command.AnswersTo(name)) return command;
        return null;
    }

    /// Every name a link may carry: the hidden commands left out.
    public static IEnumerable<string> Names =>
        _families.SelectMany(f => f()).Where(c => !c.Hidden).SelectMany(c => (string[])[c.Name, .. c.Aliases ?? []]);
}
