using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.Variables;

/// elglob [ -v ] [ -w ] [ -s ] [ -m ] [ -e ] [ -0 ] key pattern prog...
/// Substitutes key by the paths glob(3) finds for pattern: unsorted unless -s, the pattern itself when
/// nothing matches unless -0 (then no value). -m marks directories with "/", -e turns backslash escapes
/// off, -w stops at a directory that cannot be read, -v warns about such directories.
public sealed class Elglob : SubstitutionDirective
{
    public override string Usage => "elglob [ -v ] [ -w ] [ -s ] [ -m ] [ -e ] [ -0 ] key pattern prog...";

    public override int Parse(Invocation inv, IReadOnlyList<string> argv, int start, SubstitutionSet set)
    {
        int flags = Glob.GLOB_NOSORT | Glob.GLOB_NOCHECK;
        bool verbose = false;
        var g = new Getopt(argv, "vwsme0", start + 1);
        while (g.Next(out var c, out _))
        {
            switch (c)
            {
                case 'v': verbose = true; break;
                case 'w': flags |= Glob.GLOB_ERR; break;
                case 's': flags &= ~Glob.GLOB_NOSORT; break;
                case 'm': flags |= Glob.GLOB_MARK; break;
                case 'e': flags |= Glob.GLOB_NOESCAPE; break;
                case '0': flags &= ~Glob.GLOB_NOCHECK; break;
                default: throw new DirectiveError(DirectiveError.Kind.Syntax);
            }
        }
        if (argv.Count - g.Index < 2) throw new DirectiveError(DirectiveError.Kind.Syntax);
        var key = argv[g.Index];
        if (key.Length == 0 || set.Has(key)) throw new DirectiveError(DirectiveError.Kind.Key);

        Action<string, int>? warn = verbose ? (dir, err) => set.Warn(inv, $"while globbing, error reading {dir}: {Errno.StrError(err)}") : null;
        int r = Glob.Expand(argv[g.Index + 1], flags, warn, out var paths, out var errno);
        if (r != 0 && r != Glob.GLOB_NOMATCH) throw new DirectiveError(DirectiveError.Kind.System, errno);
        set.Add(key, paths);
        return g.Index + 2;
    }
}
