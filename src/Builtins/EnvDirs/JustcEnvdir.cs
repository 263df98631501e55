using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

/// justc-envdir [ -I | -i ] dir prog... — s6-overlay's envdir: each file's whole content (up to a NUL)
/// becomes the variable's value, up to EnvDir.Bound (a larger file is an error naming it, where
/// upstream reads without end); an empty file gives an empty value. -I: a missing dir is no error.
public sealed class JustcEnvdir : Builtin
{
    public override string Usage => "justc-envdir [-I | -i ] dir prog...";

    public override Outcome Run(Invocation inv)
    {
        bool insist = true;
        var g = new Getopt(inv.Argv, "Ii");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            insist = c == 'i';
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var reader = new EnvDir { Rule = ValueRule.WholeFile };
        var changes = reader.Read(inv.Argv[g.Index], out int errno);
        if (changes != null) EnvDir.Apply(inv.Env, changes);
        else if (reader.Refusal != null) throw inv.Die(111, reader.Refusal);
        else if (insist || errno != Errno.ENOENT) throw inv.DieErrno(111, "unable to justc_envdir", errno);
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }
}
