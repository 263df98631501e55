using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-ls [ -0 ] [ -a | -A ] [ -x exclude ] dir — the names in dir, one per line (NUL-terminated with -0),
/// in the directory's own order. Dot-names are hidden; -a shows them but "." and "..", -A shows all;
/// -x leaves one name out.
public sealed class S6Ls : Builtin
{
    public override string Usage => "s6-ls [ -0 ] [ -a | -A ] [ -x exclude ] dir";

    public override Outcome Run(Invocation inv)
    {
        int all = 0;
        string? exclude = null;
        char delimiter = '\n';
        var g = new Getopt(inv.Argv, "0aAx:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case '0': delimiter = '\0'; break;
                case 'a': all = 1; break;
                case 'A': all = 2; break;
                case 'x': exclude = arg; break;
                default: throw inv.Usage();
            }
        }
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        var dir = inv.Argv[g.Index];
        // ListDirectory leaves "." and ".." out: only -A shows them, first as readdir gives them
        var names = Dirent.ListDirectory(dir) ?? throw inv.DieErrno(111, $"unable to open directory {dir}", Errno.Value);
        var output = new Output(inv);
        if (all == 2)
            foreach (var dot in new[] { ".", ".." })
                if (dot != exclude) { output.Put(dot); output.Put(delimiter); }
        foreach (var name in names)
        {
            if (name[0] == '.' && all == 0) continue;
            if (name == exclude) continue;
            output.Put(name);
            output.Put(delimiter);
        }
        output.Flush();
        return Outcome.Exit(0);
    }
}
