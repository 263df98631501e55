using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-chroot dir prog... — change the root directory to dir (which becomes the working directory too),
/// then exec prog. The root is this process's: inside a block, it runs as a process of its own.
public sealed class S6Chroot : Builtin
{
    public override string Usage => "s6-chroot dir prog...";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3) throw inv.Usage();
        var dir = inv.Argv[1];
        int err = RealProcess.ChangeDirectory(inv.State, dir);
        if (err != 0) throw inv.DieErrno(111, $"unable to chdir to {dir}", err);
        err = Files.Chroot(".");
        if (err != 0) throw inv.DieErrno(111, $"unable to chroot in {dir}", err);
        return inv.Exec(inv.Rest(2));
    }
}
