using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-hiercopy src dst — copy the hierarchy at src to dst, keeping file types, modes and (where allowed)
/// owners; symlinks are copied as symlinks. dst may already exist as a directory.
public sealed class S6Hiercopy : Builtin
{
    public override string Usage => "s6-hiercopy src dst";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3) throw inv.Usage();
        string src = inv.Argv[1], dst = inv.Argv[2];
        using var mask = new TemporaryUmask(0);
        int err = Tree.Copy(src, dst);
        if (err != 0) throw inv.DieErrno(111, $"unable to copy hierarchy from {src} to {dst}", err);
        return Outcome.Exit(0);
    }
}
