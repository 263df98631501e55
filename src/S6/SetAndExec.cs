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

    /// rest run through `importas -ui -- variable variable`: $variable substituted, variable unset.
    public static List<string> ImportedBy(string variable, IReadOnlyList<string> rest) =>
        ["importas", "-ui", "--", variable, variable, .. rest];

    /// A C string ends at its first NUL byte.
    public static string UpToNul(string s)
    {
        int i = s.IndexOf('\0');
        return i < 0 ? s : s.Substring(0, i);
    }
}
