using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.EnvironmentVariables;

/// getcwd [ -E | -e ] variable prog... — exec prog with variable set to the working directory.
public sealed class Getcwd : Builtin
{
    public override string Usage => "getcwd [ -E | -e ] variable prog...";

    public override Outcome Run(Invocation inv)
    {
        bool import = false;
        var g = new Getopt(inv.Argv, "Ee");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            import = c == 'E';
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var variable = inv.Argv[g.Index];
        if (!inv.IsValidVariable(variable)) throw inv.Die(100, "invalid variable name");
        var cwd = CurrentDirectory(out int errno);
        if (cwd == null) throw inv.DieErrno(111, "unable to getcwd", errno);
        return SetAndExec.Run(inv, inv.Rest(g.Index + 1), variable, cwd, import);
    }

    /// getcwd with a buffer that grows, so deep directories work as upstream's do.
    static unsafe string? CurrentDirectory(out int errno)
    {
        for (int size = 4096; ; size *= 2)
        {
            var buf = new byte[size];
            fixed (byte* p = buf)
            {
                if (Unistd.getcwd(p, size) != null) { errno = 0; return Text.Bytes.FromCString(p); }
            }
            errno = Errno.Value;
            if (errno != Errno.ERANGE || size >= 1 << 24) return null; // try a bigger buffer
        }
    }
}
