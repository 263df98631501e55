using Execline.Runtime;

namespace Execline.S6;

/// How backtick, withstdinas, getcwd and getpid end: the variable is set (or unset, for a null value) in
/// the environment handed on, and the rest of the line runs. With -E the rest goes through
/// `importas -ui -- var var`, so $var is substituted and the variable leaves the environment again.
public static class SetAndExec
{
    public static Outcome Run(Invocation inv, IReadOnlyList<string> rest, string variable, string? value, bool import)
    {
        if (value == null) inv.Env.Unset(variable);
        else inv.Env.Set(variable, value);
        return Outcome.Exec(import ? ImportedBy(variable, rest) : rest);
    }

    /// rest run through `importas -ui -- variable variable`: $variable substituted, variable unset. The
    /// rest stays a view of the script's words (a copy made every word of the rest of a script a string
    /// at each backtick -E).
    public static IReadOnlyList<string> ImportedBy(string variable, IReadOnlyList<string> rest) =>
        Words.Of(rest).Prefixed(["importas", "-ui", "--", variable, variable]);

    /// A C string ends at its first NUL byte.
    public static string UpToNul(string s)
    {
        int i = s.IndexOf('\0');
        return i < 0 ? s : s.Substring(0, i);
    }
}
