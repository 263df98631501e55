using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvDirs;

/// s6-envdir [ -I | -i ] [ -n ] [ -f ] [ -L ] [ -c nullchar ] dir prog... — exec prog with the variables
/// of dir set (or unset, for an empty file). -I: a missing dir is no error. Reads at most 4095 bytes of a
/// file as s6 does; under -L, up to EnvDir.Bound (a longer value is an error naming the file, where s6
/// reads without end).
public sealed class S6Envdir : Builtin
{
    public override string Usage => "s6-envdir [ -I | -i ] [ -n ] [ -f ] [ -L ] [ -c nullchar ] dir prog...";

    public override Outcome Run(Invocation inv)
    {
        var reader = new EnvDir();
        bool insist = true;
        var g = new Getopt(inv.Argv, "IinfLc:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'I': insist = false; break;
                case 'i': insist = true; break;
                case 'n': reader.NoChomp = true; break;
                case 'f': reader.Verbatim = true; break;
                case 'L': reader.NoClamp = true; break;
                case 'c': reader.NullIs = arg!.Length > 0 ? arg[0] : '\0'; break;
                default: throw inv.Usage();
            }
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var dir = inv.Argv[g.Index];
        int errno = Errno.EINVAL;
        var changes = reader.NullIs == '\0' ? null : reader.Read(dir, out errno);
        if (changes != null) EnvDir.Apply(inv.Env, changes);
        else if (reader.Refusal != null) throw inv.Die(111, reader.Refusal);
        else if (insist || errno != Errno.ENOENT) throw inv.DieErrno(111, "unable to envdir " + dir, errno);
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }
}
