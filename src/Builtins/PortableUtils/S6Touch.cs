using Execline.Native;
using Execline.Runtime;

namespace Execline.Builtins.PortableUtils;

/// s6-touch file... — create each file (mode 0666 less the umask) or set its times to now.
public sealed class S6Touch : Builtin
{
    public override string Usage => "s6-touch file ...";

    public override unsafe Outcome Run(Invocation inv)
    {
        if (inv.Argv.Count < 2) throw inv.Usage();
        foreach (var file in inv.Rest(1))
        {
            int fd = Fcntl.Open(file, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_NONBLOCK | Fcntl.O_CLOEXEC);
            int err = fd < 0 ? Errno.Value : SysStat.futimens(fd, null) < 0 ? Errno.Value : 0;
            if (fd >= 0) Unistd.close(fd);
            if (err != 0) throw inv.DieErrno(111, $"unable to touch {file}", err);
        }
        return Outcome.Exit(0);
    }
}
