using Execline.Native;
using Execline.Runtime;
using Execline.S6;

namespace Execline.Builtins.Overlay;

/// s6-overlay-preinit [ dir ] — makes dir (default /var/run) and dir/s6 (mode 0755, existing ones are fine) and gives dir/s6 to
/// the real user and group, then drops a setuid-root effective uid. Installed setuid root, it lets a
/// container started with a USER run /init: that user then owns the runtime directory.
public sealed class Preinit : Builtin
{
    public override string Usage => "s6-overlay-preinit [ dir ]";


    public override Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count > 2) throw inv.Usage();
        var dir = inv.Argv.Count == 2 ? inv.Argv[1] : "/var/run";
        var runtime = dir.TrimEnd('/') + "/s6";
        foreach (var d in new[] { dir, runtime })
        {
            int err = Files.Mkdir(d, SysStat.Mode0755);
            if (err != 0 && err != Errno.EEXIST) throw inv.DieErrno(111, "unable to mkdir " + d, err);
        }
        int e = Files.Chown(runtime, Unistd.getuid(), Unistd.getgid());
        if (e != 0) throw inv.DieErrno(111, "unable to chown " + runtime, e);
        if (Unistd.seteuid((uint)Unistd.getuid()) < 0) throw inv.DieErrno(111, "unable to seteuid", Errno.Value);
        return Outcome.Exit(0);
    }
}
