using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.PortableUtils;

/// s6-mkfifo [ -m mode ] fifo... — make each FIFO with mode (octal, default 0666); the umask only ever
/// takes the execute bits away.
public sealed class S6Mkfifo : Builtin
{
    public override string Usage => "s6-mkfifo [ -m mode ] fifo...";

    public override Outcome Run(Invocation inv)
    {
        uint mode = SysStat.Mode0666;
        var g = new Getopt(inv.Argv, "m:");
        while (g.Next(out var c, out var arg))
            if (c != 'm' || !Octal.ScanFull(arg!, out mode)) throw inv.Usage();
        if (g.Index >= inv.Argv.Count) throw inv.Usage();
        using var mask = new TemporaryUmask(SysStat.S_IXUSR | SysStat.S_IXGRP | SysStat.S_IXOTH);
        foreach (var fifo in inv.Rest(g.Index))
        {
            int err = Files.Mknod(fifo, (int)(SysStat.S_IFIFO | (mode & SysStat.ALLPERMS)), 0);
            if (err != 0) throw inv.DieErrno(111, $"unable to mkfifo {fifo}", err);
        }
        return Outcome.Exit(0);
    }
}
