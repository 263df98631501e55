using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-chmod mode file — set file's mode to an absolute octal mode (up to 07777); no symbolic modes.
public sealed class S6Chmod : Builtin
{
    public override string Usage => "s6-chmod mode file";

    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 3 || !Octal.ScanFull(inv.Argv[1], out var mode)) throw inv.Usage();
        var file = inv.Argv[2];
        int err = Files.Chmod(file, (int)(mode & SysStat.ALLPERMS));
        if (err != 0) throw inv.DieErrno(111, $"unable to change mode of {file}", err);
        return Outcome.Exit(0);
    }
}
