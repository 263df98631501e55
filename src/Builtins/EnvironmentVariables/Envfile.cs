using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.EnvironmentVariables;

/// envfile [ -i | -I ] file prog... — exec prog with the definitions of file (- for stdin) added to the
/// environment. -I: a missing file is no error.
public sealed class Envfile : Builtin
{
    public override string Usage => "envfile [ -i | -I ] file prog...";

    public override Outcome Run(Invocation inv)
    {
        bool strict = true;
        var g = new Getopt(inv.Argv, "iI");
        while (g.Next(out var c, out _))
        {
            if (c == '?') throw inv.Usage();
            strict = c == 'i';
        }
        if (inv.Argv.Count - g.Index < 2) throw inv.Usage();
        var file = inv.Argv[g.Index];
        bool stdin = file == "-";
        var name = stdin ? "standard input" : file;
        int fd;
        if (stdin) fd = inv.State.Fds.Real(0);
        else
        {
            var path = DescriptorPaths.InProcess(inv.State, file);
            fd = path == null ? -1 : Fcntl.Open(path, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC);
            if (fd < 0)
            {
                int e = path == null ? Errno.ENOENT : Errno.Value;
                if (strict || e != Errno.ENOENT) throw inv.DieErrno(111, "unable to open " + name, e);
                return Outcome.Exec(inv.Rest(g.Index + 1));
            }
        }
        var parser = new EnvfileParser(fd);
        var modifs = parser.Parse();
        // Upstream closes what it read, stdin included: the program runs without one.
        if (stdin) inv.State.Fds.Close(0);
        else Unistd.close(fd);
        if (modifs == null)
        {
            if (parser.ReadError != 0) throw inv.DieErrno(111, "unable to read from " + name, parser.ReadError);
            throw inv.Die(1, $"in {name}: syntax error line {parser.Line}");
        }
        Apply(inv.Env, modifs);
        return Outcome.Exec(inv.Rest(g.Index + 1));
    }

    /// Each NUL-terminated piece in turn: NAME=value sets, a bare NAME unsets.
    static void Apply(Environ env, string modifs)
    {
        int i = 0;
        while (i < modifs.Length)
        {
            int end = modifs.IndexOf('\0', i);
            if (end < 0) end = modifs.Length;
            var m = modifs.Substring(i, end - i);
            int eq = m.IndexOf('=');
            if (eq < 0) env.Unset(m);
            else env.Set(m.Substring(0, eq), m.Substring(eq + 1));
            i = end + 1;
        }
    }
}
