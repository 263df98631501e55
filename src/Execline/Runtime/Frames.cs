namespace Execline.Runtime;

/// The stack of positional (or ELGETOPT_) frames that execline keeps in the environment: pushing renames
/// NAME to NAME:1 and NAME:k to NAME:k+1, popping undoes it, both in place.
public static class Frames
{
    public static bool IsPositional(string name) => name.Length > 0 && (name[0] == '#' || (name[0] >= '0' && name[0] <= '9'));

    public static void Push(Environ env, Func<string, int> prefixLength) =>
        env.Rewrite((name, _) =>
        {
            int p = prefixLength(name);
            if (p <= 0) return name;
            int colon = name.IndexOf(':', p);
            if (colon < 0) return name + ":1";
            return Numbers.TryUnsigned(name.Substring(colon + 1), out var k) ? $"{name.Substring(0, colon)}:{k + 1}" : name;
        });

    public static void Pop(Environ env, Func<string, int> prefixLength) =>
        env.Rewrite((name, _) =>
        {
            int p = prefixLength(name);
            if (p <= 0) return name;
            int colon = name.IndexOf(':', p);
            if (colon < 0) return null;
            if (!Numbers.TryUnsigned(name.Substring(colon + 1), out var k) || k == 0) return name;
            return k == 1 ? name.Substring(0, colon) : $"{name.Substring(0, colon)}:{k - 1}";
        });

    public static int PositionalPrefix(string name) => IsPositional(name) ? 1 : 0;

    public static int ElgetoptPrefix(string name) => name.StartsWith("ELGETOPT_", StringComparison.Ordinal) ? 9 : 0;
}
