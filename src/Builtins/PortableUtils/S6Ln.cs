using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-ln [ -n ] [ -s ] [ -f ] [ -L ] [ -P ] src... dest — make links like ln. -s symbolic; -f replaces an
/// existing dest atomically (a temporary link renamed over it); -n treats a dest that is a symlink to a
/// directory as a file to replace; -L / -P make a hard link to a symlink's target / to the symlink.
/// With several srcs, dest is a directory. Exits with the number of links that failed.
public sealed class S6Ln : Builtin
{
    public override string Usage => "s6-ln [ -n ] [ -s ] [ -f ] [ -L ] [ -P ] src... dest";

    enum Kind { Hard, HardToTarget, HardToLink, Symbolic }

    public override Outcome Run(Invocation inv)
    {
        var kind = Kind.Hard;
        bool force = false, noDereference = false;
        var g = new Getopt(inv.Argv, "nsfLP");
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'n': noDereference = true; break;
                case 's': kind = Kind.Symbolic; break;
                case 'f': force = true; break;
                case 'L': if (kind != Kind.Symbolic) kind = Kind.HardToTarget; break;
                case 'P': if (kind != Kind.Symbolic) kind = Kind.HardToLink; break;
                default: throw inv.Usage();
            }
        }
        var args = inv.Rest(g.Index);
        if (args.Count < 2) throw inv.Usage();
        var dest = args[^1];
        if (args.Count > 2)
        {
            int failed = 0;
            for (int i = 0; i < args.Count - 1; i++)
                failed += MakeLink(inv, args[i], dest + "/" + PathNames.Base(args[i]), kind, force);
            return Outcome.Exit(failed);
        }
        var st = Files.Stat(dest, out int err, follow: !noDereference);
        if (st is not { } d)
        {
            if (err != Errno.ENOENT) throw inv.DieErrno(111, $"unable to stat {dest}", err);
            return Outcome.Exit(MakeLink(inv, args[0], dest, kind, force));
        }
        if (!Files.IsType(d, SysStat.S_IFDIR)) return Outcome.Exit(MakeLink(inv, args[0], dest, kind, force));
        return Outcome.Exit(MakeLink(inv, args[0], dest + "/" + PathNames.Base(args[0]), kind, force));
    }

    /// 0 when the link is made, 1 (with a warning) when not.
    static int MakeLink(Invocation inv, string src, string dest, Kind kind, bool force)
    {
        int err = Link(src, dest, kind);
        if (err == 0) return 0;
        if (!force || err != Errno.EEXIST)
        {
            inv.WarnErrno($"unable to make a link from {dest} to {src}", err);
            return 1;
        }
        string temp;
        while (true)
        {
            temp = dest + ":s6-ln:" + RandomSuffix();
            err = Link(src, temp, kind);
            if (err != Errno.EEXIST) break;
        }
        if (err != 0)
        {
            inv.WarnErrno($"unable to make a link to {src}", err);
            return 1;
        }
        err = Files.Rename(temp, dest);
        // rename leaves both names when they already were the same file
        Files.Unlink(temp);
        if (err != 0)
        {
            inv.WarnErrno($"unable to atomically replace {dest}", err);
            return 1;
        }
        return 0;
    }

    static int Link(string src, string dest, Kind kind) => kind switch
    {
        Kind.Symbolic => Files.Symlink(src, dest),
        Kind.HardToTarget => Files.Link(src, dest, followLink: true),
        // link(2) on Linux does not follow a symlink
        _ => Files.Link(src, dest, followLink: false),
    };

    static string RandomSuffix()
    {
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var s = new char[6];
        for (int i = 0; i < s.Length; i++) s[i] = letters[Random.Shared.Next(letters.Length)];
        return new string(s);
    }
}
