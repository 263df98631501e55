using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-rmrf file... — remove each file, a directory with everything under it; a missing file is fine.
public sealed class S6Rmrf : Builtin
{
    public override string Usage => "s6-rmrf file ...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        foreach (var file in inv.Rest(1))
        {
            int err = Tree.Remove(file);
            // upstream names the first argument whichever failed; we name the one that did
            if (err != 0) throw inv.DieErrno(111, $"unable to remove {file}", err);
        }
        return Outcome.Exit(0);
    }
}
