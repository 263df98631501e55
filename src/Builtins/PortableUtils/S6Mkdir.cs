using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-mkdir [ -p ] [ -v ] [ -m mode ] dir... — mkdir each dir. -m (octal) sets the umask to 0 so the mode
/// is exact, for the parents -p creates too; -p accepts existing directories; -v tells each one created.
/// A failing dir is reported and the others still made; exit 111 when one failed.
public sealed class S6Mkdir : Builtin
{
    public override string Usage => "s6-mkdir [ -p ] [ -v ] [ -m mode ] dir";

    public override Outcome Run(Invocation inv)
    {
        bool parents = false, verbose = false, exact = false;
        uint mode = SysStat.Mode0777;
        var g = new Getopt(inv.Argv, "pvm:");
        while (g.Next(out var c, out var arg))
        {
            switch (c)
            {
                case 'p': parents = true; break;
                case 'v': verbose = true; break;
                case 'm':
                    // leading octal digits, the rest ignored, as skalibs' uint_oscan reads them
                    if (Octal.Scan(arg!, out mode) == 0) throw inv.Usage();
                    exact = true;
                    break;
                default: throw inv.Usage();
            }
        }
        using var mask = new TemporaryUmask(exact ? 0 : inv.State.Umask);
        int code = 0;
        foreach (var dir in inv.Rest(g.Index))
            code |= parents ? MakeWithParents(inv, dir, (int)mode, verbose) : Make(inv, dir, (int)mode, verbose, true);
        return Outcome.Exit(code);
    }

    /// Every prefix ending before a '/' (but the empty one), then dir itself.
    static int MakeWithParents(Invocation inv, string dir, int mode, bool verbose)
    {
        for (int i = 1; i < dir.Length; i++)
        {
            if (dir[i] != '/') continue;
            int e = Make(inv, dir[..i], mode, verbose, false);
            if (e != 0) return e;
        }
        return Make(inv, dir, mode, verbose, false);
    }

    static int Make(Invocation inv, string dir, int mode, bool verbose, bool existingIsError)
    {
        int err = Files.Mkdir(dir, mode);
        if (err == 0)
        {
            if (verbose) inv.WriteErr($"{inv.Prog}: created directory {dir}\n");
            return 0;
        }
        if (!existingIsError && err == Errno.EEXIST) return 0;
        inv.WarnErrno($"unable to mkdir {dir}", err);
        return 111;
    }
}
