using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// emptyenv [ -p | -c | -o | -P ] prog... — exec prog with an emptied environment: nothing (or only PATH
/// with -p); with -c only execline's own variables removed; with -P / -o the positional / elgetopt frame
/// popped. -c wins over -P and -o, which win over the default and -p.
public sealed class Emptyenv : Builtin
{
    public override string Usage => "emptyenv [ -p | -c | -o | -P ] prog...";

    public override Outcome Run(Invocation inv)
    {
        bool path = false, cleanup = false, opt = false, pos = false;
        var g = new Getopt(inv.Argv, "pcoP");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'p': path = true; break;
                case 'c': cleanup = true; break;
                case 'o': opt = true; break;
                case 'P': pos = true; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var env = inv.Env;
        if (cleanup) CleanUp(env);
        else if (opt || pos)
            Frames.Pop(env, name => pos && Frames.IsPositional(name) ? 1 : opt ? Frames.ElgetoptPrefix(name) : 0);
        else
        {
            string? pathEntry = null;
            if (path)
                foreach (var e in env.Entries)
                    if (e.StartsWith("PATH=", StringComparison.Ordinal)) { pathEntry = e; break; }
            env.Clear();
            if (pathEntry != null) env.Set("PATH", pathEntry.Substring(5));
        }
        return Outcome.Exec(inv.Rest(g.Index));
    }

    /// Unsets ! and ?, then, in environment order, every variable execline itself may have set.
    static void CleanUp(Environ env)
    {
        var names = new List<string>();
        foreach (var e in env.Entries)
        {
            if (e.StartsWith("ELGETOPT_", StringComparison.Ordinal) || e.StartsWith("EXECLINE_", StringComparison.Ordinal)
                || e.StartsWith("FD", StringComparison.Ordinal) || Frames.IsPositional(e))
            {
                int eq = e.IndexOf('=');
                names.Add(eq < 0 ? e : e.Substring(0, eq));
            }
        }
        env.Unset("!");
        env.Unset("?");
        foreach (var n in names) env.Unset(n);
    }
}
